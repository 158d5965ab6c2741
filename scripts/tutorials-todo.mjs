#!/usr/bin/env node
// Keeps tests/js/tutorials.todo.json honest after the package gains API: runs every lesson
// against the built package (dist/), drops the listed lessons that pass now, and prints the
// lessons that fail without being listed (add them with a reason, or fix them).
// Usage: npm run build && node scripts/tutorials-todo.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import * as peewasm from 'peewasm';

import { readTutorials } from '../web/tools/read-tutorials.mjs';

const root = new URL('..', import.meta.url);
const todoFile = new URL('tests/js/tutorials.todo.json', root);
const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
execFileSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('web/tsconfig.runner.json', root))]);
const { runExample } = await import(new URL('build/web-runner/run-example.js', root).href);
const { assertMatchesLesson } = await import(new URL('tests/js/support/tutorial-runner.js', root).href);

const todo = JSON.parse(readFileSync(todoFile, 'utf8'));
const listed = new Set(todo.flatMap((group) => group.lessons));
const passing = new Set();
const unlisted = [];
for (const chapter of readTutorials().chapters) {
  for (const lesson of chapter.lessons) {
    const path = `${chapter.slug}/${lesson.slug}`;
    const setup = lesson.expected.setup.map((name) => chapter.setups[name]);
    const result = await runExample(peewasm, { setup, code: lesson.code });
    try {
      assertMatchesLesson(result, lesson);
      passing.add(path);
    } catch (error) {
      if (!listed.has(path)) unlisted.push(`${path}: ${error.message.split('\n')[0]}`);
    }
  }
}

const kept = todo
  .map((group) => ({ ...group, lessons: group.lessons.filter((path) => !passing.has(path)) }))
  .filter((group) => group.lessons.length > 0);
writeFileSync(todoFile, `${JSON.stringify(kept, null, 2)}\n`);
console.log(`${passing.size} lessons pass; ${[...listed].filter((p) => passing.has(p)).length} left the todo list.`);
if (unlisted.length) console.log(`Failing and not listed:\n  ${unlisted.join('\n  ')}`);
