// The playground page: the table of contents and the lesson the URL names (#/chapter/lesson).
import './style.css';

import { renderLesson } from './layout/lesson-view.js';
import { renderSidebar } from './layout/sidebar.js';
import { lessonFromHash, tutorials } from './lessons/load-index.js';
import { LessonRunner } from './worker/worker-client.js';

const runner = new LessonRunner();
const app = document.querySelector<HTMLElement>('#app')!;

function show(): void {
  runner.stop();
  const ref = lessonFromHash(location.hash);
  document.title = `${ref.lesson.title} · ${tutorials.title}`;
  const main = document.createElement('main');
  main.append(renderLesson(ref, runner));
  app.replaceChildren(renderSidebar(ref), main);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', show);
show();
