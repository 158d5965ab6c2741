// How a run compares with what Peewee did for the same example (tutorials/*/expected.*):
// the same checks tests/js/tutorials.test.js makes, as flags the page can show.
import type { Lesson } from 'virtual:tutorials';

import type { RunResult } from '../worker/run-example.js';

export interface Comparison {
  output: boolean;
  sql: boolean;
  queryCount: boolean;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compareRun(result: RunResult, lesson: Lesson): Comparison {
  const { expected, expectedLines } = lesson;
  const order = (lines: string[]) => (expected.outputOrder === 'any' ? [...lines].sort() : lines);
  return {
    output: result.error === null && sameJson(order(result.lines), order(expectedLines)),
    sql: sameJson(result.statements, expected.statements),
    queryCount: result.queryCount === expected.queryCount,
  };
}
