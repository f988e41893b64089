// Keeps Tab and Shift+Tab inside a modal dialog, and gives focus back to where it was when the
// dialog closes. Used as a Svelte attachment: `<div {@attach focusTrap}>`.

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden);
}

export function focusTrap(root: HTMLElement): () => void {
  const before = document.activeElement;
  function keydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const items = focusables(root);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !root.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !root.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }
  root.addEventListener('keydown', keydown);
  return () => {
    root.removeEventListener('keydown', keydown);
    if (before instanceof HTMLElement && before.isConnected) before.focus();
  };
}
