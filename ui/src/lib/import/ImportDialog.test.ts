// The import as a person goes through it, against the fake backend.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { installFakeBackend, type FakeOptions } from '../../dev/fakeBackend';

function renderApp(options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const user = userEvent.setup();
  render(App);
  return { backend, user };
}

describe('importing a spreadsheet', () => {
  it('chooses a file, asks for its review, previews, imports and opens the review', async () => {
    const { backend, user } = renderApp({
      loaded: false,
      pickFile: '/home/ana/recommendations.csv',
    });
    await user.click(await screen.findByTestId('first-run-import'));
    await user.click(await screen.findByTestId('choose-file'));

    // The file has no review columns: Docket asks which review.
    const chooser = await screen.findByTestId('review-chooser');
    expect(chooser).toHaveTextContent('no column for the State under review');
    expect(screen.getByTestId('import-commit')).toBeDisabled();
    // The guessed columns are shown for confirmation.
    const columns = screen.getAllByTestId<HTMLSelectElement>('mapping-column');
    expect(columns.map((c) => c.value)).toEqual([
      'paragraph',
      'states',
      'position',
      'themes',
      'text',
    ]);
    expect(screen.getByTestId('mapping-source')).toHaveTextContent('guessed');

    await user.type(within(chooser).getByTestId('review-state'), 'United States of America');
    await user.type(within(chooser).getByTestId('review-session'), '36');
    await user.click(within(chooser).getByTestId('review-submit'));

    expect(await screen.findByTestId('count-created')).toHaveTextContent('347');
    expect(backend.callsTo('preview_import').at(-1)?.args['request']).toMatchObject({
      source: { kind: 'file', path: '/home/ana/recommendations.csv' },
      review: { state_under_review: 'United States of America', wg_session: 36 },
    });
    expect(screen.getByTestId('unknown-states')).toHaveTextContent('ACT Group');
    expect(screen.getByTestId('import-problem')).toHaveTextContent(
      'recommendations.csv, line 349, column 1 This row has no text.',
    );
    expect(backend.callsTo('commit_import')).toHaveLength(0);

    await user.click(screen.getByTestId('import-commit'));
    const result = await screen.findByTestId('import-result');
    expect(result).toHaveTextContent('347 new recommendations');
    expect(result).toHaveTextContent('backups');
    await user.click(within(result).getByTestId('open-imported-review'));

    await waitFor(() => expect(screen.queryByTestId('import-dialog')).not.toBeInTheDocument());
    expect(await screen.findByTestId('rec-count')).toHaveTextContent('347 recommendations');
  });

  it('re-previews with a corrected column and encoding', async () => {
    const { backend, user } = renderApp({ pickFile: '/home/ana/recommendations.csv' });
    await user.click(await screen.findByTestId('import-button'));
    await user.click(await screen.findByTestId('choose-file'));
    const columns = await screen.findAllByTestId('mapping-column');
    await user.selectOptions(columns[4]!, 'ignore');

    expect(await screen.findByTestId('import-blocked')).toHaveTextContent(
      'no column holds the text',
    );
    expect(backend.callsTo('preview_import').at(-1)?.args['request']).toMatchObject({
      mapping: { columns: ['paragraph', 'states', 'position', 'themes', 'ignore'] },
    });

    await user.selectOptions(screen.getByTestId('import-encoding'), 'macintosh');
    await waitFor(() =>
      expect(backend.callsTo('preview_import').at(-1)?.args['request']).toMatchObject({
        encoding: 'macintosh',
        mapping: { columns: ['paragraph', 'states', 'position', 'themes', 'ignore'] },
      }),
    );
  });

  it('keeps the window behind the dialog out of reach until it closes', async () => {
    const { user } = renderApp();
    const table = await screen.findByTestId('rec-table');
    await user.click(screen.getByTestId('import-button'));
    await screen.findByTestId('import-dialog');
    const behind = table.closest<HTMLElement>('.content')!;
    expect(behind.inert).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).not.toBeInTheDocument());
    expect(behind.inert).toBe(false);
  });

  it('a cancelled file dialog changes nothing', async () => {
    const { backend, user } = renderApp({ pickFile: null });
    await user.click(await screen.findByTestId('import-button'));
    await user.click(await screen.findByTestId('choose-file'));
    expect(backend.callsTo('choose_import_file')).toHaveLength(1);
    expect(backend.callsTo('preview_import')).toHaveLength(0);
    expect(screen.getByTestId('choose-file')).toBeInTheDocument();
  });

  it('an unreadable file is explained in the dialog', async () => {
    const message =
      'report.pdf is protected by a password. Open it, remove the password, save it and import it again.';
    const { user } = renderApp({
      pickFile: '/home/ana/report.pdf',
      failWith: { preview_import: { kind: 'invalid_input', message } },
    });
    await user.click(await screen.findByTestId('import-button'));
    await user.click(await screen.findByTestId('choose-file'));
    expect(await screen.findByTestId('import-error')).toHaveTextContent(message);
    expect(screen.getByTestId('choose-file')).toBeInTheDocument();
  });

  it('previews pasted text', async () => {
    const { backend, user } = renderApp();
    await user.click(await screen.findByTestId('import-button'));
    await user.click(screen.getByTestId('paste-box'));
    await user.paste('140.1 Ratify the Convention against Torture (Ghana);');
    await user.click(screen.getByTestId('preview-paste'));
    await screen.findByTestId('import-preview');
    expect(backend.callsTo('preview_import')[0]?.args['request']).toEqual({
      source: {
        kind: 'text',
        name: 'Pasted text',
        text: '140.1 Ratify the Convention against Torture (Ghana);',
      },
    });
    // Pasted text has no encoding to choose.
    expect(screen.queryByTestId('import-encoding')).not.toBeInTheDocument();
  });
});

describe('the menu and drag-and-drop', () => {
  it('a dropped file is previewed at once; several files are refused', async () => {
    const { backend } = renderApp();
    await screen.findByTestId('rec-count');
    await waitFor(() => expect(backend.events).not.toBeNull());

    backend.emit({ kind: 'drag_enter' });
    expect(await screen.findByTestId('drop-overlay')).toBeInTheDocument();
    backend.emit({ kind: 'files_dropped', paths: ['/tmp/a.csv', '/tmp/b.csv'] });
    expect(await screen.findByTestId('error')).toHaveTextContent('Drop one file at a time');
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    expect(backend.callsTo('preview_import')).toHaveLength(0);

    backend.emit({ kind: 'files_dropped', paths: ['/tmp/a.csv'] });
    await screen.findByTestId('import-preview');
    expect(backend.callsTo('preview_import')[0]?.args['request']).toEqual({
      source: { kind: 'file', path: '/tmp/a.csv' },
    });
  });

  it('File › Paste report text opens the dialog on the paste box', async () => {
    const { backend } = renderApp();
    await screen.findByTestId('rec-count');
    await waitFor(() => expect(backend.events).not.toBeNull());
    backend.emit({ kind: 'menu', action: 'paste' });
    await screen.findByTestId('import-dialog');
    await waitFor(() => expect(screen.getByTestId('paste-box')).toHaveFocus());
  });
});
