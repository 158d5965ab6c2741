// Lesson prose: paragraphs with `code` spans (all the markdown the lessons use).
import { h } from './dom.js';

export function renderProse(text: string): HTMLElement {
  const container = h('div', { class: 'prose' });
  for (const paragraph of text.split(/\n\s*\n/)) {
    const p = h('p');
    paragraph
      .replace(/\s*\n\s*/g, ' ')
      .split(/(`[^`]+`)/)
      .forEach((part) => p.append(part.startsWith('`') ? h('code', {}, part.slice(1, -1)) : part));
    container.append(p);
  }
  return container;
}
