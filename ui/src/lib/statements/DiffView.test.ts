import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { StatementVersion, VersionDiff } from '../ipc/types';
import DiffView from './DiffView.svelte';

function version(changes: Partial<StatementVersion>): StatementVersion {
  return {
    id: 1,
    statement_id: 1,
    at: '2021-03-01T10:00:00Z',
    who: 'Ana',
    label: 'Created',
    status: 'drafting',
    title: 'Statement',
    text: '',
    words: 0,
    ...changes,
  };
}

const DIFF: VersionDiff = {
  left: version({ id: 1, label: 'Created', text: 'We regret the death penalty.' }),
  right: version({ id: 0, label: 'Now', text: 'We deeply regret capital punishment.' }),
  parts: [
    { kind: 'same', text: 'We ' },
    { kind: 'added', text: 'deeply ' },
    { kind: 'same', text: 'regret ' },
    { kind: 'removed', text: 'the death penalty.' },
    { kind: 'added', text: 'capital punishment.' },
  ],
  added_words: 3,
  removed_words: 3,
};

/** A column's text as shown (without the words for screen readers). */
function shown(column: HTMLElement): string {
  const copy = column.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden').forEach((el) => el.remove());
  return copy.textContent ?? '';
}

describe('DiffView', () => {
  it('shows the older text with removals on the left, the newer with additions on the right', () => {
    render(DiffView, { diff: DIFF });
    const left = screen.getByTestId('diff-left');
    const right = screen.getByTestId('diff-right');
    expect(shown(left)).toBe('We regret the death penalty.');
    expect(shown(right)).toBe('We deeply regret capital punishment.');
    expect([...left.querySelectorAll('del')].map(shown)).toEqual(['the death penalty.']);
    expect(left.querySelector('ins')).toBeNull();
    expect([...right.querySelectorAll('ins')].map(shown)).toEqual([
      'deeply ',
      'capital punishment.',
    ]);
    expect(right.querySelector('del')).toBeNull();
    // Screen readers hear what changed.
    expect(left).toHaveTextContent(/\[removed: ?the death penalty\.\]/);
    expect(right).toHaveTextContent(/\[added: ?deeply ?\]/);
    expect(screen.getByTestId('diff-counts')).toHaveTextContent('+3 / −3 words');
    const diff = screen.getByTestId('version-diff');
    expect(
      within(diff)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([expect.stringMatching(/^Created · Ana · /), 'Now']);
  });
});
