// The advocacy modes through the app: their tabs (also for all reviews), a statement written,
// registered (its reminder reaches the calendar and the overdue count), kept across modes; the
// lobbying view for a review, or asking for one.
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installFakeBackend } from './dev/fakeBackend';

beforeEach(() => {
  // The morning of the adoption (17 Mar 2021): the place on the speakers list was to be confirmed
  // the day before.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2021-03-17T08:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
});

async function renderApp() {
  const backend = installFakeBackend({ otherReview: 4 });
  const user = userEvent.setup();
  render(App);
  await screen.findAllByTestId('rec-row');
  return { backend, user };
}

describe('statements mode', () => {
  it('writes a statement, registers it, and the calendar counts its reminder', async () => {
    const { backend, user } = await renderApp();
    expect(screen.getByTestId('mode-statements')).toHaveTextContent('Statements');
    await user.click(screen.getByTestId('mode-statements'));
    expect(screen.getByTestId('mode-statements')).toHaveAttribute('aria-selected', 'true');
    await user.click(await screen.findByTestId('new-oral'));
    const editor = await screen.findByTestId('statement-editor');
    await user.type(within(editor).getByTestId('statement-text'), 'Thank you, Madam President.');
    for (const step of ['drafting', 'final', 'registered']) {
      await user.click(within(editor).getByTestId(`status-${step}`));
      await waitFor(() =>
        expect(within(editor).getByTestId('status-current')).toHaveAttribute('data-status', step),
      );
    }
    expect(await screen.findByTestId('status-message')).toHaveTextContent(
      'Registered on the speakers list. Reminder set: Confirm our place on the speakers list in person, 16 Mar 2021.',
    );
    // Due yesterday (Geneva, whole day): overdue on the calendar's tab at once.
    await waitFor(() =>
      expect(screen.getByTestId('mode-calendar')).toHaveTextContent('Calendar 1 overdue'),
    );
    expect(backend.advocacy.statement(1).text).toBe('Thank you, Madam President.');

    // Another mode and back: the same statement is open.
    await user.click(screen.getByTestId('mode-calendar'));
    await screen.findByTestId('agenda');
    await user.click(screen.getByTestId('nav-back'));
    expect(await screen.findByTestId('statement-editor')).toHaveAttribute('data-id', '1');
  });

  it('is open for all reviews, like lobbying (which asks for a review)', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('mode-statements'));
    await user.selectOptions(await screen.findByTestId('statements-review'), '');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('All reviews'),
    );
    expect(screen.getByTestId('mode-dashboard')).toBeDisabled();
    expect(screen.getByTestId('mode-statements')).toBeEnabled();
    expect(screen.getByTestId('mode-states')).toBeEnabled();
    expect(screen.getByTestId('statements-view')).toBeInTheDocument();

    await user.click(screen.getByTestId('mode-states'));
    expect(screen.getByTestId('mode-states')).toHaveTextContent('Lobbying');
    expect(await screen.findByTestId('lobbying-choose')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('lobbying-review'), '1');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
        'United States of America',
      ),
    );
    expect(screen.queryByTestId('lobbying-choose')).not.toBeInTheDocument();
    expect(screen.getByTestId('lobbying-view')).toBeInTheDocument();
  });
});
