// sql.js: SQLite compiled to wasm, Statement.getAsObject() row objects.
import { rootPackages } from '../harness/packages.js';
import { rawSqlPeer } from './raw/raw-sql-peer.js';

export default rawSqlPeer({
  name: 'sql.js',
  kind: 'wasm',
  version: rootPackages.version('sql.js'),
  shipped: ['dist/sql-wasm.js', 'dist/sql-wasm.wasm'].map((file) => rootPackages.file('sql.js', file)),
  async loadAdapter() {
    const SQL = await rootPackages.require('sql.js')();
    return {
      open() {
        const db = new SQL.Database();
        return {
          exec: (sql) => db.run(sql),
          prepare(sql) {
            const stmt = db.prepare(sql);
            return {
              all(params) {
                stmt.bind(params);
                const rows = [];
                while (stmt.step()) rows.push(stmt.getAsObject());
                stmt.reset();
                return rows;
              },
              get(params) {
                stmt.bind(params);
                const row = stmt.step() ? stmt.getAsObject() : undefined;
                stmt.reset();
                return row;
              },
              run: (params) => stmt.run(params),
            };
          },
          close: () => db.close(),
        };
      },
    };
  },
});
