// Runs every tutorial lesson against the built package, through the playground's own runner,
// and compares its printed lines, its SQL (and the setup's) and its query count with what
// the real Peewee did (tutorials/*/expected.*, from ../shared/oracle).
//
// Lessons that need parts of the JS API that have not landed yet are listed, with the
// reason, in tutorials.todo.json. They still run, as node:test "todo" tests; a listed lesson
// that passes fails the suite, so the list only ever shrinks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as peewasm from 'peewasm';

import { readTutorials } from '../../web/tools/read-tutorials.mjs';
import { assertMatchesLesson, loadRunner, setupOf, todoReasons } from './support/tutorial-runner.js';

const tutorials = readTutorials();
const todoReason = todoReasons();
const passingTodos = [];

for (const chapter of tutorials.chapters) {
  describe(chapter.slug, () => {
    for (const lesson of chapter.lessons) {
      const path = `${chapter.slug}/${lesson.slug}`;
      const reason = todoReason.get(path);
      it(lesson.slug, { todo: reason }, async () => {
        const { runExample } = await loadRunner();
        const result = await runExample(peewasm, { setup: setupOf(chapter, lesson), code: lesson.code });
        assertMatchesLesson(result, lesson);
        if (reason) passingTodos.push(path);
      });
    }
  });
}

describe('every lesson', () => {
  it('parses, with its setup, as the body of one async function', async () => {
    const { compileExample } = await loadRunner();
    for (const chapter of tutorials.chapters) {
      for (const lesson of chapter.lessons) {
        const source = { setup: setupOf(chapter, lesson), code: lesson.code };
        assert.doesNotThrow(() => compileExample(source, []), `${chapter.slug}/${lesson.slug}`);
      }
    }
  });
});

describe('tutorials.todo.json', () => {
  it('lists only lessons that exist', () => {
    const lessons = new Set(tutorials.chapters.flatMap((c) => c.lessons.map((l) => `${c.slug}/${l.slug}`)));
    assert.deepEqual([...todoReason.keys()].filter((path) => !lessons.has(path)), []);
  });

  // Tests run in order, so every lesson has run by now.
  it('lists no lesson that passes', () => {
    assert.deepEqual(passingTodos, [], 'these lessons pass now: remove them from tutorials.todo.json');
  });
});
