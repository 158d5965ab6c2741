// The playground: a Vite app in web/, built into build/web. It imports the package from
// dist/ (npm run build first) and the lessons from tutorials/ as `virtual:tutorials`.
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import { readTutorials, tutorialsDir } from './tools/read-tutorials.mjs';

const virtualId = 'virtual:tutorials';
const resolvedId = `\0${virtualId}`;

/** The index without what only the tests read (the setup's statements, repeated per lesson). */
function forThePage(index) {
  const lessons = (chapter) =>
    chapter.lessons.map(({ expected: { setupStatements, ...expected }, ...lesson }) => ({ ...lesson, expected }));
  return { ...index, chapters: index.chapters.map((chapter) => ({ ...chapter, lessons: lessons(chapter) })) };
}

/** Serves tutorials/ as one JSON module, rebuilt (and reloaded in dev) when a lesson changes. */
function tutorials() {
  return {
    name: 'peewasm-tutorials',
    resolveId: (id) => (id === virtualId ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      this.addWatchFile(tutorialsDir);
      return `export default ${JSON.stringify(forThePage(readTutorials()))};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(tutorialsDir)) return;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (module) server.moduleGraph.invalidateModule(module);
      server.ws.send({ type: 'full-reload' });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [tutorials()],
  resolve: {
    alias: { peewasm: fileURLToPath(new URL('../dist/index.js', import.meta.url)) },
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  logLevel: 'warn',
});
