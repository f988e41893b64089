import { describe, expect, it } from 'vitest';
import { insertParagraphs, quoteLine } from './quotes';

const q1 = quoteLine({ id: 1, paragraph: '26.1', states: ['Mexico'], text: 'Ratify the Covenant' });
const q2 = quoteLine({
  id: 2,
  paragraph: '26.2',
  states: ['France', 'Chile'],
  text: ' Abolish the death penalty ',
});

describe('quotes', () => {
  it('writes a recommendation with its paragraph and States', () => {
    expect(q1).toBe('Recommendation 26.1 (Mexico): “Ratify the Covenant”');
    expect(q2).toBe('Recommendation 26.2 (France, Chile): “Abolish the death penalty”');
    expect(quoteLine({ id: 3, paragraph: '26.3', states: [], text: 'x' })).toBe(
      'Recommendation 26.3: “x”',
    );
  });

  it('inserts each quote as its own paragraph at the cursor', () => {
    const text = 'Thank you, President. We welcome the review.';
    const at = text.indexOf(' We');
    const out = insertParagraphs(text, at, [q1, q2]);
    expect(out.text).toBe(`Thank you, President.\n\n${q1}\n\n${q2}\n\nWe welcome the review.`);
    expect(out.text.slice(0, out.cursor).endsWith(q2)).toBe(true);
  });

  it('adds no blank lines where the text already breaks', () => {
    expect(insertParagraphs('', 0, [q1])).toEqual({ text: q1, cursor: q1.length });
    const end = insertParagraphs('First.\n\n', 8, [q1]);
    expect(end.text).toBe(`First.\n\n${q1}`);
    const start = insertParagraphs('\n\nLast.', 0, [q1]);
    expect(start.text).toBe(`${q1}\n\nLast.`);
    const line = insertParagraphs('A\nB', 2, [q1]);
    // A line break is completed to a blank line: a paragraph of its own.
    expect(line.text).toBe(`A\n\n${q1}\n\nB`);
    expect(insertParagraphs('Same', 99, [])).toEqual({ text: 'Same', cursor: 4 });
  });
});
