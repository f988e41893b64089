import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installFakeBackend, type FakeOptions } from './dev/fakeBackend';
import type { SearchRequest } from './lib/ipc/types';

async function renderApp(options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const user = userEvent.setup();
  render(App);
  return { backend, user };
}

async function rows(): Promise<HTMLElement[]> {
  return screen.findAllByTestId('rec-row');
}

describe('first run', () => {
  it('opens the sample review and shows its recommendation count', async () => {
    const { backend, user } = await renderApp({ loaded: false });
    const panel = await screen.findByTestId('first-run');
    expect(within(panel).getByRole('heading', { name: 'Docket' })).toBeInTheDocument();
    expect(screen.queryByTestId('rec-count')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('open-sample'));

    expect(await screen.findByTestId('rec-count')).toHaveTextContent('347 recommendations');
    expect(backend.callsTo('open_sample')).toHaveLength(1);
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'United States of America — 3rd cycle, WG 36, reviewed 9 Nov 2020',
    );
    expect(screen.getAllByTestId('review-item')).toHaveLength(1);
    expect((await rows())[0]).toHaveAttribute('data-paragraph', '26.1');
  });

  it('shows the reason in the banner when the sample cannot be opened', async () => {
    const message = 'Docket could not save the sample review. Check that the disk is not full.';
    const { user } = await renderApp({
      loaded: false,
      failWith: { open_sample: { kind: 'io', message } },
    });
    await user.click(await screen.findByTestId('open-sample'));
    expect(await screen.findByTestId('error')).toHaveTextContent(message);
    expect(screen.getByTestId('first-run')).toBeInTheDocument();
  });
});

describe('recommendations table', () => {
  it('keeps only a bounded number of rows in the DOM for 100,000 recommendations', async () => {
    const { backend } = await renderApp({ total: 100_000 });
    expect(await screen.findByTestId('rec-count')).toHaveTextContent('100,000 recommendations');
    const rendered = await rows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '100001');
    expect(backend.callsTo('search').length).toBeGreaterThan(0);
    for (const call of backend.callsTo('search')) {
      expect((call.args['request'] as SearchRequest).limit).toBeLessThanOrEqual(200);
    }
  });

  it('renders recommendation text as text, never as HTML', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    await renderApp({ text: (i) => (i === 0 ? xss : 'Ratify the Convention') });
    const [first] = await rows();
    expect(first).toHaveTextContent(xss);
    expect(document.querySelector('img')).toBeNull();

    await userEvent.setup().click(first!);
    expect(await screen.findByTestId('detail-text')).toHaveTextContent(xss);
    expect(document.querySelector('img')).toBeNull();
  });

  it('moves with the keyboard, opens with Enter and closes with Esc', async () => {
    const { user } = await renderApp();
    await rows();
    const grid = screen.getByRole('grid');
    grid.focus();

    await user.keyboard('{ArrowDown}');
    const selected = () => screen.getAllByTestId('rec-row').find((r) => r.ariaSelected === 'true');
    expect(selected()).toHaveAttribute('data-paragraph', '26.1');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(selected()).toHaveAttribute('data-paragraph', '26.2');
    expect(grid).toHaveAttribute('aria-activedescendant', selected()!.id);

    await user.keyboard('{Enter}');
    const pane = await screen.findByTestId('detail-pane');
    expect(within(pane).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Recommendation 26.2',
    );
    await waitFor(() => expect(pane).toContainElement(document.activeElement as HTMLElement));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('detail-pane')).not.toBeInTheDocument());
    expect(document.activeElement).toBe(grid);
    expect(selected()).toHaveAttribute('data-paragraph', '26.2');
  });

  it('reaches the last row with End, fetching its page', async () => {
    const { backend, user } = await renderApp({ total: 100_000 });
    await rows();
    screen.getByRole('grid').focus();
    await user.keyboard('{End}');
    await waitFor(() =>
      expect(
        screen.getAllByTestId('rec-row').find((r) => r.ariaSelected === 'true'),
      ).toHaveAttribute('data-paragraph', '26.100000'),
    );
    const requests = backend.callsTo('search').map((c) => c.args['request'] as SearchRequest);
    const offsets = requests.map((r) => r.offset);
    expect(offsets).toContain(99_800);
    // Pages fetched while scrolling do not count the facets again.
    expect(requests.find((r) => r.offset === 99_800)?.facets).toBe(false);
    expect(offsets.length).toBeLessThan(5);
  });
});

describe('detail pane', () => {
  async function openFirst(options: FakeOptions = {}) {
    const result = await renderApp(options);
    const [first] = await rows();
    await result.user.click(first!);
    await screen.findByTestId('field-priority');
    return result;
  }

  it('saves the priority on change and updates the table row', async () => {
    const { backend, user } = await openFirst();
    await user.selectOptions(screen.getByTestId('field-priority'), 'high');

    await waitFor(() => expect(backend.callsTo('edit_tracking')).toHaveLength(1));
    expect(backend.callsTo('edit_tracking')[0]!.args).toEqual({
      id: 1,
      edit: { field: 'priority', value: 'high' },
    });
    expect(await screen.findByTestId('saved-status')).toHaveTextContent('Saved');
    const row = screen.getAllByTestId('rec-row').find((r) => r.dataset.paragraph === '26.1');
    await waitFor(() => expect(row).toHaveTextContent('High'));
    expect(screen.getByTestId('history')).toHaveTextContent('Priority: Not set → High');
  });

  it('sends null when the priority is set back to "Not set"', async () => {
    const { backend, user } = await openFirst();
    await user.selectOptions(screen.getByTestId('field-priority'), 'low');
    await screen.findByTestId('saved-status');
    await user.selectOptions(screen.getByTestId('field-priority'), '');
    await waitFor(() => expect(backend.callsTo('edit_tracking')).toHaveLength(2));
    expect(backend.callsTo('edit_tracking')[1]!.args['edit']).toEqual({
      field: 'priority',
      value: null,
    });
  });

  it('saves notes with the Save button and with Ctrl+Enter; Esc undoes an edit', async () => {
    const { backend, user } = await openFirst();
    const notes = screen.getByTestId('field-notes');
    expect(screen.queryByTestId('save-notes')).not.toBeInTheDocument();

    await user.type(notes, 'Met the ministry');
    await user.click(screen.getByTestId('save-notes'));
    await waitFor(() =>
      expect(backend.callsTo('edit_tracking').at(-1)?.args['edit']).toEqual({
        field: 'notes',
        value: 'Met the ministry',
      }),
    );
    expect(await screen.findByTestId('saved-status')).toBeInTheDocument();
    expect(screen.queryByTestId('save-notes')).not.toBeInTheDocument();

    await user.type(notes, ' again');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(backend.callsTo('edit_tracking').at(-1)?.args['edit']).toEqual({
        field: 'notes',
        value: 'Met the ministry again',
      }),
    );

    await user.type(notes, ' and lost this');
    await user.keyboard('{Escape}');
    expect(notes).toHaveValue('Met the ministry again');
    expect(screen.getByTestId('detail-pane')).toBeInTheDocument();
    expect(backend.callsTo('edit_tracking')).toHaveLength(2);
  });

  it('adds and removes tags and evidence, showing the URL as text only', async () => {
    const { backend, user } = await openFirst();
    await user.type(screen.getByTestId('field-tags'), 'death penalty{Enter}');
    expect(await screen.findByTestId('tag')).toHaveTextContent('death penalty');

    await user.type(screen.getByTestId('evidence-label'), 'Press release');
    await user.type(screen.getByTestId('evidence-url'), 'https://example.org/a');
    await user.click(screen.getByTestId('add-evidence'));
    const item = await screen.findByTestId('evidence-item');
    expect(item).toHaveTextContent('https://example.org/a');
    expect(within(screen.getByTestId('detail-pane')).queryByRole('link')).toBeNull();

    await user.click(screen.getByTestId('remove-tag'));
    await waitFor(() => expect(screen.queryByTestId('tag')).not.toBeInTheDocument());
    expect(backend.callsTo('edit_tracking').map((c) => c.args['edit'])).toEqual([
      { field: 'add_tag', value: 'death penalty' },
      { field: 'add_evidence', value: { url: 'https://example.org/a', label: 'Press release' } },
      { field: 'remove_tag', value: 'death penalty' },
    ]);
  });

  it('flags a recommending State that is not in the list of States', async () => {
    await renderApp();
    const all = await rows();
    // Row 26.10 (index 9) is recommended by "ACT Group" in the fake data.
    await userEvent.setup().click(all.find((r) => r.dataset.paragraph === '26.10')!);
    const states = await screen.findByTestId('detail-states');
    expect(states).toHaveTextContent('ACT Group');
    expect(within(states).getByTestId('unknown-state')).toHaveTextContent(
      'not in the list of States',
    );
  });
});

describe('errors', () => {
  it('shows a failed save in a dismissable banner and puts the select back', async () => {
    const message = 'Docket could not save this change because your disk is full.';
    const backend = installFakeBackend();
    const user = userEvent.setup();
    render(App);
    await user.click((await rows())[0]!);
    const select = await screen.findByTestId('field-priority');
    backend.failWith = { edit_tracking: { kind: 'io', message } };

    await user.selectOptions(select, 'medium');

    const banner = await screen.findByTestId('error');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent(message);
    expect(select).toHaveValue('');
    await user.click(within(banner).getByRole('button', { name: /dismiss/i }));
    expect(screen.queryByTestId('error')).not.toBeInTheDocument();
  });

  it('never shows raw error text', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await renderApp({ failWith: { search: 'SqliteFailure(Error { code: 11 })' } });
    const banner = await screen.findByTestId('error');
    expect(banner).not.toHaveTextContent(/Sqlite|code: 11|\{/);
    expect(banner).toHaveTextContent(/unexpected problem/);
  });

  it('shows the full-window screen when the database is newer than the app', async () => {
    const message =
      'Your data was saved by a newer version of Docket. Your file was kept untouched. Install the latest version.';
    await renderApp({ failWith: { list_reviews: { kind: 'newer_database', message } } });
    const screenEl = await screen.findByTestId('cannot-open');
    expect(screenEl).toHaveTextContent('Docket cannot open your data');
    expect(screenEl).toHaveTextContent(message);
    expect(screen.getByTestId('data-dir')).toHaveTextContent(
      '/home/ana/.local/share/org.docket.app',
    );
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('shows the full-window screen without a folder when every command fails', async () => {
    const message = 'Your data file is damaged. It was kept untouched.';
    await renderApp({ failWith: { '*': { kind: 'corrupt_database', message } } });
    expect(await screen.findByTestId('cannot-open')).toHaveTextContent(message);
    expect(screen.queryByTestId('data-dir')).not.toBeInTheDocument();
  });
});
