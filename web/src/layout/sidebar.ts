// The table of contents: chapters and their lessons, with the current one marked.
import { hashOf, tutorials, type LessonRef } from '../lessons/load-index.js';
import { h } from './dom.js';

export function renderSidebar(current: LessonRef): HTMLElement {
  return h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Lessons' },
    ...tutorials.chapters.map((chapter) =>
      h(
        'details',
        { open: chapter === current.chapter },
        h('summary', {}, chapter.title),
        h(
          'ol',
          {},
          ...chapter.lessons.map((lesson) => {
            const ref = { chapter, lesson };
            const link = h('a', { href: hashOf(ref) }, lesson.title);
            if (lesson === current.lesson) link.setAttribute('aria-current', 'page');
            return h('li', {}, link);
          }),
        ),
      ),
    ),
  );
}
