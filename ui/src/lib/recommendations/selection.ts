// The recommendations checked in the list, for bulk edits: a set of ids (kept across pages and
// scrolling), and the anchor of Shift+click ranges. Pure and immutable: every change returns a
// new Selection, so a Svelte `$state.raw` holding it updates the screen.

export interface Selection {
  readonly ids: ReadonlySet<number>;
  /** The row last clicked without Shift: where a Shift+click range starts. */
  readonly anchor: { index: number; id: number } | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Checks or unchecks one row; it becomes the anchor. */
export function toggle(selection: Selection, index: number, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: { index, id } };
}

/**
 * Shift+click on row `index`: every row from the anchor to it takes the anchor's state (checked
 * when the anchor is checked, else unchecked), as in a file manager. `idAt` gives the id of a
 * row in list order; returns null when one of the rows is not known (its page is not loaded):
 * the caller then gets all ids (searchIds) and uses `extendWith`.
 */
export function extend(
  selection: Selection,
  index: number,
  idAt: (index: number) => number | undefined,
): Selection | null {
  const { anchor } = selection;
  if (anchor === null) {
    const id = idAt(index);
    return id === undefined ? null : toggle(selection, index, id);
  }
  // The rows from the anchor to `index`, both included, in list order.
  const range: number[] = [];
  for (let i = Math.min(anchor.index, index); i <= Math.max(anchor.index, index); i++) {
    const id = idAt(i);
    if (id === undefined) return null;
    range.push(id);
  }
  return applyRange(selection, range);
}

/** `extend` with the ids of every row in list order (from searchIds). */
export function extendWith(
  selection: Selection,
  index: number,
  allIds: readonly number[],
): Selection {
  const result = extend(selection, index, (i) => allIds[i]);
  return result ?? selection;
}

function applyRange(selection: Selection, range: readonly number[]): Selection {
  const check = selection.anchor === null || selection.ids.has(selection.anchor.id);
  const ids = new Set(selection.ids);
  for (const id of range) {
    if (check) ids.add(id);
    else ids.delete(id);
  }
  return { ids, anchor: selection.anchor };
}

/** Every recommendation matching the search ("Select all N matching"). */
export function selectAll(ids: readonly number[]): Selection {
  return { ids: new Set(ids), anchor: null };
}
