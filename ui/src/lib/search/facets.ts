// Facets as a person reads them: their names, their values' labels and order, and the filters
// chosen (several values of one facet widen, different facets narrow).
import {
  historyValue,
  IMPLEMENTATION_STATUSES,
  LOBBYING_STATUSES,
  NO_PRIORITY_LABEL,
  POSITIONS,
  PRIORITIES,
  REGIONAL_GROUP_NAMES,
} from '../ipc/labels';
import type { Facet, FacetFilter } from '../ipc/types';
import { ordinal } from '../format';

/** The facets in the order they are shown. */
export const FACETS: Facet[] = [
  'position',
  'priority',
  'lobbying_status',
  'implementation_status',
  'theme',
  'state',
  'regional_group',
  'group_of_persons',
  'sdg',
  'action_category',
  'assignee',
  'tag',
  'cycle',
];

export const FACET_LABELS: Record<Facet, string> = {
  position: 'Position',
  priority: 'Priority',
  lobbying_status: 'Lobbying status',
  implementation_status: 'Implementation',
  theme: 'Theme',
  state: 'Recommending State',
  regional_group: 'Regional group',
  group_of_persons: 'Groups of persons',
  sdg: 'Sustainable Development Goal',
  action_category: 'Action category',
  assignee: 'Assigned to',
  tag: 'Tag',
  cycle: 'UPR cycle',
};

/** Facets with many values: the first ones are shown, with "Show all N" and a filter box. */
export const SHOWN_AT_FIRST = 8;

/** Facets whose values have a fixed order (the others are by count, then by name). */
const ORDERS: Partial<Record<Facet, readonly string[]>> = {
  position: POSITIONS,
  priority: [...PRIORITIES, 'none'],
  lobbying_status: LOBBYING_STATUSES,
  implementation_status: IMPLEMENTATION_STATUSES,
  action_category: ['1', '2', '3', '4', '5'],
};

/** A facet value as a person reads it: "noted" → "Noted", priority "none" → "Not set". */
export function valueLabel(facet: Facet, value: string): string {
  switch (facet) {
    case 'priority':
      return value === 'none' ? NO_PRIORITY_LABEL : historyValue(facet, value);
    case 'position':
    case 'lobbying_status':
    case 'implementation_status':
      // The same codes as the history's values, so the same labels.
      return historyValue(facet, value);
    case 'regional_group':
      return REGIONAL_GROUP_NAMES[value] ?? value;
    case 'action_category':
      return `Category ${value}`;
    case 'cycle': {
      const n = Number(value);
      return Number.isInteger(n) && n > 0 ? `${ordinal(n)} cycle` : value;
    }
    default:
      return value;
  }
}

/** "Position: Noted", for chips and the names of buttons. */
export function filterLabel([facet, value]: FacetFilter): string {
  return `${FACET_LABELS[facet]}: ${valueLabel(facet, value)}`;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/**
 * The values of a facet to show: every counted value, plus the chosen ones even when none
 * match now (so they can be removed), in their natural order (positions, statuses) or by count.
 */
export function facetValues(
  facet: Facet,
  counts: Record<string, number> | undefined,
  filters: readonly FacetFilter[],
): FacetValue[] {
  const selected = new Set(filters.filter(([f]) => f === facet).map(([, value]) => value));
  const all = new Map<string, number>(Object.entries(counts ?? {}));
  for (const value of selected) if (!all.has(value)) all.set(value, 0);
  const values = [...all].map(([value, count]) => ({
    value,
    label: valueLabel(facet, value),
    count,
    selected: selected.has(value),
  }));
  const order = ORDERS[facet];
  if (order) {
    const rank = (value: string) => {
      const at = order.indexOf(value);
      return at === -1 ? order.length : at;
    };
    return values.sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label));
  }
  return values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function hasFilter(filters: readonly FacetFilter[], facet: Facet, value: string): boolean {
  return filters.some(([f, v]) => f === facet && v === value);
}

/** Adds the value when it is not chosen, removes it when it is. */
export function toggleFilter(
  filters: readonly FacetFilter[],
  facet: Facet,
  value: string,
): FacetFilter[] {
  return hasFilter(filters, facet, value)
    ? filters.filter(([f, v]) => !(f === facet && v === value))
    : [...filters, [facet, value]];
}

export function removeFilter(filters: readonly FacetFilter[], filter: FacetFilter): FacetFilter[] {
  return filters.filter(([f, v]) => !(f === filter[0] && v === filter[1]));
}
