// Changes in plain words, the way the store describes them (crates/docket-core/src/store/
// history.rs `describe`): "Priority set to High on 67 recommendations".
import { countLabel } from '../format';
import { fieldLabel, historyValue } from '../ipc/labels';
import type { BulkEdit } from '../ipc/types';

/** "1 recommendation", "67 recommendations". */
export function countTarget(n: number): string {
  return countLabel(n, 'recommendation');
}

/**
 * One field's change on `target` ("26.1", "67 recommendations"). `field` is as the history
 * names it: priority, lobbying_status, implementation_status, assignee, our_ask, notes, tag,
 * evidence.
 */
export function describeChange(
  field: string,
  old: string | null,
  now: string | null,
  target: string,
): string {
  const set = now === null || now === '' ? null : now;
  let what: string;
  let preposition = 'on';
  switch (field) {
    case 'priority':
    case 'lobbying_status':
    case 'implementation_status': {
      const label = fieldLabel(field);
      what = set === null ? `${label} cleared` : `${label} set to ${historyValue(field, set)}`;
      break;
    }
    case 'assignee':
      what = set === null ? 'Assignee cleared' : `Assignee set to ${set}`;
      break;
    case 'our_ask':
    case 'notes':
      what = set === null ? `${fieldLabel(field)} cleared` : `${fieldLabel(field)} changed`;
      break;
    case 'tag':
      if (now !== null) {
        what = `Tag “${now}” added`;
        preposition = 'to';
      } else {
        what = `Tag “${old ?? ''}” removed`;
        preposition = 'from';
      }
      break;
    case 'evidence':
      what = now !== null ? 'Evidence added' : 'Evidence removed';
      preposition = now !== null ? 'to' : 'from';
      break;
    default:
      what = `${fieldLabel(field)} changed`;
  }
  return `${what} ${preposition} ${target}`;
}

/** A bulk edit in words, e.g. for the message after it: "Priority set to High on 67 recommendations". */
export function describeBulkEdit(edit: BulkEdit, count: number): string {
  const target = countTarget(count);
  switch (edit.field) {
    case 'add_tag':
      return describeChange('tag', null, edit.value, target);
    case 'remove_tag':
      return describeChange('tag', edit.value, null, target);
    default:
      return describeChange(edit.field, null, edit.value, target);
  }
}

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
