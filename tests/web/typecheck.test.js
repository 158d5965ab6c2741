// Vite strips types without checking them: the playground's TypeScript is checked here.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';

import { repoRoot } from '../js/support/packed-package.js';

it('web/ compiles under strict TypeScript against the package types', async () => {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', join(repoRoot, 'web/tsconfig.json')]);
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});
