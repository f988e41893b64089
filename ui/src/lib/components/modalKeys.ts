// A modal dialog's keyboard, for the dialogs' frame (Modal.svelte). Used as a Svelte attachment:
// `<div role="dialog" {@attach modalKeys(onclose, () => !busy)}>`.
// - Tab and Shift+Tab stay inside the dialog;
// - Escape closes it, unless `canClose()` says it cannot be closed now (while saving, importing);
// - when it goes away, focus goes back to where it was when it opened, once the update that
//   removed it is applied (the window behind is `inert` until then, and drops focus given sooner).
import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden);
}

/** Tab past the last element goes round to the first; Shift+Tab before the first, to the last. */
function keepTabInside(root: HTMLElement, event: KeyboardEvent): void {
  const items = focusables(root);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  // Focus on the dialog itself (where it starts, or after a click on its background) counts as
  // outside its elements: Shift+Tab from there would otherwise leave the dialog.
  const outside = active === root || !root.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}

export function modalKeys(
  onclose: () => void,
  canClose: () => boolean = () => true,
): Attachment<HTMLElement> {
  return (root) => {
    const before = document.activeElement;
    function keydown(event: KeyboardEvent): void {
      if (event.key === 'Tab') {
        keepTabInside(root, event);
      } else if (event.key === 'Escape' && canClose()) {
        event.preventDefault();
        event.stopPropagation();
        onclose();
      }
    }
    root.addEventListener('keydown', keydown);
    return () => {
      root.removeEventListener('keydown', keydown);
      void tick().then(() => {
        if (before instanceof HTMLElement && before.isConnected) before.focus();
      });
    };
  };
}
