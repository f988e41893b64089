// The detail pane's deadlines: the section sits under the tracking fields and hands the loaded
// record to "Add deadline".
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline } from '../../test/fixtures';
import { api } from '../ipc/api';
import type { RecommendationDetail } from '../ipc/types';
import DetailPane from './DetailPane.svelte';

vi.mock('../ipc/api', () => ({
  api: { getRecommendation: vi.fn(), editTracking: vi.fn(), recommendationDeadlines: vi.fn() },
}));

const DETAIL: RecommendationDetail = {
  id: 101,
  review_id: 3,
  paragraph: '26.1',
  text: 'Ratify the Convention on the Rights of the Child',
  position: 'noted',
  position_source: null,
  recommending_states: [{ name: 'Ghana', iso3: 'GHA', regional_group: 'African' }],
  themes: [],
  groups_of_persons: [],
  sdgs: [],
  action_category: null,
  tracking: {
    priority: 'high',
    our_ask: '',
    lobbying_status: 'not_started',
    implementation_status: 'not_assessed',
    assignee: '',
    tags: [],
    notes: '',
    evidence: [],
  },
  history: [],
};

const LATE = deadline({ id: 1, title: 'Brief the mission', due_date: '2021-03-04' });

function setup() {
  const props = {
    row: { id: 101, paragraph: '26.1', text: 'Ratify the Convention' },
    terms: [],
    takeFocus: false,
    onclose: vi.fn(),
    onsaved: vi.fn(),
    onerror: vi.fn(),
    calendarVersion: 1,
    onadddeadline: vi.fn(),
    onopendeadline: vi.fn(),
  };
  const user = userEvent.setup();
  const view = render(DetailPane, props);
  return { ...props, user, view };
}

beforeEach(() => {
  vi.mocked(api.getRecommendation).mockResolvedValue(DETAIL);
  vi.mocked(api.recommendationDeadlines).mockReset();
  vi.mocked(api.recommendationDeadlines).mockResolvedValue([LATE]);
});

describe('DetailPane deadlines', () => {
  it('lists the linked deadlines between the tracking fields and the history', async () => {
    setup();
    const section = await screen.findByTestId('rec-deadlines');
    const tracking = screen.getByRole('heading', { name: 'Our work on it' });
    const history = screen.getByRole('heading', { name: 'History' });
    expect(tracking.compareDocumentPosition(section)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(section.compareDocumentPosition(history)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    const item = await within(section).findByTestId('rec-deadline');
    expect(item).toHaveTextContent('4 Mar 2021');
    expect(item).toHaveTextContent('Brief the mission');
    // 4 Mar 2021 has long passed.
    expect(item).toHaveAttribute('data-overdue', 'true');
    expect(item).toHaveTextContent('Overdue');
    expect(api.recommendationDeadlines).toHaveBeenCalledWith(101);
  });

  it('opens a deadline, and adds one for the loaded recommendation', async () => {
    const { user, onopendeadline, onadddeadline } = setup();
    await user.click(await screen.findByTestId('rec-deadline'));
    expect(onopendeadline).toHaveBeenCalledWith(LATE);
    await user.click(screen.getByTestId('add-deadline'));
    expect(onadddeadline).toHaveBeenCalledWith(DETAIL);
  });

  it('loads the deadlines again when the calendar changed', async () => {
    const { view } = setup();
    await screen.findByTestId('rec-deadline');
    vi.mocked(api.recommendationDeadlines).mockResolvedValue([]);
    await view.rerender({ calendarVersion: 2 });
    expect(await screen.findByTestId('rec-deadlines-empty')).toBeInTheDocument();
    await waitFor(() => expect(api.recommendationDeadlines).toHaveBeenCalledTimes(2));
  });
});
