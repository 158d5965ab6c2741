// One lesson: its prose, the setup it runs after (read only), the editable example with
// Run / Stop / Reset, and the results of the last run.
import { createEditor } from '../editor/code-editor.js';
import { hashOf, neighbours, setupCode, type LessonRef } from '../lessons/load-index.js';
import type { LessonRunner } from '../worker/worker-client.js';
import { h } from './dom.js';
import { renderProse } from './prose.js';
import { createResultsView } from './results-view.js';

export function renderLesson(ref: LessonRef, runner: LessonRunner): HTMLElement {
  const { chapter, lesson } = ref;
  const results = createResultsView(lesson);
  const runButton = h('button', { class: 'run', type: 'button' }, 'Run');
  const stopButton = h('button', { class: 'stop', type: 'button', disabled: true }, 'Stop');
  const resetButton = h('button', { class: 'reset', type: 'button' }, 'Reset');

  const run = async () => {
    results.start();
    runButton.disabled = true;
    stopButton.disabled = false;
    const result = await runner.run({ setup: setupCode(ref), code: editor.value }, results);
    results.finish(result);
    runButton.disabled = false;
    stopButton.disabled = true;
  };
  const editor = createEditor(lesson.code, run);
  runButton.addEventListener('click', run);
  stopButton.addEventListener('click', () => runner.stop());
  resetButton.addEventListener('click', () => {
    editor.value = lesson.code;
  });

  const setup = h(
    'details',
    { class: 'setup' },
    h('summary', {}, `Setup, run before the example: ${lesson.expected.setup.join(', ')}`),
    h('pre', { class: 'code' }, setupCode(ref).join('\n')),
  );

  return h(
    'article',
    { class: 'lesson' },
    h('p', { class: 'crumb' }, chapter.title),
    h('h2', {}, lesson.title),
    renderProse(lesson.prose),
    lesson.expected.setup.length ? setup : null,
    editor.element,
    h('div', { class: 'toolbar' }, runButton, stopButton, resetButton, h('span', { class: 'seed' }, `Seed: ${lesson.seed}`)),
    results.element,
    pager(ref),
  );
}

function pager(ref: LessonRef): HTMLElement {
  const { previous, next } = neighbours(ref);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Previous and next lesson' },
    previous ? h('a', { href: hashOf(previous), rel: 'prev' }, `← ${previous.lesson.title}`) : h('span'),
    next ? h('a', { href: hashOf(next), rel: 'next' }, `${next.lesson.title} →`) : null,
  );
}
