// What the page and the lesson worker say to each other.
import type { ExampleSource, RunResult, Statement } from './run-example.js';

export interface RunRequest {
  id: number;
  source: ExampleSource;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'line'; id: number; line: string }
  | { type: 'statement'; id: number; statement: Statement }
  | { type: 'done'; id: number; result: RunResult };
