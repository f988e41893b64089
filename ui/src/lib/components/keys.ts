// Keyboard and mouse shortcuts of the whole window, as pure functions of the event.

/** Inputs where typing happens (a checkbox or a button is not one). */
const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * Whether `element` is a field with its own editing keys (text box, text area, select, editable
 * text): there Ctrl+Z is the field's own undo, not Docket's.
 */
export function isTextField(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !NOT_TEXT.has(element.type);
  return element.isContentEditable === true;
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** The name of the undo keys on this computer, for titles: "Ctrl+Z" or "⌘Z". */
export function undoKeyName(mac = isMac()): string {
  return mac ? '⌘Z' : 'Ctrl+Z';
}

/** The names of the Back and Forward keys on this computer, for titles: "Alt+←" or "⌥←". */
export function historyKeyName(move: 'back' | 'forward', mac = isMac()): string {
  return `${mac ? '⌥' : 'Alt+'}${move === 'back' ? '←' : '→'}`;
}

/** Ctrl+F (⌘F on a Mac): to the search box. */
export function isFindShortcut(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== 'f' || event.shiftKey || event.altKey) return false;
  return event.ctrlKey || event.metaKey;
}

/** Ctrl+Z (⌘Z on a Mac) outside text fields: Docket's Undo. */
export function isUndoShortcut(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey) return false;
  if (!(event.ctrlKey || event.metaKey)) return false;
  return !isTextField(event.target);
}

/**
 * Alt+← / Alt+→: Back / Forward, as in a browser. On a Mac, Option+arrows move by word in a
 * text field, so there they are left to the field.
 */
export function historyShortcut(event: KeyboardEvent, mac = isMac()): 'back' | 'forward' | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (mac && isTextField(event.target)) return null;
  if (event.key === 'ArrowLeft') return 'back';
  if (event.key === 'ArrowRight') return 'forward';
  return null;
}

/** The mouse's side buttons: 3 is Back, 4 is Forward (MouseEvent.button). */
export function historyButton(button: number): 'back' | 'forward' | null {
  if (button === 3) return 'back';
  if (button === 4) return 'forward';
  return null;
}
