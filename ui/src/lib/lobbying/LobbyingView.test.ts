// The lobbying mode with a stubbed backend: the prompt without a review, the ranked list, a
// State's page and our status with it.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { ReviewSummary, StatePage, StateRank } from '../ipc/types';
import { usReview } from '../../test/fixtures';
import { advocacyEvents } from '../../test/mocks';
import { FRANCE, MEXICO, page, RANKS } from './fixtures';
import LobbyingView from './LobbyingView.svelte';

vi.mock('../ipc/api', () => import('../../test/mocks').then((m) => m.lobbyingApi()));

const whoToMeetFirst = vi.mocked(api.whoToMeetFirst);
const statePage = vi.mocked(api.statePage);
const setStateLobbying = vi.mocked(api.setStateLobbying);

const REVIEWS: ReviewSummary[] = [
  usReview(),
  usReview({ id: 4, state_under_review: 'Chad', sur_iso3: 'TCD', wg_session: 31 }),
];

function setup(reviewId: number | null = 3) {
  const props = {
    reviews: REVIEWS,
    reviewId,
    calendarVersion: 1,
    onreview: vi.fn(),
    ...advocacyEvents(),
  };
  const view = render(LobbyingView, props);
  return { props, view, user: userEvent.setup() };
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('state-rank');
}

async function openFrance(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await waitFor(() => expect(rows()).toHaveLength(3));
  const row = rows().find((r) => r.dataset['iso3'] === 'FRA');
  if (!row) throw new Error('no France');
  await user.click(within(row).getByTestId('state-open'));
  await screen.findByTestId('state-recs-review');
}

beforeEach(() => {
  whoToMeetFirst.mockReset();
  whoToMeetFirst.mockResolvedValue(RANKS);
  statePage.mockReset();
  statePage.mockResolvedValue(page());
  setStateLobbying.mockReset();
  setStateLobbying.mockResolvedValue(undefined);
});

describe('LobbyingView', () => {
  it('asks for a review when none is chosen', async () => {
    const { props, user } = setup(null);
    expect(screen.getByTestId('lobbying-view')).toBeInTheDocument();
    expect(screen.getByTestId('lobbying-choose')).toHaveTextContent(
      'Choose a review to see the States that made its recommendations',
    );
    expect(screen.queryByTestId('who-to-meet')).not.toBeInTheDocument();
    expect(whoToMeetFirst).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByTestId('lobbying-review'), '4');
    expect(props.onreview).toHaveBeenCalledWith(4);
  });

  it('lists the States in the order given, with why', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(whoToMeetFirst).toHaveBeenCalledWith(3);
    expect(rows().map((r) => r.dataset['name'])).toEqual(['Mexico', 'France', 'Côte d’Ivoire']);
    expect(rows().map((r) => r.dataset['iso3'])).toEqual(['MEX', 'FRA', 'CIV']);
    const [first, second, third] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByTestId('rank-why')).toHaveTextContent(
      'Mexico made 3 of your high-priority recommendations.',
    );
    expect(first).toHaveTextContent('1');
    expect(within(second).getByTestId('rank-priorities')).toHaveTextContent('2 high · 1 medium');
    expect(within(second).getByTestId('rank-positions')).toHaveTextContent('2 pending · 1 noted');
    expect(second).toHaveTextContent('Met');
    expect(within(third).getByTestId('rank-priorities')).toHaveTextContent('1 low');
  });

  it('filters the States by name, accents aside, keeping their rank', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.type(screen.getByTestId('state-filter'), 'cote');
    expect(rows().map((r) => r.dataset['iso3'])).toEqual(['CIV']);
    expect(rows()[0]).toHaveTextContent(/^3/);

    await user.clear(screen.getByTestId('state-filter'));
    await user.type(screen.getByTestId('state-filter'), 'Atlantis');
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('who-to-meet-none')).toHaveTextContent('No State matches “Atlantis”');
  });

  it('opens a State’s page with its recommendations in the review', async () => {
    const { props, user } = setup();
    await openFrance(user);
    expect(statePage).toHaveBeenCalledWith(FRANCE, 3);
    expect(screen.getByTestId('state-name')).toHaveTextContent('France');
    expect(screen.getByTestId('state-name')).toHaveFocus();
    expect(screen.getByTestId('state-page')).toHaveTextContent('Western European and other States');

    const inReview = within(screen.getByTestId('state-recs-review')).getAllByTestId('state-rec');
    expect(inReview.map((r) => r.dataset['paragraph'])).toEqual(['26.12', '26.40']);
    expect(inReview[0]).toHaveTextContent('Noted');
    expect(inReview[0]).toHaveTextContent('Priority: High');
    expect(inReview[0]).toHaveTextContent('Announce a moratorium');
    expect(inReview[0]).toHaveTextContent('In progress');
    expect(inReview[1]).toHaveTextContent('Priority: Not set');

    const elsewhere = screen.getByTestId('state-recs-elsewhere');
    const groups = within(elsewhere).getAllByTestId('state-review-group');
    expect(groups.map((g) => g.dataset['review'])).toEqual(['Cuba, WG 30', 'Chad, WG 31']);
    expect(within(groups[0] as HTMLElement).getAllByTestId('state-rec')).toHaveLength(2);

    await user.click(inReview[1] as HTMLElement);
    expect(props.onopenrecommendation).toHaveBeenCalledWith(40);
  });

  it('goes back to the list, on the State it came from', async () => {
    const { user } = setup();
    await openFrance(user);
    await user.click(screen.getByTestId('state-back'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() =>
      expect(within(rows()[1] as HTMLElement).getByTestId('state-open')).toHaveFocus(),
    );
    // Its status may have changed: the list is asked for again.
    expect(whoToMeetFirst).toHaveBeenCalledTimes(2);
  });

  it('saves our status and notes with the State', async () => {
    const { props, user } = setup();
    await openFrance(user);
    await user.selectOptions(screen.getByTestId('state-status'), 'supportive');
    await waitFor(() => expect(setStateLobbying).toHaveBeenCalledWith(FRANCE, 'supportive', ''));

    await user.type(screen.getByTestId('state-notes'), 'Ambassador keen');
    expect(setStateLobbying).toHaveBeenCalledTimes(1);
    await user.tab();
    await waitFor(() =>
      expect(setStateLobbying).toHaveBeenLastCalledWith(FRANCE, 'supportive', 'Ambassador keen'),
    );
    expect(await screen.findByTestId('state-lobbying-saved')).toBeInTheDocument();
    // Leaving again without a change saves nothing.
    await user.click(screen.getByTestId('state-notes'));
    await user.tab();
    expect(setStateLobbying).toHaveBeenCalledTimes(2);
    expect(props.onerror).not.toHaveBeenCalled();
  });

  it('saves the notes typed when going back to the list', async () => {
    const { user } = setup();
    await openFrance(user);
    await user.type(screen.getByTestId('state-notes'), 'Call on Tuesday');
    await user.click(screen.getByTestId('state-back'));
    await waitFor(() =>
      expect(setStateLobbying).toHaveBeenCalledWith(FRANCE, 'not_contacted', 'Call on Tuesday'),
    );
    expect(setStateLobbying).toHaveBeenCalledTimes(1);
  });

  it('puts the status back when it could not be saved', async () => {
    setStateLobbying.mockRejectedValue({ kind: 'io', message: 'The disk is full.' });
    const { props, user } = setup();
    await openFrance(user);
    await user.selectOptions(screen.getByTestId('state-status'), 'met');
    await waitFor(() =>
      expect(props.onerror).toHaveBeenCalledWith({ kind: 'io', message: 'The disk is full.' }),
    );
    expect(screen.getByTestId('state-status')).toHaveValue('not_contacted');
  });

  it('loads again for another review, back on the list, and keeps only the latest answer', async () => {
    let answer: (ranks: StateRank[]) => void = () => {};
    const { user, view } = setup();
    await openFrance(user);

    whoToMeetFirst.mockImplementationOnce(
      () => new Promise<StateRank[]>((resolve) => (answer = resolve)),
    );
    whoToMeetFirst.mockResolvedValueOnce([RANKS[2] as StateRank]);
    await view.rerender({ reviewId: 4 });
    expect(screen.queryByTestId('state-page')).not.toBeInTheDocument();
    await view.rerender({ reviewId: 3 });
    await waitFor(() => expect(rows()).toHaveLength(1));
    // The answer for review 4, late, is not shown.
    answer(RANKS);
    await Promise.resolve();
    await waitFor(() => expect(rows().map((r) => r.dataset['iso3'])).toEqual(['CIV']));
    expect(whoToMeetFirst.mock.calls.map((c) => c[0])).toEqual([3, 4, 3]);
  });

  it('loads the State’s page again when the calendar changed', async () => {
    const { user, view } = setup();
    await openFrance(user);
    expect(statePage).toHaveBeenCalledTimes(1);
    statePage.mockResolvedValue(page({ status: 'met' }) satisfies StatePage);
    await view.rerender({ calendarVersion: 2 });
    await waitFor(() => expect(screen.getByTestId('state-status')).toHaveValue('met'));
    expect(statePage).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('state-name')).toHaveTextContent('France');
  });

  it('says so when the list could not be loaded, and tries again', async () => {
    whoToMeetFirst.mockRejectedValueOnce({ kind: 'io', message: 'The database is busy.' });
    const { props, user } = setup();
    await screen.findByTestId('who-to-meet-failed');
    expect(props.onerror).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]?.dataset['iso3']).toBe(MEXICO.iso3);
  });
});
