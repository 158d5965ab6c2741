// `npm start` installs what is missing, builds, serves the playground and prints its URL.
// Started here on a free port; the page and its assets must come back; then it is stopped.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, describe, it } from 'node:test';

import { repoRoot } from '../js/support/packed-package.js';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with the URL `npm start` prints, or rejects with its output if it exits first. */
function waitForUrl(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /peewasm playground: (http\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code} before printing a URL:\n${output}`)));
  });
}

describe('npm start', () => {
  let child;
  after(() => {
    // npm start runs in its own process group: end the group (npm, bash, node).
    if (child?.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  });

  it('serves the playground at the URL it prints', { timeout: 10 * 60_000 }, async () => {
    const port = await freePort();
    child = spawn('npm', ['start'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const url = await waitForUrl(child);
    assert.equal(url, `http://127.0.0.1:${port}/`);

    const html = await (await fetch(url)).text();
    assert.match(html, /<title>peewasm playground<\/title>/);
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html);
    assert.ok(script, html);
    // The page's bundle starts the lesson worker, whose bundle loads the wasm.
    const assets = new URL('assets/', url);
    const fetchAsset = async (pattern, text) => {
      const name = pattern.exec(text);
      assert.ok(name, `no ${pattern} in ${text.slice(0, 200)}`);
      const response = await fetch(new URL(name[0], assets));
      assert.equal(response.status, 200, name[0]);
      return response;
    };
    const main = await (await fetchAsset(/index-[\w-]+\.js/, script[1])).text();
    const worker = await (await fetchAsset(/lesson-worker-[\w-]+\.js/, main)).text();
    const wasm = await fetchAsset(/peewasm-[\w-]+\.wasm/, worker);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  });
});
