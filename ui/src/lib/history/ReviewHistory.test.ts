import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeSummary } from '../ipc/types';
import ReviewHistory from './ReviewHistory.svelte';
import { usReview } from '../../test/fixtures';

const NOW = new Date('2026-11-24T12:00:00Z');

const REVIEW = usReview();

const BULK: ChangeSummary = {
  id: 12,
  at: '2026-11-24T10:00:00Z',
  who: 'Ana Pérez',
  kind: 'bulk',
  description: 'Priority set to High on 67 recommendations',
  count: 67,
  undone_at: null,
  entries: [
    {
      recommendation_id: 101,
      review_id: 3,
      paragraph: '26.1',
      field: 'priority',
      old_value: null,
      new_value: 'high',
    },
    {
      recommendation_id: 102,
      review_id: 3,
      paragraph: '26.2',
      field: 'priority',
      old_value: 'low',
      new_value: 'high',
    },
  ],
};

const EDIT: ChangeSummary = {
  id: 11,
  at: '2026-11-22T09:00:00Z',
  who: 'Ben',
  kind: 'edit',
  description: 'Lobbying status of 26.40 set to In progress',
  count: 1,
  undone_at: '2026-11-22T09:05:00Z',
  entries: [
    {
      recommendation_id: 140,
      review_id: 3,
      paragraph: '26.40',
      field: 'lobbying_status',
      old_value: 'planned',
      new_value: 'in_progress',
    },
  ],
};

const UNDO: ChangeSummary = {
  ...EDIT,
  id: 13,
  at: '2026-11-24T11:58:00Z',
  kind: 'undo',
  description: 'Undid: Lobbying status of 26.40 set to In progress',
  undone_at: null,
};

function setup(
  changes: ChangeSummary[] = [UNDO, BULK, EDIT],
  load = vi.fn(async (_since: string | null, _limit: number) => changes),
) {
  const onopenrecommendation = vi.fn();
  const onerror = vi.fn();
  const user = userEvent.setup();
  const props = { review: REVIEW, load, onopenrecommendation, onerror, version: 1 };
  const view = render(ReviewHistory, props);
  return { load, onopenrecommendation, onerror, user, view, props };
}

beforeEach(() => {
  // Only the clock is faked: the tests still wait on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ReviewHistory', () => {
  it("shows this week's changes, newest first, with who and when", async () => {
    const { load } = setup();
    const changes = await screen.findAllByTestId('change');
    expect(load).toHaveBeenCalledWith('2026-11-17T12:00:00Z', 100);
    expect(changes.map((c) => c.dataset['kind'])).toEqual(['undo', 'bulk', 'edit']);

    const bulk = changes[1]!;
    expect(bulk).toHaveTextContent('Priority set to High on 67 recommendations');
    expect(bulk).toHaveTextContent('Ana Pérez');
    expect(bulk).toHaveTextContent('67 recommendations');
    const time = bulk.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', '2026-11-24T10:00:00Z');
    expect(time.textContent).toMatch(/2 hours ago/);
    expect(time.getAttribute('title')).toMatch(/2026/);

    expect(within(changes[0]!).getByText('Undo')).toBeInTheDocument();
    expect(within(changes[2]!).getByTestId('change-undone')).toHaveTextContent('Undone');
    expect(within(changes[1]!).queryByTestId('change-undone')).not.toBeInTheDocument();
  });

  it('asks for the period chosen', async () => {
    const { load, user } = setup();
    const period = await screen.findByTestId('history-period');
    expect(period).toHaveValue('week');
    await user.selectOptions(period, 'Last 30 days');
    await waitFor(() => expect(load).toHaveBeenLastCalledWith('2026-10-25T12:00:00Z', 100));
    await user.selectOptions(period, 'Everything');
    await waitFor(() => expect(load).toHaveBeenLastCalledWith(null, 100));
  });

  it('opens a change to its recommendations and opens one from there', async () => {
    const { user, onopenrecommendation } = setup();
    const bulk = (await screen.findAllByTestId('change'))[1]!;
    expect(within(bulk).queryByTestId('change-entries')).not.toBeInTheDocument();
    const toggle = within(bulk).getByRole('button', { name: /Priority set to High/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const entries = within(bulk).getAllByTestId('change-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('26.1 Priority: (not set) → High');
    expect(entries[1]).toHaveTextContent('26.2 Priority: Low → High');
    expect(within(bulk).getByTestId('change-entries')).toHaveTextContent('and 65 more');

    await user.click(within(entries[1]!).getByRole('button', { name: '26.2' }));
    expect(onopenrecommendation).toHaveBeenCalledWith(102);

    await user.click(toggle);
    expect(within(bulk).queryByTestId('change-entries')).not.toBeInTheDocument();
  });

  it('loads again when the history may have changed', async () => {
    const { load, view, props } = setup([BULK]);
    await screen.findAllByTestId('change');
    expect(load).toHaveBeenCalledTimes(1);
    load.mockResolvedValue([UNDO, BULK]);
    await view.rerender({ ...props, version: 2 });
    await waitFor(() => expect(screen.getAllByTestId('change')).toHaveLength(2));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads again for another review', async () => {
    const { load, view, props } = setup([BULK]);
    await screen.findAllByTestId('change');
    load.mockResolvedValue([]);
    await view.rerender({ ...props, review: { ...REVIEW, id: 4 } });
    expect(await screen.findByTestId('history-empty')).toHaveTextContent(
      'Nothing changed in this period.',
    );
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says when nothing changed', async () => {
    setup([]);
    expect(await screen.findByTestId('history-empty')).toHaveTextContent(
      'Nothing changed in this period.',
    );
  });

  it('reports a failure and can try again', async () => {
    const { load, onerror, user } = setup();
    // The first load answers; the next one fails.
    await screen.findAllByTestId('change');
    load.mockRejectedValueOnce({ kind: 'database', message: 'The database is busy. Try again.' });
    await user.selectOptions(screen.getByTestId('history-period'), 'Everything');
    await waitFor(() =>
      expect(onerror).toHaveBeenCalledWith({
        kind: 'database',
        message: 'The database is busy. Try again.',
      }),
    );
    // What was shown stays shown.
    expect(screen.getAllByTestId('change')).toHaveLength(3);
  });

  it('offers the retry when the first load fails', async () => {
    const load = vi.fn(async (_since: string | null, _limit: number): Promise<ChangeSummary[]> => {
      throw new Error('boom');
    });
    const { onerror, user } = setup([], load);
    expect(await screen.findByTestId('history-failed')).toHaveTextContent(
      'The history could not be loaded.',
    );
    expect(onerror).toHaveBeenCalledWith(expect.objectContaining({ kind: 'internal' }));
    load.mockResolvedValue([BULK]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('change')).toHaveLength(1);
  });

  it('offers older changes when the page is full', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ ...BULK, id: 1000 - i }));
    const { load, user } = setup(many);
    await user.click(await screen.findByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(load).toHaveBeenLastCalledWith('2026-11-17T12:00:00Z', 200));
  });
});
