// The example's code, editable: a textarea that indents with Tab and runs on Ctrl+Enter.
// (The full editor with highlighting comes with the terminal playground.)
import { h } from '../layout/dom.js';

export interface CodeEditor {
  element: HTMLTextAreaElement;
  value: string;
}

export function createEditor(code: string, onRun: () => void): CodeEditor {
  const element = h('textarea', {
    class: 'editor',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    'aria-label': 'Example code',
  });
  element.value = code;
  const fit = () => {
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 4}px`;
  };
  element.addEventListener('input', fit);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      element.setRangeText('  ', element.selectionStart, element.selectionEnd, 'end');
      fit();
    }
  });
  requestAnimationFrame(fit);
  return {
    element,
    get value() {
      return element.value;
    },
    set value(text: string) {
      element.value = text;
      fit();
    },
  };
}
