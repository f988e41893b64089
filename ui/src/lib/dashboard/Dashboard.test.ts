// The dashboard with a stubbed search; Chart.js is replaced by a recorder (jsdom cannot draw).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { CalendarEvent, SearchRequest, SearchResult } from '../ipc/types';
import type { ChartSpec } from './chart';
import Dashboard from './Dashboard.svelte';
import { computed, deadline, deadlineEvent, usReview } from '../../test/fixtures';

interface Drawn {
  canvas: HTMLCanvasElement;
  spec: ChartSpec;
  onpick: (index: number) => void;
  update: ReturnType<typeof vi.fn>;
  destroy: ReturnType<typeof vi.fn>;
}

const charts = vi.hoisted(() => ({ drawn: [] as unknown[] }));

vi.mock('./chart', () => ({
  drawChart: (canvas: HTMLCanvasElement, spec: ChartSpec, onpick: (index: number) => void) => {
    const chart = { canvas, spec, onpick, update: vi.fn(), destroy: vi.fn() };
    charts.drawn.push(chart);
    return chart;
  },
}));

vi.mock('../ipc/api', () => ({ api: { calendar: vi.fn() } }));

const calendar = vi.mocked(api.calendar);

function drawn(): Drawn[] {
  return charts.drawn as Drawn[];
}

/** Chart.js is imported when the first chart is drawn: wait for the charts. */
async function charted(count: number): Promise<Drawn[]> {
  await waitFor(() => expect(drawn()).toHaveLength(count));
  return drawn();
}

const REVIEW = usReview();

function result(total: number, facets: SearchResult['facets']): SearchResult {
  return { total, hits: [], facets, terms: [] };
}

const ALL = result(347, {
  position: { supported: 280, noted: 60, supported_in_part: 5, pending: 2 },
  regional_group: { WEOG: 120, African: 90, GRULAC: 70 },
  theme: { 'Death penalty': 12, Torture: 30, Education: 8 },
});
const PRIORITISED = result(14, { lobbying_status: { not_started: 10, achieved: 4 } });

function stubSearch(all = ALL, prioritised = PRIORITISED) {
  return vi.fn(async (request: SearchRequest) => (request.filters.length > 0 ? prioritised : all));
}

function setup(search = stubSearch(), review = REVIEW) {
  const onopen = vi.fn();
  const onerror = vi.fn();
  const onopencalendar = vi.fn();
  const onexport = vi.fn();
  const user = userEvent.setup();
  const view = render(Dashboard, {
    review,
    search,
    onopen,
    onerror,
    calendarVersion: 1,
    onopencalendar,
    onexport,
  });
  return { search, onopen, onerror, onopencalendar, onexport, user, view };
}

beforeEach(() => {
  charts.drawn.length = 0;
  calendar.mockReset();
  calendar.mockResolvedValue([]);
});

function slice(chart: string, value: string): HTMLElement {
  const found = screen
    .getAllByTestId('slice')
    .find((b) => b.dataset['chart'] === chart && b.dataset['value'] === value);
  if (!found) throw new Error(`no slice ${chart}=${value}`);
  return found;
}

describe('Dashboard', () => {
  it('asks for the counts of the review and of its prioritised recommendations', async () => {
    const { search } = setup();
    await screen.findByTestId('dashboard-totals');
    expect(search).toHaveBeenCalledTimes(2);
    const requests = search.mock.calls.map(([r]) => r);
    expect(requests).toContainEqual({
      review_id: 3,
      query: '',
      filters: [],
      sort: 'paragraph',
      descending: false,
      facets: true,
      offset: 0,
      limit: 0,
    });
    expect(requests).toContainEqual(
      expect.objectContaining({
        review_id: 3,
        facets: true,
        limit: 0,
        filters: [
          ['priority', 'high'],
          ['priority', 'medium'],
          ['priority', 'low'],
        ],
      }),
    );
  });

  it('shows the totals in words and every chart with a labelled canvas', async () => {
    setup();
    expect(await screen.findByTestId('dashboard-totals')).toHaveTextContent(
      '347 recommendations: 280 supported, 5 supported in part, 60 noted, 2 pending.',
    );
    expect(screen.getByTestId('lobbying-totals')).toHaveTextContent(
      '14 recommendations with a priority: 10 not started, 0 planned, 0 in progress, 4 achieved, 0 dropped.',
    );
    const images = screen.getAllByRole('img');
    expect(images).toHaveLength(4);
    await charted(4);
    expect(screen.getByRole('img', { name: /^Position: Supported 280/ })).toBeInTheDocument();
    expect(
      drawn()
        .map((c) => c.spec.shape)
        .sort(),
    ).toEqual(['bar', 'bar', 'doughnut', 'horizontal-bar']);
    const themes = drawn().find((c) => c.spec.shape === 'horizontal-bar');
    expect(themes?.spec.labels).toEqual(['Torture', 'Death penalty', 'Education']);
  });

  it('opens the list filtered by the slice clicked in each list', async () => {
    const { user, onopen } = setup();
    await screen.findByTestId('dashboard-totals');

    await user.click(slice('position', 'noted'));
    expect(onopen).toHaveBeenLastCalledWith([['position', 'noted']]);
    await user.click(slice('regional_group', 'GRULAC'));
    expect(onopen).toHaveBeenLastCalledWith([['regional_group', 'GRULAC']]);
    await user.click(slice('theme', 'Death penalty'));
    expect(onopen).toHaveBeenLastCalledWith([['theme', 'Death penalty']]);
    await user.click(slice('lobbying', 'achieved'));
    expect(onopen).toHaveBeenLastCalledWith([
      ['priority', 'high'],
      ['priority', 'medium'],
      ['priority', 'low'],
      ['lobbying_status', 'achieved'],
    ]);
    expect(slice('lobbying', 'achieved')).toHaveTextContent('Achieved 4');
  });

  it('opens the list from a click on a chart too', async () => {
    const { onopen } = setup();
    const position = (await charted(4)).find((c) => c.spec.shape === 'doughnut');
    position!.onpick(1);
    expect(onopen).toHaveBeenLastCalledWith([['position', 'supported_in_part']]);
  });

  it('shows zero slices but does not open an empty list', async () => {
    const { user, onopen } = setup();
    await screen.findByTestId('dashboard-totals');
    const eeg = slice('regional_group', 'EEG');
    expect(eeg).toBeDisabled();
    await user.click(eeg);
    // The charts come with Chart.js, after the lists: wait for them, or there is nothing to click.
    const lobbying = (await charted(4)).find((c) => c.spec.labels[0] === 'Not started');
    expect(lobbying, 'the lobbying chart is drawn').toBeDefined();
    lobbying!.onpick(1); // Planned: 0
    expect(onopen).not.toHaveBeenCalled();
  });

  it('asks for priorities when none is set', async () => {
    setup(stubSearch(ALL, result(0, { lobbying_status: {} })));
    const card = (await screen.findAllByTestId('chart-card')).find(
      (c) => c.dataset['chart'] === 'lobbying',
    );
    expect(within(card!).getByTestId('chart-empty')).toHaveTextContent(
      'Set priorities on recommendations to follow lobbying progress here.',
    );
    expect(within(card!).queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByTestId('lobbying-totals')).not.toBeInTheDocument();
  });

  it('says so when the review has no recommendation', async () => {
    setup(stubSearch(result(0, {}), result(0, {})));
    expect(await screen.findByTestId('dashboard-empty')).toHaveTextContent(
      'This review has no recommendations yet.',
    );
    expect(screen.queryAllByRole('img')).toHaveLength(0);
  });

  it('cuts the themes to ten and says how many more there are', async () => {
    const theme = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`Theme ${i}`, 50 - i]));
    setup(stubSearch(result(50, { position: { supported: 50 }, theme })));
    await screen.findByTestId('dashboard-totals');
    expect(
      screen.getAllByTestId('slice').filter((b) => b.dataset['chart'] === 'theme'),
    ).toHaveLength(10);
    expect(screen.getByTestId('themes-more')).toHaveTextContent('3 other themes have fewer');
  });

  it('shows that it is counting, then reports a failure and can try again', async () => {
    let fail = true;
    const search = vi.fn(async (request: SearchRequest) => {
      if (fail) throw { kind: 'database', message: 'The database is busy. Try again.' };
      return request.filters.length > 0 ? PRIORITISED : ALL;
    });
    const { user, onerror } = setup(search);
    expect(screen.getByTestId('dashboard-loading')).toHaveTextContent('Counting');
    await screen.findByTestId('dashboard-failed');
    expect(onerror).toHaveBeenCalledWith({
      kind: 'database',
      message: 'The database is busy. Try again.',
    });
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('dashboard-totals')).toHaveTextContent('347');
  });

  it('counts again for another review, updating the charts in place', async () => {
    const search = stubSearch();
    const { view } = setup(search);
    const before = (await charted(4)).length;
    const other = result(2, { position: { noted: 2 } });
    search.mockImplementation(async (request) =>
      request.filters.length > 0 ? result(0, {}) : other,
    );
    await view.rerender({ review: { ...REVIEW, id: 4, recommendations: 2 } });
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-totals')).toHaveTextContent(
        '2 recommendations: 2 noted.',
      ),
    );
    expect(search).toHaveBeenLastCalledWith(expect.objectContaining({ review_id: 4 }));
    const doughnut = drawn().find((c) => c.spec.shape === 'doughnut');
    expect(drawn()).toHaveLength(before);
    expect(doughnut?.update).toHaveBeenLastCalledWith(
      expect.objectContaining({ labels: ['Noted'], values: [2] }),
    );
  });

  it('destroys its charts when it goes away', async () => {
    const { view } = setup();
    await charted(4);
    view.unmount();
    expect(drawn()).toHaveLength(4);
    for (const chart of drawn()) expect(chart.destroy).toHaveBeenCalled();
  });
});

describe('Dashboard export', () => {
  it('exports the whole review, with the States it counted to choose one from', async () => {
    const all = result(347, { ...ALL.facets, state: { Mexico: 12, Algeria: 30, France: 0 } });
    const { user, onexport } = setup(stubSearch(all));
    await screen.findByTestId('dashboard-totals');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(onexport).toHaveBeenCalledWith({
      reviewId: REVIEW.id,
      templates: ['thematic', 'state', 'matrix', 'calendar'],
      template: 'thematic',
      states: ['Algeria', 'Mexico'],
    });
  });
});

describe('Next deadlines', () => {
  // 5 Mar 2021, 13:00 in Geneva: between the US review (Nov 2020) and its adoption (17 Mar 2021).
  const NOW = new Date('2021-03-05T12:00:00Z');

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const LATE = deadline({
    id: 7,
    uid: 'late',
    title: 'Brief the mission',
    due_date: '2021-03-02',
  });
  const MINE = deadline({
    id: 8,
    uid: 'mine',
    title: 'Register for the speakers list',
    due_date: '2021-03-12',
    due_time: '10:00',
  });
  const EVENTS: CalendarEvent[] = [
    computed({
      uid: 'review',
      kind: 'review',
      title: 'Review (WG 36)',
      date: '2020-11-09',
      confirmed: true,
    }),
    deadlineEvent(LATE, { overdue: true }),
    computed({
      uid: 'responses',
      kind: 'responses_due',
      title: 'Responses due',
      date: '2021-03-04',
    }),
    deadlineEvent(MINE),
    computed({
      uid: 'adoption',
      title: 'Adoption (HRC 46)',
      date: '2021-03-17',
      confirmed: true,
    }),
    deadlineEvent(
      deadline({
        id: 9,
        uid: 'done',
        title: 'Done already',
        due_date: '2021-03-15',
        status: 'done',
      }),
    ),
    computed({
      uid: 'midterm',
      kind: 'mid_term',
      title: 'Mid-term report',
      date: '2023-05-01',
    }),
    computed({ uid: 'next', kind: 'next_review', title: 'Next review', date: '2025-05-01' }),
  ];

  function items(): HTMLElement[] {
    return within(screen.getByTestId('next-deadlines')).queryAllByTestId('next-deadline');
  }

  it('shows the overdue deadlines first, then the next three dates from today on', async () => {
    calendar.mockResolvedValue(EVENTS);
    setup();
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(calendar).toHaveBeenCalledWith(3);
    expect(items().map((i) => i.dataset['uid'])).toEqual(['late', 'mine', 'adoption', 'midterm']);

    const [late, mine, adoption, midterm] = items();
    expect(late).toHaveAttribute('data-overdue', 'true');
    expect(late).toHaveTextContent('2 Mar 2021');
    expect(late).toHaveTextContent('Brief the mission');
    expect(late).toHaveTextContent('Overdue');
    expect(late).toHaveTextContent('3 days ago');

    expect(mine).not.toHaveAttribute('data-overdue');
    expect(mine).toHaveTextContent('12 Mar 2021, 10:00 Geneva');
    expect(mine).toHaveTextContent('in 7 days');
    expect(mine).not.toHaveTextContent('Estimated');

    expect(adoption).toHaveTextContent('17 Mar 2021');
    expect(adoption).toHaveTextContent('Adoption (HRC 46)');
    expect(adoption).toHaveTextContent('Confirmed');
    expect(adoption).toHaveTextContent('in 12 days');
    expect(midterm).toHaveTextContent('Estimated');
    expect(screen.getByTestId('next-deadlines')).not.toHaveTextContent('Responses due');
  });

  it('says so when nothing is coming', async () => {
    calendar.mockResolvedValue([computed({ uid: 'review', kind: 'review', date: '2020-11-09' })]);
    setup();
    expect(await screen.findByTestId('next-deadlines-empty')).toHaveTextContent(
      'No upcoming deadlines for this review.',
    );
    expect(items()).toHaveLength(0);
  });

  it('opens the calendar', async () => {
    const { user, onopencalendar } = setup();
    await user.click(screen.getByTestId('open-calendar'));
    expect(onopencalendar).toHaveBeenCalledTimes(1);
  });

  it('loads again when the calendar changed, and for another review', async () => {
    calendar.mockResolvedValue([]);
    const { view } = setup();
    await screen.findByTestId('next-deadlines-empty');
    calendar.mockResolvedValue([deadlineEvent(MINE)]);
    await view.rerender({ calendarVersion: 2 });
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(calendar).toHaveBeenCalledTimes(2);
    await view.rerender({ review: { ...REVIEW, id: 4 } });
    await waitFor(() => expect(calendar).toHaveBeenLastCalledWith(4));
  });

  it('shows only the latest answer', async () => {
    const answers: ((events: CalendarEvent[]) => void)[] = [];
    calendar.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const { view } = setup();
    await view.rerender({ calendarVersion: 2 });
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!([deadlineEvent(MINE)]);
    await waitFor(() => expect(items()).toHaveLength(1));
    answers[0]!([]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(items()).toHaveLength(1);
    expect(screen.queryByTestId('next-deadlines-empty')).not.toBeInTheDocument();
  });

  it('says when the calendar cannot be loaded, and tries again', async () => {
    calendar.mockRejectedValueOnce({ kind: 'database', message: 'The database is busy.' });
    const { user } = setup();
    const failed = await screen.findByTestId('next-deadlines-failed');
    expect(failed).toHaveTextContent('The database is busy.');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('next-deadlines-empty')).toBeInTheDocument();
  });
});
