import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeBackend, type FakeOptions } from '../../dev/fakeBackend';
import type { NewDeadline, RecommendationDetail } from '../ipc/types';
import { deadline, usReview } from '../../test/fixtures';
import { localZone } from './dates';
import DeadlineDialog from './DeadlineDialog.svelte';
import { draftForRecommendation, draftFromDeadline, newDraft, type DeadlineDraft } from './drafts';

const REVIEWS = [usReview({ id: 1 })];

function renderDialog(draft: DeadlineDraft, options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const props = {
    draft,
    reviews: REVIEWS,
    onsaved: vi.fn(),
    ondeleted: vi.fn(),
    onclose: vi.fn(),
  };
  render(DeadlineDialog, props);
  return { backend, props, user: userEvent.setup() };
}

function option(minutes: number): HTMLInputElement {
  const found = screen
    .getAllByTestId<HTMLInputElement>('reminder-option')
    .find((el) => el.dataset['minutes'] === String(minutes));
  if (!found) throw new Error(`no reminder option ${minutes}`);
  return found;
}

const saved = (backend: ReturnType<typeof installFakeBackend>): NewDeadline =>
  backend.callsTo('save_deadline')[0]?.args['deadline'] as NewDeadline;

describe('DeadlineDialog', () => {
  it('asks for a title and a day before saving', async () => {
    const { backend, user } = renderDialog(newDraft());
    expect(screen.getByTestId('deadline-title')).toHaveFocus();
    await user.click(screen.getByTestId('deadline-save'));
    expect(screen.getByTestId('deadline-title-problem')).toBeInTheDocument();
    expect(screen.getByTestId('deadline-date-problem')).toHaveTextContent(
      'Choose the day it is due.',
    );
    expect(screen.getByTestId('deadline-title')).toHaveAttribute('aria-invalid', 'true');
    expect(backend.callsTo('save_deadline')).toHaveLength(0);

    await user.type(screen.getByTestId('deadline-title'), 'Call the mission');
    expect(screen.queryByTestId('deadline-title-problem')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('deadline-save'));
    expect(screen.getByTestId('deadline-date')).toHaveFocus();
    expect(backend.callsTo('save_deadline')).toHaveLength(0);
  });

  it('saves a recommendation’s follow-up with its time, zone and reminders', async () => {
    const detail = { id: 12, review_id: 1, paragraph: '26.12' } as RecommendationDetail;
    const { backend, props, user } = renderDialog(draftForRecommendation(detail));
    expect(screen.getByTestId('deadline-title')).toHaveValue('Follow up on 26.12');
    // The title is prefilled: the day is what is missing.
    expect(screen.getByTestId('deadline-date')).toHaveFocus();
    expect(screen.getByTestId('deadline-recommendation')).toHaveTextContent('26.12');

    const zones = within(screen.getByTestId('deadline-zone'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(zones[0]).toBe('Geneva (Europe/Zurich)');
    if (localZone() !== 'Europe/Zurich') {
      expect(zones).toContain(`This computer (${localZone()})`);
      expect(screen.getByTestId('deadline-zone')).toHaveValue(localZone());
    }

    expect(option(1440)).toBeChecked();
    expect(option(0).closest('label')).toHaveTextContent('On the day, at 9:00');
    await user.type(screen.getByTestId('deadline-date'), '2021-03-04');
    await user.type(screen.getByTestId('deadline-time'), '12:00');
    expect(option(0).closest('label')).toHaveTextContent('At the due time');
    await user.selectOptions(screen.getByTestId('deadline-zone'), 'Europe/Zurich');
    await user.click(option(10080));
    await user.click(option(60));
    await user.click(option(1440));
    await user.type(screen.getByTestId('deadline-owner'), ' Ana ');
    await user.selectOptions(screen.getByTestId('deadline-status'), 'in_progress');
    await user.click(screen.getByTestId('deadline-save'));

    await waitFor(() => expect(props.onsaved).toHaveBeenCalled());
    expect(saved(backend)).toEqual({
      review_id: 1,
      event_kind: null,
      title: 'Follow up on 26.12',
      due_date: '2021-03-04',
      due_time: '12:00',
      time_zone: 'Europe/Zurich',
      owner: 'Ana',
      status: 'in_progress',
      notes: '',
      recommendation_ids: [12],
      reminders: [10080, 60],
    });
    const [deadlineSaved, created] = props.onsaved.mock.calls[0]!;
    expect(created).toBe(true);
    expect(deadlineSaved.reminders.map((r: { fires_at: string }) => r.fires_at)).toEqual([
      '2021-02-25T11:00:00.000Z',
      '2021-03-04T10:00:00.000Z',
    ]);
  });

  it('keeps a deadline’s own zone among the choices and unlinks a recommendation', async () => {
    const existing = deadline({
      id: 5,
      time_zone: 'America/New_York',
      recommendations: [{ id: 3, review_id: 1, paragraph: '26.3' }],
    });
    const { backend, user } = renderDialog(draftFromDeadline(existing));
    // The fake must know the deadline to replace it.
    await backend.handle('save_deadline', {
      id: null,
      deadline: { ...existing, recommendation_ids: [3], reminders: [] },
    });
    expect(screen.getByTestId('deadline-zone')).toHaveValue('America/New_York');
    expect(screen.getByRole('option', { name: 'New York (America/New_York)' })).toBeInTheDocument();
    await user.click(screen.getByTestId('deadline-recommendation-remove'));
    expect(screen.queryByTestId('deadline-recommendation')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('deadline-save'));
    await waitFor(() => expect(backend.callsTo('save_deadline')).toHaveLength(2));
    const args = backend.callsTo('save_deadline')[1]!.args;
    expect(args['id']).toBe(5);
    expect(args['deadline']).toMatchObject({
      time_zone: 'America/New_York',
      recommendation_ids: [],
    });
  });

  it('shows the backend’s message in the dialog', async () => {
    const message = 'Docket could not save the deadline. Check that the disk is not full.';
    const { props, user } = renderDialog(newDraft({ title: 'x', due_date: '2021-03-04' }), {
      failWith: { save_deadline: { kind: 'io', message } },
    });
    await user.click(screen.getByTestId('deadline-save'));
    expect(await screen.findByTestId('deadline-error')).toHaveTextContent(message);
    expect(props.onsaved).not.toHaveBeenCalled();
  });

  it('deletes only after a confirmation, and closes on Escape', async () => {
    const { backend, props, user } = renderDialog(draftFromDeadline(deadline({ id: 1 })));
    await backend.handle('save_deadline', {
      id: null,
      deadline: { ...newDraft({ title: 'x', due_date: '2021-03-04' }), recommendation_ids: [] },
    });
    await user.click(screen.getByTestId('deadline-delete'));
    expect(backend.callsTo('delete_deadline')).toHaveLength(0);
    await user.click(screen.getByTestId('deadline-delete-confirm'));
    await waitFor(() =>
      expect(props.ondeleted).toHaveBeenCalledWith(1, 'Send our written statement'),
    );
    expect(backend.callsTo('delete_deadline')[0]?.args).toEqual({ id: 1 });

    await user.keyboard('{Escape}');
    expect(props.onclose).toHaveBeenCalled();
  });
});
