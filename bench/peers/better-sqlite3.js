// better-sqlite3: native SQLite for Node (no wasm), the fastest JS peer there is. Installed
// by npm run bench from bench/package.json; reported absent when it is not installed.
import { benchPackages } from '../harness/packages.js';
import { rawSqlPeer } from './raw/raw-sql-peer.js';

const installed = benchPackages.installed('better-sqlite3');

export default {
  ...rawSqlPeer({
    name: 'better-sqlite3',
    kind: 'native',
    version: installed ? benchPackages.version('better-sqlite3') : null,
    async loadAdapter() {
      const Database = benchPackages.require('better-sqlite3');
      return {
        open() {
          const db = new Database(':memory:');
          return {
            exec: (sql) => db.exec(sql),
            prepare(sql) {
              const stmt = db.prepare(sql);
              return {
                all: (params) => stmt.all(params),
                get: (params) => stmt.get(params),
                run: (params) => stmt.run(params),
              };
            },
            close: () => db.close(),
          };
        },
      };
    },
  }),
  absentBecause: installed ? null : 'not installed (npm run bench installs bench/package.json)',
};
