// Finding and tracking, as a person does it, against the fake backend (which implements the
// search, the facets' counts, bulk edits and Undo over its rows).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { installFakeBackend, type FakeBackend, type FakeOptions } from './dev/fakeBackend';
import type { BulkEdit, SearchRequest } from './lib/ipc/types';

async function renderApp(options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const user = userEvent.setup();
  render(App);
  await screen.findAllByTestId('rec-row');
  return { backend, user };
}

const count = () => screen.getByTestId('rec-count');
const rows = () => screen.getAllByTestId('rec-row');
const searches = (backend: FakeBackend) =>
  backend.callsTo('search').map((c) => c.args['request'] as SearchRequest);

function facetValue(facet: string, value: string): HTMLElement {
  const found = screen
    .getAllByTestId('facet-value')
    .find((b) => b.dataset.facet === facet && b.dataset.value === value);
  if (!found) throw new Error(`no facet value ${facet}=${value}`);
  return found;
}

async function filterNoted(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(facetValue('position', 'noted'));
  await waitFor(() => expect(count()).toHaveTextContent('67 of 347 recommendations'));
}

describe('search box', () => {
  it('searches as you type, once for the last words, and marks them in the list', async () => {
    const { backend, user } = await renderApp();
    const before = searches(backend).length;
    const box = screen.getByTestId('search-box');
    expect(box).toHaveAccessibleName('Search');

    await user.type(box, 'death');
    await waitFor(() => expect(count()).toHaveTextContent(/^\d+ of 347 recommendations$/));
    const asked = searches(backend).slice(before);
    expect(asked.map((r) => r.query)).toEqual(['death']);
    expect(asked[0]).toMatchObject({ review_id: 1, facets: true, offset: 0 });

    const marks = within(rows()[0]!).getAllByText('death', { selector: 'mark' });
    expect(marks.length).toBeGreaterThan(0);
    for (const row of rows()) expect(row.textContent?.toLowerCase()).toContain('death');
  });

  it('marks the words in the detail pane, whatever their accents', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByTestId('search-box'), 'dine');
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Diné'));
    await user.click(rows()[0]!);
    const text = await screen.findByTestId('detail-text');
    await waitFor(() =>
      expect(within(text).getByText('Diné', { selector: 'mark' })).toBeInTheDocument(),
    );
  });

  it('goes to the list with ↓ and empties with Esc', async () => {
    const { user } = await renderApp();
    const box = screen.getByTestId('search-box');
    await user.type(box, 'torture');
    await user.keyboard('{ArrowDown}');
    const grid = screen.getByRole('grid');
    expect(grid).toHaveFocus();
    await waitFor(() => expect(count()).toHaveTextContent(/ of 347/));
    await waitFor(() =>
      expect(rows().find((r) => r.getAttribute('aria-selected') === 'true')).toBeDefined(),
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('detail-pane')).toBeInTheDocument();

    await user.click(box);
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
  });

  it('follows a box emptied without an input event (as WebDriver clears it)', async () => {
    const { user } = await renderApp();
    const box = screen.getByTestId<HTMLInputElement>('search-box');
    await user.type(box, 'torture');
    await waitFor(() => expect(count()).toHaveTextContent(/ of 347/));
    box.value = '';
    fireEvent.change(box);
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
  });

  it('says when nothing matches', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByTestId('search-box'), 'zzzzqx');
    expect(await screen.findByTestId('no-results')).toHaveTextContent('No recommendation matches');
    expect(count()).toHaveTextContent('0 of 347 recommendations');
  });

  it('searches all reviews, showing each row’s review', async () => {
    const { user } = await renderApp({ otherReview: 8 });
    await user.click(screen.getByTestId('search-all-reviews'));
    await waitFor(() => expect(count()).toHaveTextContent('355 recommendations'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('All reviews');
    await user.type(screen.getByTestId('search-box'), 'l’education');
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-paragraph', '140.1'));
    expect(within(rows()[0]!).getByTestId('row-review')).toHaveTextContent('Côte d’Ivoire');
    expect(screen.getByTestId('mode-dashboard')).toBeDisabled();
  });

  it('keeps fewer than 200 rows in the DOM while searching 100,000 recommendations', async () => {
    const { user } = await renderApp({ total: 100_000 });
    await user.type(screen.getByTestId('search-box'), 'ratify');
    await waitFor(() => expect(count()).toHaveTextContent(/^[\d,]+ of 100,000 recommendations$/));
    const rendered = rows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(200);
    expect(document.querySelectorAll('[role="row"]').length).toBeLessThan(200);
  });
});

describe('facets', () => {
  it('narrow the list, show chips, keep the other values addable, and clear', async () => {
    const { user } = await renderApp();
    const group = screen.getByTestId('facet-position');
    const text = (el: HTMLElement) => el.textContent?.replace(/\s+/g, ' ').trim();
    expect(within(group).getAllByTestId('facet-value').map(text)).toEqual([
      expect.stringMatching(/^Supported \d+$/),
      expect.stringMatching(/^Supported in part \d+$/),
      'Noted 67',
      expect.stringMatching(/^Pending \d+$/),
    ]);
    expect(facetValue('priority', 'none')).toHaveTextContent('Not set');

    await filterNoted(user);
    expect(facetValue('position', 'noted')).toHaveAttribute('aria-pressed', 'true');
    // The counts of position ignore the position chosen: "Supported" can still be added.
    expect(facetValue('position', 'supported')).toHaveAttribute('aria-pressed', 'false');
    expect(facetValue('position', 'supported').textContent?.trim()).not.toMatch(/\s0$/);
    const chip = screen.getByTestId('filter-chip');
    expect(chip).toHaveTextContent('Position: Noted');

    await user.click(facetValue('position', 'pending'));
    await waitFor(() => expect(screen.getAllByTestId('filter-chip')).toHaveLength(2));
    expect(count()).toHaveTextContent(/^69 of 347/);

    await user.click(within(screen.getAllByTestId('filter-chip')[1]!).getByTestId('remove-filter'));
    await waitFor(() => expect(count()).toHaveTextContent('67 of 347 recommendations'));

    await user.click(screen.getByTestId('clear-filters'));
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
    expect(screen.queryByTestId('filter-chip')).not.toBeInTheDocument();
  });

  it('combine with the words searched for', async () => {
    const { user } = await renderApp();
    await filterNoted(user);
    await user.type(screen.getByTestId('search-box'), 'ratify');
    await waitFor(() => expect(count()).not.toHaveTextContent('67 of'));
    const n = Number(count().textContent?.split(' ')[0]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(67);
    expect(facetValue('position', 'noted')).toHaveTextContent(String(n));
  });

  it('shows the first 8 States, all of them on demand, and finds one', async () => {
    const { user } = await renderApp();
    const states = screen.getByTestId('facet-state');
    expect(within(states).getAllByTestId('facet-value')).toHaveLength(8);
    await user.click(within(states).getByTestId('facet-show-all'));
    expect(within(states).getAllByTestId('facet-value')).toHaveLength(30);
    await user.type(within(states).getByTestId('facet-filter'), 'turk');
    expect(
      within(states)
        .getAllByTestId('facet-value')
        .map((b) => b.dataset.value),
    ).toEqual(['Türkiye']);
  });
});

describe('sorting', () => {
  it('sorts by priority and reverses the order', async () => {
    const { backend, user } = await renderApp();
    await backend.handle('edit_tracking', { id: 300, edit: { field: 'priority', value: 'high' } });
    await user.selectOptions(screen.getByTestId('sort-select'), 'priority');
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-paragraph', '26.300'));
    await user.click(screen.getByTestId('sort-direction'));
    await waitFor(() => expect(rows()[0]).toHaveAttribute('data-paragraph', '26.347'));
    expect(searches(backend).at(-1)).toMatchObject({ sort: 'priority', descending: true });
  });
});

describe('back and forward', () => {
  it('go between views with the buttons, Alt+arrows and the mouse’s side buttons', async () => {
    const { user } = await renderApp();
    const back = screen.getByTestId('nav-back');
    const forward = screen.getByTestId('nav-forward');
    expect(back).toHaveAccessibleName(/Back \(Alt\+←\)/);
    expect(back).toBeDisabled();

    await filterNoted(user);
    await user.click(screen.getByTestId('mode-history'));
    expect(await screen.findByTestId('review-history')).toBeInTheDocument();

    await user.click(back);
    await screen.findByTestId('rec-table');
    expect(screen.getByTestId('filter-chip')).toHaveTextContent('Position: Noted');
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
    expect(back).toBeDisabled();

    await user.click(forward);
    await waitFor(() => expect(count()).toHaveTextContent('67 of 347'));
    fireEvent.mouseUp(window, { button: 4 });
    fireEvent(window, new MouseEvent('auxclick', { button: 4 }));
    expect(await screen.findByTestId('review-history')).toBeInTheDocument();
    expect(forward).toBeDisabled();
    fireEvent.mouseUp(window, { button: 3 });
    await screen.findByTestId('rec-table');
    expect(screen.getByTestId('filter-chip')).toBeInTheDocument();
  });

  it('records typed words once they settle, not per letter', async () => {
    const { user } = await renderApp();
    const box = screen.getByTestId('search-box');
    await user.type(box, 'torture{Enter}');
    await waitFor(() => expect(count()).toHaveTextContent(/ of 347/));
    await user.click(screen.getByTestId('nav-back'));
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
    expect(box).toHaveValue('');
    expect(screen.getByTestId('nav-back')).toBeDisabled();
    await user.click(screen.getByTestId('nav-forward'));
    await waitFor(() => expect(box).toHaveValue('torture'));
  });
});

describe('modes', () => {
  it('switch between the list, the dashboard and the history of the review', async () => {
    const { user } = await renderApp();
    expect(screen.getByTestId('mode-list')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByTestId('mode-dashboard'));
    expect(await screen.findByTestId('dashboard')).toBeInTheDocument();
    expect(screen.queryByTestId('rec-table')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('mode-history'));
    expect(await screen.findByTestId('review-history')).toBeInTheDocument();
    await user.click(screen.getByTestId('mode-list'));
    expect(await screen.findByTestId('rec-table')).toBeInTheDocument();
  });
});

describe('saved views', () => {
  it('saves the view, reopens it in one click, and deletes it after confirming', async () => {
    const { backend, user } = await renderApp();
    await filterNoted(user);
    await user.type(screen.getByTestId('search-box'), 'ratify{Enter}');
    await user.click(screen.getByTestId('save-view'));
    await user.type(screen.getByTestId('save-view-name'), 'Noted ratifications{Enter}');
    const item = await screen.findByTestId('saved-view');
    expect(item).toHaveTextContent('Noted ratifications');
    expect(backend.callsTo('save_view')[0]?.args['view']).toEqual({
      name: 'Noted ratifications',
      review_id: 1,
      query: 'ratify',
      filters: [['position', 'noted']],
      sort: 'paragraph',
      descending: false,
    });

    await user.click(screen.getByTestId('clear-filters'));
    await user.clear(screen.getByTestId('search-box'));
    await waitFor(() => expect(count()).toHaveTextContent('347 recommendations'));
    await user.click(item);
    await waitFor(() => expect(screen.getByTestId('search-box')).toHaveValue('ratify'));
    expect(screen.getByTestId('filter-chip')).toHaveTextContent('Position: Noted');

    await user.click(screen.getByTestId('delete-view'));
    expect(backend.callsTo('delete_view')).toHaveLength(0);
    await user.click(screen.getByTestId('confirm-delete-view'));
    await waitFor(() => expect(screen.queryByTestId('saved-view')).not.toBeInTheDocument());
    expect(backend.callsTo('delete_view')).toHaveLength(1);
  });
});

describe('selection and bulk edit', () => {
  it('checks rows by click, Shift+click range and Space; clears when the search changes', async () => {
    const { user } = await renderApp();
    const check = (i: number) => within(rows()[i]!).getByTestId('row-check');
    await user.click(check(1));
    expect(await screen.findByTestId('selected-count')).toHaveTextContent('1 selected');
    await user.keyboard('{Shift>}');
    await user.click(check(4));
    await user.keyboard('{/Shift}');
    expect(screen.getByTestId('selected-count')).toHaveTextContent('4 selected');
    expect(check(3)).toHaveAttribute('aria-checked', 'true');
    expect(check(5)).toHaveAttribute('aria-checked', 'false');
    // Clicking the check box does not open the row.
    expect(screen.queryByTestId('detail-pane')).not.toBeInTheDocument();

    // The keyboard is on the row last clicked (index 4): ↑ then Space unchecks index 3.
    expect(screen.getByRole('grid')).toHaveFocus();
    await user.keyboard('{ArrowUp} ');
    expect(screen.getByTestId('selected-count')).toHaveTextContent('3 selected');
    expect(check(3)).toHaveAttribute('aria-checked', 'false');

    await user.type(screen.getByTestId('search-box'), 'ratify');
    await waitFor(() => expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument());
  });

  it('Shift+click over rows not loaded yet gets their ids from the search', async () => {
    const { backend, user } = await renderApp({ total: 100_000 });
    await user.click(within(rows()[0]!).getByTestId('row-check'));
    await user.keyboard('{End}');
    const last = await waitFor(() => {
      const row = rows().find((r) => r.dataset.paragraph === '26.100000');
      if (!row) throw new Error('last row not shown yet');
      return row;
    });
    await user.keyboard('{Shift>}');
    await user.click(within(last).getByTestId('row-check'));
    await user.keyboard('{/Shift}');
    await waitFor(() =>
      expect(screen.getByTestId('selected-count')).toHaveTextContent('100,000 selected'),
    );
    expect(backend.callsTo('search_ids')).toHaveLength(1);
  });

  it('sets a priority on all matching in one call, then Undo restores it', async () => {
    const { backend, user } = await renderApp();
    await filterNoted(user);
    await user.click(screen.getByTestId('select-all-matching'));
    expect(await screen.findByTestId('selected-count')).toHaveTextContent('67 selected');

    const bar = screen.getByTestId('bulk-bar');
    await user.selectOptions(within(bar).getByTestId('bulk-priority'), 'high');
    await user.click(within(bar).getByTestId('bulk-priority-apply'));

    const status = await screen.findByTestId('status-message');
    expect(status).toHaveTextContent('Priority set to High on 67 recommendations.');
    const calls = backend.callsTo('bulk_edit');
    expect(calls).toHaveLength(1);
    expect((calls[0]!.args['ids'] as number[]).length).toBe(67);
    expect(calls[0]!.args['edit']).toEqual({ field: 'priority', value: 'high' } satisfies BulkEdit);
    await waitFor(() => expect(facetValue('priority', 'high')).toHaveTextContent('67'));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('High'));
    const undo = screen.getByTestId('undo');
    await waitFor(() => expect(undo).toBeEnabled());
    expect(undo).toHaveAttribute(
      'title',
      'Undo: Priority set to High on 67 recommendations (Ctrl+Z)',
    );

    await user.click(within(status).getByTestId('status-undo'));
    await waitFor(() =>
      expect(screen.getByTestId('status-message')).toHaveTextContent(
        'Undone: Priority set to High on 67 recommendations',
      ),
    );
    expect(backend.callsTo('undo_last')).toHaveLength(1);
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Not set'));
    await waitFor(() => expect(screen.getByTestId('facet-priority')).not.toHaveTextContent('High'));
    expect(backend.tracking(Number(rows()[0]!.dataset.id)).priority).toBeNull();
    await waitFor(() => expect(screen.getByTestId('undo')).toBeDisabled());
  });

  it('tags a selection and says when nothing changed', async () => {
    const { backend, user } = await renderApp();
    await user.click(within(rows()[0]!).getByTestId('row-check'));
    const bar = await screen.findByTestId('bulk-bar');
    await user.type(within(bar).getByTestId('bulk-tag'), 'UPR 4');
    await user.click(within(bar).getByTestId('bulk-tag-add'));
    expect(await screen.findByTestId('status-message')).toHaveTextContent(
      'Tag “UPR 4” added to 1 recommendation.',
    );
    expect(backend.tracking(1).tags).toEqual(['UPR 4']);
    await waitFor(() => expect(facetValue('tag', 'UPR 4')).toHaveTextContent('1'));

    await user.type(within(bar).getByTestId('bulk-tag'), 'UPR 4');
    await user.click(within(bar).getByTestId('bulk-tag-add'));
    await waitFor(() =>
      expect(screen.getByTestId('status-message')).toHaveTextContent(
        'Nothing changed: the selected recommendation already had the tag “UPR 4”.',
      ),
    );
    expect(within(screen.getByTestId('status-message')).queryByTestId('status-undo')).toBeNull();
  });

  it('refreshes the open detail pane after a bulk edit and after Undo', async () => {
    const { user } = await renderApp();
    await user.click(rows()[0]!);
    const priority = await screen.findByTestId('field-priority');
    await user.click(within(rows()[0]!).getByTestId('row-check'));
    const bar = await screen.findByTestId('bulk-bar');
    await user.selectOptions(within(bar).getByTestId('bulk-lobbying'), 'planned');
    await user.click(within(bar).getByTestId('bulk-lobbying-apply'));
    await waitFor(() => expect(screen.getByTestId('field-lobbying_status')).toHaveValue('planned'));
    expect(priority).toHaveValue('');
    await user.click(screen.getByTestId('undo'));
    await waitFor(() =>
      expect(screen.getByTestId('field-lobbying_status')).toHaveValue('not_started'),
    );
  });
});

describe('edits in the detail pane', () => {
  it('count the facets again only when they can change them', async () => {
    const { backend, user } = await renderApp();
    const countings = () => searches(backend).filter((r) => r.facets && r.limit === 0).length;
    await user.click(rows()[0]!);
    await user.selectOptions(await screen.findByTestId('field-priority'), 'high');
    await waitFor(() => expect(facetValue('priority', 'high')).toHaveTextContent('1'));
    expect(countings()).toBe(1);

    // Notes count only through the words searched for, and none are.
    await user.type(screen.getByTestId('field-notes'), 'Met the mission');
    await user.click(screen.getByTestId('save-notes'));
    await waitFor(() =>
      expect(screen.getByTestId('undo')).toHaveAttribute(
        'title',
        'Undo: Notes changed on 26.1 (Ctrl+Z)',
      ),
    );
    expect(backend.tracking(1).notes).toBe('Met the mission');
    expect(countings()).toBe(1);
  });
});

describe('undo', () => {
  it('undoes the last edit with Ctrl+Z outside text fields, not inside them', async () => {
    const { backend, user } = await renderApp();
    await user.click(rows()[0]!);
    await user.selectOptions(await screen.findByTestId('field-priority'), 'high');
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    expect(screen.getByTestId('undo')).toHaveAttribute(
      'title',
      'Undo: Priority set to High on 26.1 (Ctrl+Z)',
    );

    // In the search box (and any text field) Ctrl+Z is the box's own undo.
    await user.click(screen.getByTestId('search-box'));
    await user.keyboard('{Control>}z{/Control}');
    await user.click(screen.getByTestId('field-notes'));
    await user.keyboard('{Control>}z{/Control}');
    expect(backend.callsTo('undo_last')).toHaveLength(0);

    screen.getByRole('grid').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(backend.callsTo('undo_last')).toHaveLength(1));
    expect(await screen.findByTestId('status-message')).toHaveTextContent(
      'Undone: Priority set to High on 26.1',
    );
    await waitFor(() => expect(screen.getByTestId('field-priority')).toHaveValue(''));
    expect(backend.tracking(1).priority).toBeNull();
  });
});

describe('settings', () => {
  it('opens the settings with the content behind made inert', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('open-settings'));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const behind = screen.getByTestId('rec-table').closest<HTMLElement>('.content')!;
    expect(behind).toContainElement(screen.getByTestId('open-settings'));
    expect(behind.inert).toBe(true);
    await user.click(within(dialog).getAllByRole('button', { name: /close/i })[0]!);
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).not.toBeInTheDocument());
    expect(behind.inert).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('open-settings'));
  });
});
