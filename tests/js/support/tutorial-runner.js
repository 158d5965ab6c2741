// Shared by the tutorial tests: compiles the playground's DOM-free runner for Node (once per
// process) and compares a run with a lesson's expected results.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../../', import.meta.url);

let compiled;
/** web/src/worker/run-example.ts, compiled by tsc into build/web-runner. */
export function loadRunner() {
  compiled ??= (() => {
    const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
    execFileSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('web/tsconfig.runner.json', root))]);
    return import(new URL('build/web-runner/run-example.js', root).href);
  })();
  return compiled;
}

const sorted = (lines) => [...lines].sort();

/** Asserts that a run did exactly what the lesson expects. */
export function assertMatchesLesson(result, lesson) {
  const { expected, expectedLines } = lesson;
  const where = result.error?.line ? ` (example line ${result.error.line})` : '';
  assert.equal(result.error, null, `the example threw ${result.error?.name}: ${result.error?.message}${where}`);
  assert.deepEqual(result.setupStatements, expected.setupStatements, 'setup statements');
  assert.deepEqual(result.statements, expected.statements, 'statements of the example');
  assert.equal(result.queryCount, expected.queryCount, 'query count');
  if (expected.outputOrder === 'any') {
    assert.deepEqual(sorted(result.lines), sorted(expectedLines), 'printed lines (in any order)');
  } else {
    assert.deepEqual(result.lines, expectedLines, 'printed lines');
  }
}

/** The setup code of a lesson, in order. */
export const setupOf = (chapter, lesson) => lesson.expected.setup.map((name) => chapter.setups[name]);

/**
 * tests/js/tutorials.todo.json as a map from lesson path (`chapter/lesson`) to the reason it
 * is a todo: lessons whose part of the JS API has not landed yet.
 */
export function todoReasons() {
  const todo = JSON.parse(readFileSync(new URL('../tutorials.todo.json', import.meta.url), 'utf8'));
  return new Map(todo.flatMap(({ reason, lessons }) => lessons.map((path) => [path, reason])));
}
