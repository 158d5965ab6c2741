// The page's side of the lesson worker: one run at a time; stop() terminates the worker
// (the only way to end an endless loop) and starts a fresh one for the next run.
import type { RunRequest, WorkerMessage } from './messages.js';
import type { ExampleSource, RunHooks, RunResult } from './run-example.js';

export class LessonRunner {
  #worker: Worker | undefined;
  #nextId = 1;
  #current: { id: number; finish: (result: RunResult | null) => void } | undefined;

  /** Runs an example; the hooks receive lines and statements as they come. Null if stopped. */
  run(source: ExampleSource, hooks: Required<RunHooks>): Promise<RunResult | null> {
    this.stop();
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#current = { id, finish: resolve };
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'ready' || message.id !== id) return;
        if (message.type === 'line') hooks.onLine(message.line);
        else if (message.type === 'statement') hooks.onStatement(message.statement);
        else this.#finish(message.result);
      };
      worker.postMessage({ id, source } satisfies RunRequest);
    });
  }

  get running(): boolean {
    return this.#current !== undefined;
  }

  /** Ends the current run, if any, by terminating the worker. */
  stop(): void {
    if (!this.#current) return;
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#finish(null);
  }

  #finish(result: RunResult | null): void {
    const current = this.#current;
    this.#current = undefined;
    current?.finish(result);
  }

  #ensureWorker(): Worker {
    this.#worker ??= new Worker(new URL('./lesson-worker.ts', import.meta.url), { type: 'module' });
    return this.#worker;
  }
}
