// The export dialog with a stubbed api: the request each choice sends, the summary, Save with its
// progress, the file written (open it, show it), a cancelled save dialog, and errors.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { ExportDone, ExportProgress, ExportRequest, ExportSummary } from '../ipc/types';
import ExportDialog from './ExportDialog.svelte';
import { EXPORT_KEY } from './remembered';
import type { ExportContext } from './request';
import { exportContext, exportRequest } from '../../test/fixtures';

vi.mock('../ipc/api', () => ({
  api: {
    exportPreview: vi.fn(),
    exportDocument: vi.fn(),
    openExport: vi.fn(),
    revealExport: vi.fn(),
  },
}));

const preview = vi.mocked(api.exportPreview);
const exportDocument = vi.mocked(api.exportDocument);

/** The matrix's words in the stubbed summary. */
let matrixWords = 1200;

function summaryOf(request: ExportRequest): ExportSummary {
  return {
    title: `${request.template} of ${request.state ?? 'the review'}`,
    file_name: `Briefing.${request.format}`,
    recommendations: request.ids?.length ?? 12,
    states: 0,
    statements: 0,
    events: 0,
    words: request.template === 'matrix' ? matrixWords : null,
    // As Rust judges them (export/mod.rs `word_limits`).
    word_limits:
      request.template === 'matrix'
        ? [
            { label: 'Submission', limit: 2815, over: Math.max(0, matrixWords - 2815) },
            { label: 'Joint submission', limit: 5630, over: Math.max(0, matrixWords - 5630) },
          ]
        : [],
    lines: [`${request.ids?.length ?? 12} recommendations in 4 themes`, 'Positions: 9 supported'],
  };
}

const DONE: ExportDone = {
  id: 7,
  path: '/home/ana/Documents/Briefing.docx',
  file_name: 'Briefing.docx',
  bytes: 48_300,
};

function setup(changes: Partial<ExportContext> = {}) {
  const onclose = vi.fn();
  const user = userEvent.setup();
  const view = render(ExportDialog, { subject: exportContext(changes), onclose });
  return { onclose, user, view };
}

/** The request of the latest preview. */
function lastPreview(): ExportRequest {
  const call = preview.mock.calls.at(-1);
  if (!call) throw new Error('no preview asked for');
  return call[0];
}

/** An export that waits: its progress sent and its end decided by the test. */
function pendingExport() {
  let onProgress: (progress: ExportProgress) => void = () => {};
  let finish: (done: ExportDone | null) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  exportDocument.mockImplementation((_request, progress) => {
    onProgress = progress;
    return new Promise<ExportDone | null>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  return {
    progress: (p: ExportProgress) => onProgress(p),
    finish: (done: ExportDone | null) => finish(done),
    fail: (error: unknown) => fail(error),
  };
}

beforeEach(() => {
  matrixWords = 1200;
  preview.mockReset();
  preview.mockImplementation(async (request) => summaryOf(request));
  exportDocument.mockReset();
  vi.mocked(api.openExport).mockReset();
  vi.mocked(api.revealExport).mockReset();
});

afterEach(() => {
  localStorage.clear();
  document.body.innerHTML = '';
});

describe('ExportDialog', () => {
  it('offers the templates of the place, and asks for the summary of each choice', async () => {
    const { user } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const template = screen.getByTestId('export-template');
    expect(template).toHaveFocus();
    expect(template).toHaveAccessibleName('Document');
    expect(
      within(template)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Thematic briefing',
      'State lobbying sheet',
      'Recommendations matrix (OHCHR style)',
      'Calendar overview',
    ]);
    expect(
      within(screen.getByTestId('export-format'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Word (.docx)',
      'PDF (.pdf)',
      'Markdown (.md)',
      'Web page (.html)',
      'CSV for Excel (.csv)',
      'Excel (.xlsx)',
    ]);
    expect(screen.getByTestId('export-scope')).toHaveTextContent(
      'All 347 recommendations of United States of America, 3rd cycle',
    );
    const summary = await screen.findByTestId('export-summary');
    expect(summary).toHaveTextContent('thematic of the review');
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['12 recommendations in 4 themes', 'Positions: 9 supported']);
    expect(lastPreview()).toEqual(exportRequest());
    expect(screen.getByTestId('export-save')).toBeEnabled();

    await user.selectOptions(screen.getByTestId('export-format'), 'pdf');
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'thematic', format: 'pdf' }),
    );
    await user.selectOptions(template, 'calendar');
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'calendar', format: 'docx' }),
    );
    expect(template).toHaveAccessibleDescription(
      'The review’s dates and your organization’s deadlines for it.',
    );
    expect(await screen.findByTestId('export-summary')).toHaveTextContent('calendar of the review');
  });

  it('exports the selection, or every recommendation found', async () => {
    const { user } = setup({ query: 'women', found: 12, ids: [5, 9] });
    const selection = screen.getByTestId('export-scope-selection');
    const all = screen.getByTestId('export-scope-all');
    expect(selection).toBeChecked();
    expect(selection).toHaveAccessibleName('Selected (2)');
    expect(all).toHaveAccessibleName('All found (12)');
    expect(screen.getByTestId('export-scope')).toHaveTextContent('The 2 selected recommendations');
    await waitFor(() => expect(lastPreview()).toMatchObject({ ids: [5, 9], query: '' }));

    await user.click(all);
    expect(screen.getByTestId('export-scope')).toHaveTextContent(
      'The 12 recommendations found for “women”',
    );
    await waitFor(() => expect(lastPreview()).toMatchObject({ ids: null, query: 'women' }));
    // The calendar is not made of recommendations: no choice, no search sent.
    await user.selectOptions(screen.getByTestId('export-template'), 'calendar');
    expect(screen.queryByTestId('export-scope-all')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'calendar', ids: null, query: '' }),
    );
  });

  it('exports one State or every State', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByTestId('export-template'), 'state');
    const every = screen.getByTestId('export-state-every');
    expect(every).toBeChecked();
    expect(every).toHaveAccessibleName('Every State, one per page');
    await waitFor(() => expect(lastPreview()).toMatchObject({ template: 'state', state: null }));

    await user.selectOptions(screen.getByTestId('export-state'), 'Mexico');
    expect(screen.getByTestId('export-state-one')).toBeChecked();
    await waitFor(() => expect(lastPreview()).toMatchObject({ state: 'Mexico' }));
    expect(await screen.findByTestId('export-summary')).toHaveTextContent('state of Mexico');

    await user.click(every);
    await waitFor(() => expect(lastPreview()).toMatchObject({ state: null }));
  });

  it('starts on the State of the place it was opened from', async () => {
    setup({ templates: ['state'], template: 'state', state: 'France', states: ['France'] });
    expect(screen.getByTestId('export-state-one')).toBeChecked();
    expect(screen.getByTestId('export-state')).toHaveValue('France');
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'state', state: 'France' }),
    );
  });

  it('counts the matrix’s words against the submission limits, in red when over', async () => {
    matrixWords = 3000;
    const { user } = setup();
    await user.selectOptions(screen.getByTestId('export-template'), 'matrix');
    await waitFor(() =>
      expect(screen.getByTestId('export-words')).toHaveTextContent('3,000 words'),
    );
    const [single, joint] = screen.getAllByTestId('export-limit');
    expect(single).toHaveTextContent('Submission (at most 2,815 words): 185 words over');
    expect(single).toHaveClass('over');
    expect(single).toHaveAttribute('data-over', 'true');
    expect(joint).toHaveTextContent('Joint submission (at most 5,630 words): it fits');
    expect(joint).not.toHaveClass('over');
  });

  it('says why there is nothing to export, and cannot save', async () => {
    preview.mockRejectedValue({
      kind: 'invalid_input',
      message: 'There is nothing to export: no recommendation matches this search.',
    });
    setup({ query: 'zzz', found: 0 });
    expect(await screen.findByTestId('export-preview-error')).toHaveTextContent(
      'There is nothing to export: no recommendation matches this search.',
    );
    expect(screen.getByTestId('export-save')).toBeDisabled();
    expect(screen.queryByTestId('export-summary')).not.toBeInTheDocument();
  });

  it('saves with its progress, then opens the file or shows it in its folder', async () => {
    const run = pendingExport();
    const { user, onclose } = setup();
    await screen.findByTestId('export-summary');
    await user.click(screen.getByTestId('export-save'));
    expect(exportDocument).toHaveBeenCalledTimes(1);
    expect(exportDocument.mock.calls[0]?.[0]).toEqual(lastPreview());
    const progress = screen.getByTestId('export-progress');
    expect(progress).toHaveTextContent('Choose where to save the file');
    expect(screen.getByTestId('export-save')).toHaveTextContent('Saving…');
    expect(screen.getByTestId('export-save')).toBeDisabled();
    // It cannot be closed while the file is written.
    await user.keyboard('{Escape}');
    expect(onclose).not.toHaveBeenCalled();

    run.progress({ step: 'Writing the rows', done: 120, total: 347 });
    await waitFor(() => expect(progress).toHaveTextContent('Writing the rows: 120 of 347'));
    const bar = within(progress).getByRole('progressbar');
    expect(bar).toHaveAttribute('max', '347');
    expect(bar).toHaveAttribute('value', '120');

    run.finish(DONE);
    const done = await screen.findByTestId('export-done');
    expect(done).toHaveTextContent('Saved Briefing.docx (47 KB)');
    expect(screen.getByTestId('export-folder')).toHaveTextContent('/home/ana/Documents');
    const open = screen.getByTestId('export-open-file');
    await waitFor(() => expect(open).toHaveFocus());
    await user.click(open);
    expect(api.openExport).toHaveBeenCalledWith(7);
    await user.click(screen.getByTestId('export-show-folder'));
    expect(api.revealExport).toHaveBeenCalledWith(7);
    await user.click(screen.getByTestId('export-close'));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('says why the file could not be opened', async () => {
    exportDocument.mockResolvedValue(DONE);
    vi.mocked(api.openExport).mockRejectedValue({
      kind: 'io',
      message: 'No app on this computer opens .docx files. Install Word or LibreOffice.',
    });
    const { user } = setup();
    await screen.findByTestId('export-summary');
    await user.click(screen.getByTestId('export-save'));
    await user.click(await screen.findByTestId('export-open-file'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent(
      'No app on this computer opens .docx files.',
    );
    expect(screen.getByTestId('export-done')).toBeInTheDocument();
  });

  it('goes back to the form without a word when the save dialog is cancelled', async () => {
    const run = pendingExport();
    const { user } = setup();
    await screen.findByTestId('export-summary');
    await user.selectOptions(screen.getByTestId('export-format'), 'xlsx');
    await user.click(await screen.findByTestId('export-save'));
    run.finish(null);
    await waitFor(() => expect(screen.getByTestId('export-save')).toHaveTextContent('Save…'));
    expect(screen.getByTestId('export-save')).toBeEnabled();
    expect(screen.getByTestId('export-save')).toHaveFocus();
    expect(screen.getByTestId('export-format')).toHaveValue('xlsx');
    expect(screen.queryByTestId('export-progress')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-done')).not.toBeInTheDocument();
  });

  it('says why saving failed and keeps the form to try again', async () => {
    const run = pendingExport();
    const { user } = setup({ ids: [5, 9] });
    await user.selectOptions(screen.getByTestId('export-template'), 'matrix');
    await waitFor(() => expect(screen.getByTestId('export-save')).toBeEnabled());
    await user.click(screen.getByTestId('export-save'));
    run.fail({
      kind: 'io',
      message:
        'Briefing.docx is open in Word, so Docket cannot replace it. Close it, then save again.',
    });
    expect(await screen.findByTestId('export-error')).toHaveTextContent(
      'Briefing.docx is open in Word, so Docket cannot replace it. Close it, then save again.',
    );
    expect(screen.getByTestId('export-template')).toHaveValue('matrix');
    expect(screen.getByTestId('export-scope-selection')).toBeChecked();
    expect(screen.getByTestId('export-save')).toBeEnabled();

    exportDocument.mockResolvedValue(DONE);
    await user.click(screen.getByTestId('export-save'));
    expect(await screen.findByTestId('export-done')).toBeInTheDocument();
    expect(exportDocument).toHaveBeenCalledTimes(2);
    expect(exportDocument.mock.calls[1]?.[0]).toMatchObject({ template: 'matrix', ids: [5, 9] });
  });

  it('remembers the template and its format for next time, whatever was stored', async () => {
    localStorage.setItem(EXPORT_KEY, '{not json');
    const first = setup();
    expect(screen.getByTestId('export-template')).toHaveValue('thematic');
    await first.user.selectOptions(screen.getByTestId('export-template'), 'matrix');
    await first.user.selectOptions(screen.getByTestId('export-format'), 'xlsx');
    await first.user.selectOptions(screen.getByTestId('export-template'), 'thematic');
    expect(screen.getByTestId('export-format')).toHaveValue('docx');
    await first.user.selectOptions(screen.getByTestId('export-template'), 'matrix');
    // The matrix's format came back with it.
    expect(screen.getByTestId('export-format')).toHaveValue('xlsx');
    first.view.unmount();

    setup();
    expect(screen.getByTestId('export-template')).toHaveValue('matrix');
    expect(screen.getByTestId('export-format')).toHaveValue('xlsx');
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'matrix', format: 'xlsx' }),
    );
  });

  it('offers only the statement from a statement, and closes with Escape', async () => {
    const { user, onclose } = setup({
      templates: ['statement'],
      template: 'statement',
      statementId: 4,
      statementTitle: 'Oral statement on the adoption',
    });
    expect(
      within(screen.getByTestId('export-template'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Statement']);
    expect(screen.getByTestId('export-scope')).toHaveTextContent(
      'The statement “Oral statement on the adoption”',
    );
    await waitFor(() =>
      expect(lastPreview()).toMatchObject({ template: 'statement', statement_id: 4 }),
    );
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
