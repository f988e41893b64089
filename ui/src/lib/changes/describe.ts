// What the store does not describe: a bulk edit that changed nothing records no change, so the
// message after it is written here. (Changes are described by the store: ChangeSummary.description.)
import type { BulkEdit } from '../ipc/types';

/** Why a bulk edit changed nothing, e.g. "Nothing changed: the 5 selected recommendations already had this priority." */
export function describeNothingChanged(edit: BulkEdit, selected: number): string {
  const which =
    selected === 1 ? 'the selected recommendation' : `the ${selected} selected recommendations`;
  switch (edit.field) {
    case 'add_tag':
      return `Nothing changed: ${which} already had the tag “${edit.value}”.`;
    case 'remove_tag':
      return selected === 1
        ? `Nothing changed: the selected recommendation does not have the tag “${edit.value}”.`
        : `Nothing changed: none of the ${selected} selected recommendations has the tag “${edit.value}”.`;
    default:
      return `Nothing changed: ${which} already had this value.`;
  }
}
