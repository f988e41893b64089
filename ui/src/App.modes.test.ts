// The dashboard and the review history are built elsewhere: here they are stand-ins with the
// same props, to check what the app gives them and does with what they ask.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installFakeBackend } from './dev/fakeBackend';

vi.mock('./lib/dashboard/Dashboard.svelte', async () => ({
  default: (await import('./test/DashboardStub.svelte')).default,
}));
vi.mock('./lib/history/ReviewHistory.svelte', async () => ({
  default: (await import('./test/HistoryStub.svelte')).default,
}));

async function renderApp() {
  const backend = installFakeBackend();
  const user = userEvent.setup();
  render(App);
  await screen.findAllByTestId('rec-row');
  return { backend, user };
}

describe('dashboard', () => {
  it('searches through the app and opens the list filtered, with Back to the dashboard', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('mode-dashboard'));
    await user.click(await screen.findByTestId('stub-count'));
    await waitFor(() => expect(screen.getByTestId('stub-noted')).toHaveTextContent('67'));

    await user.click(screen.getByTestId('stub-open'));
    await waitFor(() =>
      expect(screen.getByTestId('rec-count')).toHaveTextContent('67 of 347 recommendations'),
    );
    expect(screen.getByTestId('mode-list')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('filter-chip')).toHaveTextContent('Position: Noted');
    expect(screen.getByTestId('search-box')).toHaveValue('');

    await user.click(screen.getByTestId('nav-back'));
    expect(await screen.findByTestId('dashboard')).toBeInTheDocument();
  });
});

describe('review history', () => {
  it('loads the review’s changes, again after each change, and opens a recommendation', async () => {
    const { user } = await renderApp();
    await user.click(within(screen.getAllByTestId('rec-row')[0]!).getByTestId('row-check'));
    const bar = await screen.findByTestId('bulk-bar');
    await user.selectOptions(within(bar).getByTestId('bulk-priority'), 'low');
    await user.click(within(bar).getByTestId('bulk-priority-apply'));
    await screen.findByTestId('status-message');

    await user.click(screen.getByTestId('mode-history'));
    expect(await screen.findByTestId('stub-change')).toHaveTextContent(
      'Priority set to Low on 1 recommendation',
    );
    const version = Number(screen.getByTestId('stub-version').textContent);
    await user.click(screen.getByTestId('undo'));
    await waitFor(() =>
      expect(Number(screen.getByTestId('stub-version').textContent)).toBeGreaterThan(version),
    );
    await waitFor(() => expect(screen.getAllByTestId('stub-change')).toHaveLength(2));
    expect(screen.getAllByTestId('stub-change')[0]).toHaveTextContent(
      'Undid: Priority set to Low on 1 recommendation',
    );

    await user.click(screen.getByTestId('stub-open-rec'));
    const pane = await screen.findByTestId('detail-pane');
    await waitFor(() =>
      expect(within(pane).getByRole('heading', { level: 2 })).toHaveTextContent(
        'Recommendation 26.12',
      ),
    );
    expect(screen.getByTestId('mode-list')).toHaveAttribute('aria-selected', 'true');
  });
});
