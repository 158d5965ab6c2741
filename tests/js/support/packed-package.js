// The package as a user gets it: `npm pack` of this checkout (dist/ must be built), installed
// with npm into a fresh folder outside the repository. Each call makes a new folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Packs the checkout into a temp folder; returns the tarball's path. */
export async function packTarball() {
  const destination = mkdtempSync(join(tmpdir(), 'peewasm-pack-'));
  await run('npm', ['pack', '--pack-destination', destination, '--silent'], { cwd: repoRoot });
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
  return join(destination, tarball);
}

/** A fresh ES module project with the tarball installed; returns its folder. */
export async function installTarball(tarball) {
  const project = mkdtempSync(join(tmpdir(), 'peewasm-consumer-'));
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  // The package has no dependencies, so nothing is fetched from the registry.
  await run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: project });
  return project;
}

/**
 * A lesson as one plain ES module of the consumer: the package's exports imported by name,
 * print() as console.log, now() as the lesson clock, then the setup and the example.
 */
export function lessonModule({ names, setup, code }) {
  return [
    `import { ${names.join(', ')} } from 'peewasm';`,
    'const print = (...values) => console.log(...values);',
    'let minutes = 0;',
    'const now = () => new Date(2024, 0, 1, 0, minutes++);',
    ...setup,
    '{',
    code,
    '}',
    '',
  ].join('\n');
}
