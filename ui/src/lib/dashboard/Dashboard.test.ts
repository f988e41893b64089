// The dashboard with a stubbed search; Chart.js is replaced by a recorder (jsdom cannot draw).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest, SearchResult } from '../ipc/types';
import type { ChartSpec } from './chart';
import Dashboard from './Dashboard.svelte';
import { usReview } from '../../test/fixtures';

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
  const user = userEvent.setup();
  const view = render(Dashboard, { review, search, onopen, onerror });
  return { search, onopen, onerror, user, view };
}

beforeEach(() => {
  charts.drawn.length = 0;
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
