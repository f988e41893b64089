// Export… through the app, against the fake backend: each place that offers it (the list, with
// its search and selection; the dashboard; a statement; a State's page; the calendar) opens the
// dialog on what it shows, and the requests sent say so; the file saved is opened and shown.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installFakeBackend, type FakeBackend, type FakeOptions } from './dev/fakeBackend';
import type { ExportRequest } from './lib/ipc/types';
import { exportRequest } from './test/fixtures';

// jsdom cannot draw: the dashboard's charts are not drawn.
vi.mock('./lib/dashboard/chart', () => ({
  drawChart: () => ({ update: () => {}, destroy: () => {} }),
}));

afterEach(() => {
  localStorage.clear();
});

async function renderApp(options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const user = userEvent.setup();
  render(App);
  await screen.findAllByTestId('rec-row');
  return { backend, user };
}

/** The request of the latest summary asked for. */
function lastPreview(backend: FakeBackend): ExportRequest {
  const call = backend.callsTo('export_preview').at(-1);
  if (!call) throw new Error('no export preview asked for');
  return call.args['request'] as ExportRequest;
}

function templates(): string[] {
  return within(screen.getByTestId('export-template'))
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

const rows = () => screen.getAllByTestId('rec-row');
const count = () => screen.getByTestId('rec-count');

describe('export from the list', () => {
  it('exports the whole review, saves it, opens it and shows it in its folder', async () => {
    const { backend, user } = await renderApp();
    const button = screen.getByTestId('export-button');
    expect(button).toHaveAccessibleName('Export…');
    await user.click(button);
    const dialog = await screen.findByTestId('export-dialog');
    expect(templates()).toEqual([
      'Thematic briefing',
      'State lobbying sheet',
      'Recommendations matrix (OHCHR style)',
      'Calendar overview',
    ]);
    expect(within(dialog).getByTestId('export-scope')).toHaveTextContent(
      'All 347 recommendations of United States of America, 3rd cycle',
    );
    expect(within(dialog).queryByTestId('export-scope-selection')).not.toBeInTheDocument();
    const summary = await within(dialog).findByTestId('export-summary');
    expect(summary).toHaveTextContent(/347 recommendations in \d+ themes/);
    expect(lastPreview(backend)).toEqual(exportRequest());
    // The window behind cannot be reached while the dialog is open.
    const behind = screen.getByTestId('rec-table').closest<HTMLElement>('.content')!;
    expect(behind.inert).toBe(true);

    await user.click(within(dialog).getByTestId('export-save'));
    const done = await within(dialog).findByTestId('export-done');
    expect(done).toHaveTextContent(
      /^Saved Thematic briefing - United States of America, WG 36\.docx \(\d+ KB\)/,
    );
    expect(within(dialog).getByTestId('export-folder')).toHaveTextContent('/home/ana/Documents');
    expect(backend.callsTo('export_document')[0]?.args['request']).toEqual(lastPreview(backend));
    await user.click(within(dialog).getByTestId('export-open-file'));
    await user.click(within(dialog).getByTestId('export-show-folder'));
    await waitFor(() => expect(backend.exports.revealed).toEqual([1]));
    expect(backend.exports.opened).toEqual([1]);
    expect(backend.callsTo('open_export')[0]?.args).toEqual({ id: 1 });

    await user.click(within(dialog).getByTestId('export-close'));
    expect(screen.queryByTestId('export-dialog')).not.toBeInTheDocument();
    expect(behind.inert).toBe(false);
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('exports what the search found, or the selection; a State; the matrix over the limits', async () => {
    const { backend, user } = await renderApp();
    await user.type(screen.getByTestId('search-box'), 'women');
    await waitFor(() => expect(count()).toHaveTextContent(/^\d+ of 347 recommendations$/));
    const found = Number(/^(\d+)/.exec(count().textContent ?? '')?.[1]);
    const ids = [rows()[0]!, rows()[2]!].map((row) => Number(row.dataset['id']));
    await user.click(within(rows()[0]!).getByTestId('row-check'));
    await user.click(within(rows()[2]!).getByTestId('row-check'));
    expect(await screen.findByTestId('selected-count')).toHaveTextContent('2 selected');

    await user.click(screen.getByTestId('export-button'));
    const dialog = await screen.findByTestId('export-dialog');
    const selection = within(dialog).getByTestId('export-scope-selection');
    expect(selection).toBeChecked();
    expect(selection).toHaveAccessibleName('Selected (2)');
    expect(within(dialog).getByTestId('export-scope-all')).toHaveAccessibleName(
      `All found (${found})`,
    );
    expect(within(dialog).getByTestId('export-scope')).toHaveTextContent(
      'The 2 selected recommendations',
    );
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({ ids, query: '', filters: [] }),
    );
    expect(await within(dialog).findByTestId('export-summary')).toHaveTextContent(
      '2 recommendations in',
    );

    await user.click(within(dialog).getByTestId('export-scope-all'));
    expect(within(dialog).getByTestId('export-scope')).toHaveTextContent(
      `The ${found} recommendations found for “women”`,
    );
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({ ids: null, query: 'women', filters: [] }),
    );

    // One State, among those of the recommendations found.
    await user.selectOptions(within(dialog).getByTestId('export-template'), 'state');
    const states = within(within(dialog).getByTestId('export-state'))
      .getAllByRole('option')
      .map((o) => o.textContent ?? '');
    expect(states.length).toBeGreaterThan(1);
    expect(states).toEqual([...states].sort((a, b) => a.localeCompare(b)));
    const state = states[1]!;
    await user.selectOptions(within(dialog).getByTestId('export-state'), state);
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({ template: 'state', state, query: 'women' }),
    );
    expect(await within(dialog).findByTestId('export-summary')).toHaveTextContent(
      `State lobbying sheet: ${state}`,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('export-dialog')).not.toBeInTheDocument();

    // The whole review's matrix is over both limits of a submission.
    await user.clear(screen.getByTestId('search-box'));
    await waitFor(() => expect(count()).toHaveTextContent(/^347 recommendations$/));
    await user.click(screen.getByTestId('export-button'));
    await user.selectOptions(await screen.findByTestId('export-template'), 'matrix');
    await waitFor(() => expect(screen.getAllByTestId('export-limit')).toHaveLength(2));
    for (const limit of screen.getAllByTestId('export-limit')) {
      expect(limit).toHaveAttribute('data-over', 'true');
      expect(limit).toHaveClass('over');
      expect(limit).toHaveTextContent(/[\d,]+ words over$/);
    }
    expect(lastPreview(backend)).toMatchObject({ template: 'matrix', ids: null, query: '' });
  });

  it('says why the file could not be written, and keeps the form', async () => {
    const { backend, user } = await renderApp();
    backend.exports.failure = {
      kind: 'io',
      message: 'The file is open in Word, so Docket cannot replace it. Close it, then save again.',
    };
    await user.click(screen.getByTestId('export-button'));
    await user.selectOptions(await screen.findByTestId('export-format'), 'pdf');
    await waitFor(() => expect(screen.getByTestId('export-save')).toBeEnabled());
    await user.click(screen.getByTestId('export-save'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent(
      'The file is open in Word, so Docket cannot replace it. Close it, then save again.',
    );
    expect(screen.getByTestId('export-format')).toHaveValue('pdf');
    backend.exports.failure = null;
    await user.click(screen.getByTestId('export-save'));
    expect(await screen.findByTestId('export-done')).toHaveTextContent('.pdf');
  });
});

describe('export from the other modes', () => {
  it('exports the review from its dashboard', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('mode-dashboard'));
    await screen.findByTestId('dashboard-totals');
    await user.click(screen.getByTestId('dashboard-export'));
    expect(await screen.findByTestId('export-dialog')).toBeInTheDocument();
    expect(templates()).toHaveLength(4);
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({ template: 'thematic', review_id: 1, query: '' }),
    );
    await user.selectOptions(screen.getByTestId('export-template'), 'state');
    expect(
      within(screen.getByTestId('export-state')).getAllByRole('option').length,
    ).toBeGreaterThan(1);
  });

  it('exports a statement, saved first', async () => {
    const { backend, user } = await renderApp({ otherReview: 2 });
    await user.click(screen.getByTestId('mode-statements'));
    await user.click(await screen.findByTestId('new-oral'));
    const editor = await screen.findByTestId('statement-editor');
    await user.type(within(editor).getByTestId('statement-text'), 'Thank you, Madam President.');
    await user.click(within(editor).getByTestId('statement-export'));
    const dialog = await screen.findByTestId('export-dialog');
    // What was typed was saved before the export was asked for.
    expect(backend.advocacy.statement(1).text).toBe('Thank you, Madam President.');
    expect(templates()).toEqual(['Statement']);
    expect(within(dialog).getByTestId('export-scope')).toHaveTextContent(
      "The statement “Oral statement on the adoption of United States of America's UPR outcome”",
    );
    await waitFor(() =>
      expect(lastPreview(backend)).toEqual({
        template: 'statement',
        format: 'docx',
        review_id: 1,
        query: '',
        filters: [],
        ids: null,
        state: null,
        statement_id: 1,
      }),
    );
    expect(await within(dialog).findByTestId('export-summary')).toHaveTextContent('4 words');
  });

  it('exports a State’s lobbying sheet from its page', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('mode-states'));
    const [first] = await screen.findAllByTestId('state-rank');
    const name = first!.dataset['name']!;
    await user.click(within(first!).getByTestId('state-open'));
    await screen.findByTestId('state-page');
    await user.click(screen.getByTestId('state-export'));
    const dialog = await screen.findByTestId('export-dialog');
    expect(templates()).toEqual(['State lobbying sheet']);
    expect(within(dialog).getByTestId('export-state-one')).toBeChecked();
    expect(within(dialog).getByTestId('export-state')).toHaveValue(name);
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({
        template: 'state',
        review_id: 1,
        state: name,
        query: '',
        ids: null,
      }),
    );
    expect(await within(dialog).findByTestId('export-summary')).toHaveTextContent(
      `State lobbying sheet: ${name}`,
    );
  });

  it('exports the calendar overview; a cancelled save dialog says nothing', async () => {
    const { backend, user } = await renderApp({ exportFolder: null });
    await user.click(screen.getByTestId('mode-calendar'));
    await screen.findByTestId('agenda');
    await user.click(screen.getByTestId('calendar-export'));
    const dialog = await screen.findByTestId('export-dialog');
    expect(templates()).toEqual(['Calendar overview']);
    await waitFor(() =>
      expect(lastPreview(backend)).toMatchObject({ template: 'calendar', review_id: 1 }),
    );
    await waitFor(() => expect(within(dialog).getByTestId('export-save')).toBeEnabled());
    await user.click(within(dialog).getByTestId('export-save'));
    await waitFor(() => expect(backend.callsTo('export_document')).toHaveLength(1));
    await waitFor(() => expect(within(dialog).getByTestId('export-save')).toBeEnabled());
    expect(within(dialog).queryByTestId('export-error')).not.toBeInTheDocument();
    expect(within(dialog).queryByTestId('export-done')).not.toBeInTheDocument();
    expect(screen.queryByTestId('status-message')).not.toBeInTheDocument();
  });

  it('saves the organization’s name and logo in Settings', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('open-settings'));
    const name = await screen.findByTestId('settings-org-name');
    await user.type(name, 'Rights Watch');
    await user.click(screen.getByTestId('settings-org-save'));
    expect(await screen.findByTestId('settings-org-saved')).toBeInTheDocument();
    await user.click(screen.getByTestId('settings-logo-choose'));
    expect(await screen.findByTestId('settings-logo-preview')).toHaveAttribute(
      'alt',
      'Organization logo',
    );
    expect(backend.exports.organization.name).toBe('Rights Watch');
    expect(backend.exports.organization.logo?.format).toBe('png');
  });
});
