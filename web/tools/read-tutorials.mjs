// Reads the tutorials/ tree into one index: chapters and lessons in order (folders named
// NN-...), each lesson with its prose, code, setup code and expected results. The Vite build
// serves it to the playground as `virtual:tutorials`; tests/js/tutorials.test.js runs it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const tutorialsDir = fileURLToPath(new URL('../../tutorials/', import.meta.url));

const numbered = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
    .map((entry) => entry.name)
    .sort();

const read = (...parts) => readFileSync(join(...parts), 'utf8');

/** Splits `---\nkey: value\n---\nbody` into its fields and body. */
export function parseLesson(text) {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('lesson.md must start with front matter between --- lines');
  const fields = Object.fromEntries(
    match[1].split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
  return { ...fields, prose: match[2].trim() };
}

function readLesson(chapterDir, name, setups) {
  const dir = join(chapterDir, name);
  const lesson = parseLesson(read(dir, 'lesson.md'));
  const expected = JSON.parse(read(dir, 'expected.json'));
  for (const file of expected.setup) {
    if (!(file in setups)) throw new Error(`${name}: setup '${file}' is not in ${chapterDir}/setup/`);
  }
  return {
    slug: name,
    title: lesson.title,
    seed: lesson.seed,
    prose: lesson.prose,
    code: read(dir, 'example.js'),
    expectedLines: read(dir, 'expected.txt').split('\n').slice(0, -1),
    expected,
  };
}

export function readTutorials(dir = tutorialsDir) {
  const meta = JSON.parse(read(dir, 'meta.json'));
  const chapters = numbered(dir).map((name) => {
    const chapterDir = join(dir, name);
    const setupDir = join(chapterDir, 'setup');
    const setups = existsSync(setupDir)
      ? Object.fromEntries(
          readdirSync(setupDir)
            .filter((file) => file.endsWith('.js'))
            .map((file) => [file.slice(0, -3), read(setupDir, file)]),
        )
      : {};
    return {
      slug: name,
      ...JSON.parse(read(chapterDir, 'meta.json')),
      setups,
      lessons: numbered(chapterDir).map((lesson) => readLesson(chapterDir, lesson, setups)),
    };
  });
  return { ...meta, chapters };
}
