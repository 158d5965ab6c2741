// The official SQLite wasm build (@sqlite.org/sqlite-wasm), its oo1 API with row objects.
import { rootPackages } from '../harness/packages.js';
import { rawSqlPeer } from './raw/raw-sql-peer.js';

export default rawSqlPeer({
  name: 'sqlite-wasm',
  kind: 'wasm',
  version: rootPackages.version('@sqlite.org/sqlite-wasm'),
  // The browser entry and its wasm (the OPFS proxy and worker files are optional extras).
  shipped: ['dist/index.mjs', 'dist/sqlite3.wasm'].map((file) => rootPackages.file('@sqlite.org/sqlite-wasm', file)),
  async loadAdapter() {
    const { default: init } = await import('@sqlite.org/sqlite-wasm');
    const sqlite3 = await init();
    return {
      open() {
        const db = new sqlite3.oo1.DB(':memory:', 'c');
        return {
          exec: (sql) => db.exec(sql),
          prepare(sql) {
            const stmt = db.prepare(sql);
            const bind = (params) => {
              if (params.length > 0) stmt.bind(params);
            };
            return {
              all(params) {
                bind(params);
                const rows = [];
                while (stmt.step()) rows.push(stmt.get({}));
                stmt.reset();
                return rows;
              },
              get(params) {
                bind(params);
                const row = stmt.step() ? stmt.get({}) : undefined;
                stmt.reset();
                return row;
              },
              run(params) {
                bind(params);
                stmt.stepReset();
              },
            };
          },
          close: () => db.close(),
        };
      },
    };
  },
});
