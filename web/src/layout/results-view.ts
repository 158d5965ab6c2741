// What a run did: its printed lines (streamed), the SQL it sent with parameters, the query
// count, and how that compares with what Peewee did (shown under "Expected").
import type { Lesson } from 'virtual:tutorials';

import { compareRun } from '../lessons/compare-run.js';
import { formatValue } from '../worker/format-value.js';
import type { RunResult, Statement } from '../worker/run-example.js';
import { h } from './dom.js';

export interface ResultsView {
  element: HTMLElement;
  start(): void;
  /** Shows a printed line as the run prints it. */
  onLine(text: string): void;
  /** Shows a statement as the run sends it (so a stopped run still shows its SQL). */
  onStatement(statement: Statement): void;
  finish(result: RunResult | null): void;
}

const queries = (n: number) => `${n} ${n === 1 ? 'query' : 'queries'}`;

const statementItem = ({ sql, params }: Statement): HTMLLIElement =>
  h('li', {}, h('code', {}, sql), params.length ? h('span', { class: 'params' }, formatValue(params)) : null);

const statementList = (statements: readonly Statement[]): HTMLOListElement =>
  h('ol', { class: 'sql' }, ...statements.map(statementItem));

function check(label: string, ok: boolean): HTMLElement {
  return h('span', { class: ok ? 'check ok' : 'check differs' }, `${ok ? '✓' : '✗'} ${label}`);
}

export function createResultsView(lesson: Lesson): ResultsView {
  const status = h('div', { class: 'status', role: 'status' }, 'Press Run (or Ctrl+Enter).');
  const output = h('pre', { class: 'output', 'aria-label': 'Output' });
  const count = h('span', { class: 'count' });
  const sqlHolder = h('div');
  let streamed = statementList([]);
  const expected = h(
    'details',
    { class: 'expected' },
    h('summary', {}, `Expected: what Peewee printed and sent (${queries(lesson.expected.queryCount)})`),
    h('pre', { class: 'output' }, lesson.expectedLines.join('\n') || '(nothing printed)'),
    statementList(lesson.expected.statements),
  );
  const element = h(
    'section',
    { class: 'results' },
    status,
    h('div', { class: 'panel' }, h('h3', {}, 'Output'), output),
    h('div', { class: 'panel' }, h('h3', {}, 'SQL ', count), sqlHolder),
    expected,
  );

  return {
    element,
    start() {
      element.dataset.state = 'running';
      output.textContent = '';
      output.classList.remove('failed');
      streamed = statementList([]);
      sqlHolder.replaceChildren(streamed);
      count.textContent = '';
      status.replaceChildren('Running…');
    },
    onLine(text) {
      output.textContent += `${text}\n`;
    },
    onStatement(statement) {
      streamed.append(statementItem(statement));
    },
    finish(result) {
      if (!result) {
        element.dataset.state = 'stopped';
        status.replaceChildren('Stopped.');
        return;
      }
      output.textContent = result.lines.map((line) => `${line}\n`).join('');
      if (result.error) {
        output.classList.add('failed');
        const { name, message, line } = result.error;
        output.append(h('span', { class: 'error' }, `${name}: ${message}${line ? ` (line ${line})` : ''}\n`));
      }
      sqlHolder.replaceChildren(
        result.statements.length ? statementList(result.statements) : h('p', { class: 'none' }, 'No statements.'),
      );
      count.textContent = `· ${queries(result.queryCount)}`;
      const same = compareRun(result, lesson);
      // For tests/web: the outcome as attributes, next to the text a learner reads.
      Object.assign(element.dataset, {
        state: 'done',
        output: String(same.output),
        sql: String(same.sql),
        queryCount: String(same.queryCount),
      });
      status.replaceChildren(
        'Compared with Peewee: ',
        check('output', same.output),
        check('SQL', same.sql),
        check(`${queries(result.queryCount)} (Peewee: ${lesson.expected.queryCount})`, same.queryCount),
      );
    },
  };
}
