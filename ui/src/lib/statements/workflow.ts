// A statement's workflow, as the store allows it (crates/docket-core/src/advocacy/workflow.rs):
// idea → drafting → final → registered → delivered or not called, one step forward at a time; back
// to any earlier stage of idea, drafting, final or registered. The labels say what each step means
// for the kind of statement: an oral one is registered on the speakers list and delivered; a
// written one is submitted and published.
import type { StatementKind, StatementStatus } from '../ipc/types';

export const STATUSES: StatementStatus[] = [
  'idea',
  'drafting',
  'final',
  'registered',
  'delivered',
  'not_called',
];

function rank(status: StatementStatus): number {
  switch (status) {
    case 'idea':
      return 0;
    case 'drafting':
      return 1;
    case 'final':
      return 2;
    case 'registered':
      return 3;
    case 'delivered':
    case 'not_called':
      return 4;
  }
}

const FORWARD: [StatementStatus, StatementStatus][] = [
  ['idea', 'drafting'],
  ['drafting', 'final'],
  ['final', 'registered'],
  ['registered', 'delivered'],
  ['registered', 'not_called'],
];

/** Whether a statement may move from `from` to `to`. */
export function canMove(from: StatementStatus, to: StatementStatus): boolean {
  if (from === to) return false;
  if (FORWARD.some(([a, b]) => a === from && b === to)) return true;
  return rank(to) < rank(from) && rank(to) <= rank('registered');
}

/** The statuses reachable from `from`: forward first, then back (nearest first). */
export function nextSteps(from: StatementStatus): StatementStatus[] {
  const reachable = STATUSES.filter((to) => canMove(from, to));
  const forward = reachable.filter((to) => rank(to) > rank(from));
  const back = reachable.filter((to) => rank(to) < rank(from)).reverse();
  return [...forward, ...back];
}

/** Whether moving from `from` to `to` is going back. */
export function isBack(from: StatementStatus, to: StatementStatus): boolean {
  return rank(to) < rank(from);
}

/** The status in words ("Registered" is "Submitted" for a written statement). */
export function statusLabel(status: StatementStatus, kind: StatementKind): string {
  const written = kind === 'written';
  switch (status) {
    case 'idea':
      return 'Idea';
    case 'drafting':
      return 'Drafting';
    case 'final':
      return 'Final';
    case 'registered':
      return written ? 'Submitted' : 'Registered';
    case 'delivered':
      return written ? 'Published' : 'Delivered';
    case 'not_called':
      return written ? 'Not published' : 'Not called';
  }
}

/** What the button moving to `to` says: "Mark final", "Back to drafting". */
export function moveLabel(from: StatementStatus, to: StatementStatus, kind: StatementKind): string {
  if (isBack(from, to)) {
    if (to === 'registered') {
      return kind === 'written' ? 'Back to submitted' : 'Back to registered';
    }
    return `Back to ${statusLabel(to, kind).toLowerCase()}`;
  }
  switch (to) {
    case 'drafting':
      return 'Start drafting';
    case 'final':
      return 'Mark final';
    case 'registered':
      return kind === 'written' ? 'Submitted' : 'Registered on the speakers list';
    default:
      return statusLabel(to, kind);
  }
}
