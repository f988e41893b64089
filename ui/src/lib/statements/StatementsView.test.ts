import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend, type FakeBackend } from '../../dev/fakeBackend';
import type { NewStatement } from '../ipc/types';
import { statementContent, usReview } from '../../test/fixtures';
import { advocacyEvents } from '../../test/mocks';
import StatementsView from './StatementsView.svelte';

const REVIEWS = [usReview({ id: 1 })];

function renderView(reviewId: number | null = 1, setup?: (backend: FakeBackend) => void) {
  const backend = installFakeBackend();
  setup?.(backend);
  const props = {
    reviews: REVIEWS,
    reviewId,
    onreview: vi.fn(),
    ...advocacyEvents(),
  };
  render(StatementsView, props);
  return { backend, props, user: userEvent.setup() };
}

const created = (backend: FakeBackend, at = 0): NewStatement | undefined =>
  backend.callsTo('save_statement').filter((c) => c.args['id'] === null)[at]?.args['statement'] as
    NewStatement | undefined;

const content = (title: string, text = ''): NewStatement =>
  statementContent({ title, text, organization: '' });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('StatementsView', () => {
  it('starts an oral statement for the review’s adoption, at its session, and opens it', async () => {
    const { backend, user } = renderView();
    expect(await screen.findByTestId('statements-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('new-oral'));
    const editor = await screen.findByTestId('statement-editor');
    expect(created(backend)).toMatchObject({
      kind: 'oral',
      title: "Oral statement on the adoption of United States of America's UPR outcome",
      review_id: 1,
      hrc_session: 46,
      ecosoc_status: 'general',
      time_limit_seconds: 120,
    });
    expect(within(editor).getByTestId('statement-title')).toHaveFocus();
    expect(within(editor).getByTestId('statement-session')).toHaveValue(46);
    const row = screen.getByTestId('statement-row');
    expect(row).toHaveAttribute('aria-current', 'true');
    expect(row).toHaveTextContent('Oral');
    expect(row).toHaveTextContent('Idea');
    expect(within(row).getByTestId('statement-row-budget')).toHaveTextContent(
      '0 words · 0:00 of 2:00',
    );
  });

  it('starts a written statement with the ECOSOC status and time limit last used', async () => {
    localStorage.setItem('docket.statements.ecosocStatus', 'special');
    const { backend, user } = renderView(1, (b) => {
      b.advocacy.handle('set_session_time_limit', { hrcSession: 46, seconds: 90 });
    });
    await user.click(await screen.findByTestId('new-written'));
    await screen.findByTestId('statement-editor');
    expect(created(backend)).toMatchObject({
      kind: 'written',
      title: 'Written statement for HRC46',
      ecosoc_status: 'special',
    });
    await user.click(screen.getByTestId('new-oral'));
    await waitFor(() => expect(created(backend, 1)?.time_limit_seconds).toBe(90));
    expect(screen.getAllByTestId('statement-row')).toHaveLength(2);
  });

  it('shows every review’s statements, and starts one outside a review', async () => {
    const { backend, user } = renderView(null, (b) => {
      b.advocacy.saveStatement(null, content('At the adoption'));
    });
    const row = await screen.findByTestId('statement-row');
    expect(row).toHaveTextContent('United States of America, WG 36');
    await user.click(screen.getByTestId('new-oral'));
    await screen.findByTestId('statement-editor');
    expect(created(backend)).toMatchObject({
      title: 'Oral statement',
      review_id: null,
      hrc_session: null,
    });
    expect(screen.getByTestId('statement-debate')).toBeInTheDocument();
  });

  it('saves the statement being typed before opening another, and the list follows', async () => {
    let ids: number[] = [];
    const { backend, user } = renderView(1, (b) => {
      ids = ['First', 'Second'].map((title) => b.advocacy.saveStatement(null, content(title)).id);
    });
    const [first, second] = ids.map(String);
    const rows = await screen.findAllByTestId('statement-row');
    // Most recently changed first.
    expect(rows.map((r) => r.dataset['id'])).toEqual([second, first]);
    await user.click(rows[1]!);
    const editor = await screen.findByTestId('statement-editor');
    expect(editor).toHaveAttribute('data-id', first);
    const text = within(editor).getByTestId('statement-text');
    await user.click(text);
    await user.paste(Array.from({ length: 312 }, () => 'word').join(' '));
    await user.click(screen.getAllByTestId('statement-row')[0]!);
    await waitFor(() =>
      expect(screen.getByTestId('statement-editor')).toHaveAttribute('data-id', second),
    );
    const order = backend.calls
      .map((c) => `${c.command}:${String(c.args['id'])}`)
      .filter((c) => c.startsWith('save_statement') || c.startsWith('statement:'));
    expect(order).toEqual([`statement:${first}`, `save_statement:${first}`, `statement:${second}`]);
    expect(backend.advocacy.statement(ids[0]!).budget.words).toBe(312);
    const row = screen.getAllByTestId('statement-row').find((r) => r.dataset['id'] === first)!;
    expect(within(row).getByTestId('statement-row-budget')).toHaveTextContent(
      '312 words · 2:24 of 2:00 · 52 words over',
    );
  });

  it('deletes a statement after asking, and says its reminder stays', async () => {
    const { props, user } = renderView(1, (b) => {
      const s = b.advocacy.saveStatement(null, content('To delete'));
      for (const step of ['drafting', 'final', 'registered'] as const) {
        b.advocacy.setStatementStatus(s.id, step);
      }
    });
    await user.click(await screen.findByTestId('statement-row'));
    await user.click(await screen.findByTestId('statement-delete'));
    expect(screen.getByTestId('delete-confirm')).toHaveTextContent(
      'Its reminder stays in the calendar.',
    );
    await user.click(screen.getByTestId('delete-confirm-yes'));
    expect(await screen.findByTestId('statements-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('statement-editor')).not.toBeInTheDocument();
    expect(props.onstatus).toHaveBeenCalledWith(
      'Statement “To delete” deleted. Its reminder stays in the calendar.',
    );
  });

  it('asks the app for another review', async () => {
    const { props, user } = renderView();
    await user.selectOptions(await screen.findByTestId('statements-review'), '');
    expect(props.onreview).toHaveBeenCalledWith(null);
  });
});
