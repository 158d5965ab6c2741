// The playground (web/) built by Vite and driven in headless Chromium: the lessons are
// listed, an edited example runs in the worker and shows its output, SQL and query count,
// an endless loop is stopped, and every lesson runs in the page as in tests/js (same todo
// list). Screenshots go to build/screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { build } from 'vite';

import { readTutorials } from '../../web/tools/read-tutorials.mjs';
import { repoRoot } from '../js/support/packed-package.js';
import { todoReasons } from '../js/support/tutorial-runner.js';
import { launchChromium, openPage } from './support/browser.js';
import { serveDirectory } from './support/static-server.js';

const tutorials = readTutorials();
const todoReason = todoReasons();
const screenshots = join(repoRoot, 'build/screenshots');

describe('the playground in headless Chromium', () => {
  let browser;
  let server;
  let page;
  let problems;

  before(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'peewasm-web-'));
    await build({ configFile: join(repoRoot, 'web/vite.config.js'), logLevel: 'error', build: { outDir } });
    server = await serveDirectory(outDir);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, server.url));
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/${path}`);
    await page.waitForFunction((p) => document.querySelector('.sidebar a[aria-current=page]')?.getAttribute('href') === `#/${p}`, path);
  }

  async function runAndWait() {
    await page.click('button.run');
    await page.waitForSelector('.results[data-state=done]');
    return page.$eval('.results', (el) => ({ ...el.dataset }));
  }

  it('lists every chapter and lesson, and opens the first lesson', async () => {
    const chapters = await page.$$eval('.sidebar > details > summary', (els) => els.map((el) => el.textContent));
    assert.deepEqual(chapters, tutorials.chapters.map((c) => c.title));
    const links = await page.$$eval('.sidebar a', (els) => els.length);
    assert.equal(links, tutorials.chapters.reduce((n, c) => n + c.lessons.length, 0));
    const first = tutorials.chapters[0].lessons[0];
    assert.equal(await page.textContent('.lesson h2'), first.title);
    assert.equal(await page.inputValue('textarea.editor'), first.code);
    await page.screenshot({ path: join(screenshots, 'playground-first-lesson.png') });
    await page.click('.pager a[rel=next]');
    await page.waitForFunction((title) => document.querySelector('.lesson h2')?.textContent === title, tutorials.chapters[0].lessons[1].title);
  });

  it('runs edited code in the worker and shows its output, SQL and query count', async () => {
    await open('02-relationships-first-edition/03-models-pragmas-foreign-keys');
    await page.fill(
      'textarea.editor',
      [
        "const db = await Database.open(':memory:');",
        "db.executeSql('CREATE TABLE t (x TEXT)');",
        "db.executeSql('INSERT INTO t (x) VALUES (?)', ['huey']);",
        "print(db.querySql('SELECT x FROM t'), 'meow');",
      ].join('\n'),
    );
    const state = await runAndWait();
    assert.equal(state.state, 'done');
    assert.equal(await page.textContent('.results .panel .output'), "[{ x: 'huey' }] meow\n");
    const sql = await page.$$eval('.results .panel ol.sql li code', (els) => els.map((el) => el.textContent));
    assert.deepEqual(sql, ['CREATE TABLE t (x TEXT)', 'INSERT INTO t (x) VALUES (?)', 'SELECT x FROM t']);
    assert.match(await page.textContent('.results .count'), /3 queries/);
    await page.screenshot({ path: join(screenshots, 'playground-edited-run.png'), fullPage: true });
  });

  it('stops an endless loop, showing what it printed and sent, and runs again afterwards', async () => {
    await page.fill(
      'textarea.editor',
      "const db = await Database.open(':memory:');\ndb.executeSql('SELECT 1');\nprint('spinning');\nfor (;;) {}",
    );
    await page.click('button.run');
    await page.waitForSelector('.results[data-state=running]');
    await page.waitForTimeout(300);
    await page.click('button.stop');
    await page.waitForSelector('.results[data-state=stopped]');
    assert.equal(await page.textContent('.results .panel .output'), 'spinning\n');
    const sql = await page.$$eval('.results .panel ol.sql li code', (els) => els.map((el) => el.textContent));
    assert.deepEqual(sql, ['SELECT 1']);
    await page.screenshot({ path: join(screenshots, 'playground-stopped.png') });
    await page.fill('textarea.editor', "print('after the stop');");
    await runAndWait();
    assert.equal(await page.textContent('.results .panel .output'), 'after the stop\n');
  });

  describe('every lesson, run in the page', () => {
    const passingTodos = [];
    for (const chapter of tutorials.chapters) {
      for (const lesson of chapter.lessons) {
        const path = `${chapter.slug}/${lesson.slug}`;
        it(path, { todo: todoReason.get(path) }, async () => {
          await open(path);
          const state = await runAndWait();
          assert.deepEqual(
            { output: state.output, sql: state.sql, queryCount: state.queryCount },
            { output: 'true', sql: 'true', queryCount: 'true' },
            await page.textContent('.results'),
          );
          if (todoReason.has(path)) passingTodos.push(path);
        });
      }
    }
    it('has no todo that passes', () => {
      assert.deepEqual(passingTodos, [], 'these pass now: remove them from tests/js/tutorials.todo.json');
    });
  });

  it('logs no page error', async () => {
    await open('01-relationships-and-joins/16-joins-simple-inferred');
    await runAndWait();
    await page.screenshot({ path: join(screenshots, 'playground-lesson-run.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
