import type { Sort } from '../ipc/types';

export const SORTS: Sort[] = ['paragraph', 'state', 'position', 'priority', 'changed'];

export const SORT_LABELS: Record<Sort, string> = {
  paragraph: 'Paragraph',
  state: 'Recommending State',
  position: 'Position',
  priority: 'Priority',
  changed: 'Last changed',
};

/** The order in words a person understands, for this sort ("High first", "Z to A"). */
export function directionLabel(sort: Sort, descending: boolean): string {
  switch (sort) {
    case 'paragraph':
      return descending ? 'Highest number first' : 'Lowest number first';
    case 'state':
      return descending ? 'Z to A' : 'A to Z';
    case 'position':
      return descending ? 'Pending first' : 'Supported first';
    case 'priority':
      return descending ? 'Not set first' : 'High first';
    case 'changed':
      return descending ? 'Oldest first' : 'Latest first';
  }
}
