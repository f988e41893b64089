// Quoting linked recommendations in a statement's text: each on its own paragraph, inserted at the
// cursor without gluing it to the words around it.
import type { Quote } from '../ipc/types';

/** `Recommendation 26.1 (Mexico): “text”`. */
export function quoteLine(quote: Quote): string {
  const states = quote.states.length > 0 ? ` (${quote.states.join(', ')})` : '';
  return `Recommendation ${quote.paragraph}${states}: “${quote.text.trim()}”`;
}

/** What goes between two paragraphs. */
const BREAK = '\n\n';

/**
 * `paragraphs` inserted into `text` at `at` (a cursor position), each a paragraph of its own:
 * blank lines are added before and after only where the text does not already break there.
 * Returns the new text and the cursor after the inserted paragraphs.
 */
export function insertParagraphs(
  text: string,
  at: number,
  paragraphs: readonly string[],
): { text: string; cursor: number } {
  const cut = Math.max(0, Math.min(at, text.length));
  if (paragraphs.length === 0) return { text, cursor: cut };
  const before = text.slice(0, cut).replace(/[^\S\n]+$/u, '');
  const after = text.slice(cut).replace(/^[^\S\n]+/u, '');
  const block = paragraphs.join(BREAK);
  const lead = before === '' || before.endsWith(BREAK) ? '' : before.endsWith('\n') ? '\n' : BREAK;
  const trail =
    after === '' || after.startsWith(BREAK) ? '' : after.startsWith('\n') ? '\n' : BREAK;
  return {
    text: before + lead + block + trail + after,
    cursor: before.length + lead.length + block.length,
  };
}
