// The Web Worker that runs lesson code, so a slow or endless example never freezes the page:
// the page stops it by terminating this worker. Every database a run opened is closed at
// the end of that run (runExample does it).
import * as peewasm from 'peewasm';

import type { RunRequest, WorkerMessage } from './messages.js';
import { runExample } from './run-example.js';

const post = (message: WorkerMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const { id, source } = event.data;
  const result = await runExample(peewasm, source, {
    onLine: (line) => post({ type: 'line', id, line }),
    onStatement: (statement) => post({ type: 'statement', id, statement }),
  });
  post({ type: 'done', id, result });
});

post({ type: 'ready' });
