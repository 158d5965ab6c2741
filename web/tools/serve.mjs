// `npm start`'s last step: builds the playground (web/) into build/web and serves it, then
// prints its URL. PORT and HOST choose where (default localhost:5173, the next free port if
// taken). The package must be built first (dist/); scripts/start.sh does it all.
import { existsSync } from 'node:fs';

import { build, preview } from 'vite';

const configFile = new URL('../vite.config.js', import.meta.url).pathname;
if (!existsSync(new URL('../../dist/index.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run build` first (npm start does).');
  process.exit(1);
}

await build({ configFile });
const port = Number(process.env.PORT ?? 5173);
const server = await preview({
  configFile,
  preview: { port, strictPort: process.env.PORT !== undefined, host: process.env.HOST ?? 'localhost' },
});
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`peewasm playground: ${url}`);
