// The packed tarball, installed into a fresh folder, bundled by Vite into a page, run in
// headless Chromium: the page runs examples through the playground's runner and reports what
// they did. One is a smoke example of the Database API; one is a seed example (a lesson).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { build } from 'vite';

import { readTutorials } from '../../web/tools/read-tutorials.mjs';
import { installTarball, packTarball, repoRoot } from '../js/support/packed-package.js';
import { assertMatchesLesson, loadRunner, setupOf, todoReasons } from '../js/support/tutorial-runner.js';
import { launchChromium, openPage } from './support/browser.js';
import { serveDirectory } from './support/static-server.js';

const seedPath = '01-relationships-and-joins/16-joins-simple-inferred';
const seedTodo = todoReasons().get(seedPath);

const smoke = {
  setup: ["const db = await Database.open(':memory:');", "db.executeSql('CREATE TABLE user (username TEXT UNIQUE)');"],
  code: [
    "db.executeSql('INSERT INTO user (username) VALUES (?)', ['huey']);",
    "print(db.querySql('SELECT username FROM user'));",
    "try { db.executeSql('INSERT INTO user (username) VALUES (?)', ['huey']); }",
    'catch (e) { print(e instanceof IntegrityError, e.name, e.message); }',
  ].join('\n'),
};

const page = (examples) => ({
  'index.html': '<!doctype html><title>peewasm consumer</title><pre id="result"></pre><script type="module" src="/src/main.js"></script>\n',
  'src/examples.json': JSON.stringify(examples),
  'src/main.js': [
    "import * as peewasm from 'peewasm';",
    "import { runExample } from './run-example.js';",
    "import examples from './examples.json';",
    '// No top-level await: Vite\'s default build target (es2020) has none.',
    'async function main() {',
    '  const results = {};',
    '  for (const [name, source] of Object.entries(examples)) results[name] = await runExample(peewasm, source);',
    "  document.querySelector('#result').textContent = JSON.stringify(results);",
    "  document.body.dataset.done = 'true';",
    '}',
    'main();',
    '',
  ].join('\n'),
});

describe('the packed tarball bundled by Vite, in headless Chromium', () => {
  let results;
  let browser;
  let server;
  let passingTodo;

  before(async () => {
    const project = await installTarball(await packTarball());
    await loadRunner();
    const [chapterSlug, lessonSlug] = seedPath.split('/');
    const chapter = readTutorials().chapters.find((c) => c.slug === chapterSlug);
    const lesson = chapter.lessons.find((l) => l.slug === lessonSlug);
    mkdirSync(join(project, 'src'));
    for (const [file, text] of Object.entries(page({ smoke, seed: { setup: setupOf(chapter, lesson), code: lesson.code } }))) {
      writeFileSync(join(project, file), text);
    }
    for (const file of ['run-example.js', 'format-value.js']) {
      copyFileSync(join(repoRoot, 'build/web-runner', file), join(project, 'src', file));
    }
    await build({ root: project, logLevel: 'error', build: { outDir: join(project, 'dist') } });

    server = await serveDirectory(join(project, 'dist'));
    browser = await launchChromium();
    const opened = await openPage(browser, server.url);
    await opened.page.waitForSelector('body[data-done]', { timeout: 60_000 });
    results = JSON.parse(await opened.page.textContent('#result'));
    results.lesson = lesson;
    assert.deepEqual(opened.problems, []);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('bundles the wasm as an asset and runs the Database API in the page', () => {
    assert.deepEqual(results.smoke, {
      lines: ["[{ username: 'huey' }]", 'true IntegrityError UNIQUE constraint failed: user.username'],
      statements: [
        { sql: 'INSERT INTO user (username) VALUES (?)', params: ['huey'] },
        { sql: 'SELECT username FROM user', params: [] },
        { sql: 'INSERT INTO user (username) VALUES (?)', params: ['huey'] },
      ],
      setupStatements: [{ sql: 'CREATE TABLE user (username TEXT UNIQUE)', params: [] }],
      queryCount: 3,
      error: null,
    });
  });

  it(`runs the seed example ${seedPath}`, { todo: seedTodo }, () => {
    assertMatchesLesson(results.seed, results.lesson);
    if (seedTodo) passingTodo = seedPath;
  });

  it('has no todo that passes', () => {
    assert.equal(passingTodo, undefined, 'this passes now: remove it from tests/js/tutorials.todo.json');
  });
});
