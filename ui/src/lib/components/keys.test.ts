import { afterEach, describe, expect, it } from 'vitest';
import {
  historyButton,
  historyKeyName,
  historyShortcut,
  isFindShortcut,
  isTextField,
  isUndoShortcut,
} from './keys';

function keydown(target: HTMLElement, init: KeyboardEventInit): KeyboardEvent {
  let seen: KeyboardEvent | null = null;
  target.addEventListener('keydown', (e) => (seen = e), { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
  if (!seen) throw new Error('no event');
  return seen;
}

function element(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('text fields', () => {
  it('are text inputs, text areas, selects and editable text, not check boxes or buttons', () => {
    expect(isTextField(element('<input type="text">'))).toBe(true);
    expect(isTextField(element('<input type="search">'))).toBe(true);
    expect(isTextField(element('<input>'))).toBe(true);
    expect(isTextField(element('<textarea></textarea>'))).toBe(true);
    expect(isTextField(element('<select><option>a</option></select>'))).toBe(true);
    const editable = element('<div contenteditable="true"></div>');
    // jsdom has no isContentEditable; a real webview does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTextField(editable)).toBe(true);
    expect(isTextField(element('<input type="checkbox">'))).toBe(false);
    expect(isTextField(element('<button>Go</button>'))).toBe(false);
    expect(isTextField(element('<div tabindex="0"></div>'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('Ctrl+Z', () => {
  it('is Docket’s Undo outside text fields, with Ctrl or Cmd', () => {
    const grid = element('<div tabindex="0"></div>');
    expect(isUndoShortcut(keydown(grid, { key: 'z', ctrlKey: true }))).toBe(true);
    expect(isUndoShortcut(keydown(grid, { key: 'Z', ctrlKey: true }))).toBe(true);
    expect(isUndoShortcut(keydown(grid, { key: 'z', metaKey: true }))).toBe(true);
  });

  it('is left to the field inside a text field, a text area or a select', () => {
    for (const html of ['<input type="text">', '<textarea></textarea>', '<select></select>']) {
      expect(isUndoShortcut(keydown(element(html), { key: 'z', ctrlKey: true }))).toBe(false);
    }
  });

  it('is not Ctrl+Shift+Z, Alt+Z or a plain z', () => {
    const grid = element('<div tabindex="0"></div>');
    expect(isUndoShortcut(keydown(grid, { key: 'z', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoShortcut(keydown(grid, { key: 'z', ctrlKey: true, altKey: true }))).toBe(false);
    expect(isUndoShortcut(keydown(grid, { key: 'z' }))).toBe(false);
  });
});

describe('Back and Forward', () => {
  it('are Alt+← and Alt+→', () => {
    const grid = element('<div tabindex="0"></div>');
    expect(historyShortcut(keydown(grid, { key: 'ArrowLeft', altKey: true }), false)).toBe('back');
    expect(historyShortcut(keydown(grid, { key: 'ArrowRight', altKey: true }), false)).toBe(
      'forward',
    );
    expect(historyShortcut(keydown(grid, { key: 'ArrowLeft' }), false)).toBeNull();
    expect(
      historyShortcut(keydown(grid, { key: 'ArrowLeft', altKey: true, ctrlKey: true }), false),
    ).toBeNull();
  });

  it('leave Option+arrows to text fields on a Mac (they move by word there)', () => {
    const input = element('<input type="text">');
    expect(historyShortcut(keydown(input, { key: 'ArrowLeft', altKey: true }), true)).toBeNull();
    expect(historyShortcut(keydown(input, { key: 'ArrowLeft', altKey: true }), false)).toBe('back');
  });

  it('are named as the computer names them', () => {
    expect(historyKeyName('back', false)).toBe('Alt+←');
    expect(historyKeyName('forward', true)).toBe('⌥→');
  });

  it('are the mouse buttons 3 and 4', () => {
    expect(historyButton(3)).toBe('back');
    expect(historyButton(4)).toBe('forward');
    expect(historyButton(0)).toBeNull();
    expect(historyButton(1)).toBeNull();
  });
});

describe('Ctrl+F', () => {
  it('goes to the search box, with Ctrl or Cmd, even from a text field', () => {
    const input = element('<input type="text">');
    expect(isFindShortcut(keydown(input, { key: 'f', ctrlKey: true }))).toBe(true);
    expect(isFindShortcut(keydown(input, { key: 'F', metaKey: true }))).toBe(true);
    expect(isFindShortcut(keydown(input, { key: 'f' }))).toBe(false);
    expect(isFindShortcut(keydown(input, { key: 'f', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFindShortcut(keydown(input, { key: 'f', ctrlKey: true, altKey: true }))).toBe(false);
  });
});
