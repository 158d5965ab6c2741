// The packed tarball, installed into a fresh folder and imported from plain Node ES modules:
// the README's JavaScript quick start, and a seed example (a tutorial lesson, printing
// exactly its expected lines).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import * as peewasm from 'peewasm';

import { readTutorials } from '../../web/tools/read-tutorials.mjs';
import { installTarball, lessonModule, packTarball, repoRoot } from './support/packed-package.js';
import { todoReasons } from './support/tutorial-runner.js';

const run = promisify(execFile);
const todoReason = (path) => todoReasons().get(path);

/** The first ```js block after `marker` in the README, and the ``` block after that. */
function readmeExample(marker) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf(marker);
  assert.ok(start >= 0, `README.md has no "${marker}"`);
  const blocks = [...readme.slice(start).matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  const code = blocks.find(([, lang]) => lang === 'js');
  assert.ok(code, `no js block after "${marker}"`);
  const output = blocks[blocks.indexOf(code) + 1];
  return { code: code[2], output: output[2].split('\n').slice(0, -1) };
}

async function runModule(project, name, source) {
  writeFileSync(join(project, name), source);
  const { stdout } = await run(process.execPath, [name], { cwd: project });
  return stdout.split('\n').slice(0, -1);
}

const seedLesson = { chapter: '01-relationships-and-joins', lesson: '16-joins-simple-inferred' };

describe('the packed tarball in a fresh folder', () => {
  let project;
  let passingTodo;
  before(async () => {
    project = await installTarball(await packTarball());
  });

  it('installs only the entries, the types and the wasm', async () => {
    const { stdout } = await run('npm', ['ls', '--parseable', '--all'], { cwd: project });
    assert.equal(stdout.trim().split('\n').length, 2, `no dependencies expected:\n${stdout}`);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/peewasm/package.json'), 'utf8'));
    assert.deepEqual(manifest.files, ['dist']);
    for (const file of ['dist/node.js', 'dist/index.js', 'dist/index.d.ts', 'dist/peewasm.wasm']) {
      assert.ok(readFileSync(join(project, 'node_modules/peewasm', file)).length > 0, file);
    }
  });

  it("runs the README's JavaScript quick start, printing what the README says", async () => {
    const { code, output } = readmeExample('## JavaScript quick start');
    assert.deepEqual(await runModule(project, 'first-slice.js', code), output);
  });

  const path = `${seedLesson.chapter}/${seedLesson.lesson}`;
  it(`runs the seed example ${path} from plain Node ESM`, { todo: todoReason(path) }, async () => {
    const chapter = readTutorials().chapters.find((c) => c.slug === seedLesson.chapter);
    const lesson = chapter.lessons.find((l) => l.slug === seedLesson.lesson);
    const names = Object.keys(peewasm);
    const source = lessonModule({ names, setup: lesson.expected.setup.map((n) => chapter.setups[n]), code: lesson.code });
    assert.deepEqual(await runModule(project, 'seed-example.js', source), lesson.expectedLines);
    if (todoReason(path)) passingTodo = path;
  });

  it('has no todo that passes', () => {
    assert.equal(passingTodo, undefined, 'this passes now: remove it from tests/js/tutorials.todo.json');
  });
});
