import { describe, expect, it } from 'vitest';
import type { FacetFilter } from '../ipc/types';
import { facetValues, filterLabel, removeFilter, toggleFilter, valueLabel } from './facets';

describe('facet values', () => {
  it('labels values as a person reads them', () => {
    expect(valueLabel('position', 'supported_in_part')).toBe('Supported in part');
    expect(valueLabel('priority', 'none')).toBe('Not set');
    expect(valueLabel('priority', 'high')).toBe('High');
    expect(valueLabel('lobbying_status', 'in_progress')).toBe('In progress');
    expect(valueLabel('implementation_status', 'fully_implemented')).toBe('Fully implemented');
    expect(valueLabel('regional_group', 'GRULAC')).toBe('Latin American and Caribbean States');
    expect(valueLabel('cycle', '3')).toBe('3rd cycle');
    expect(valueLabel('theme', 'Death penalty')).toBe('Death penalty');
    expect(filterLabel(['position', 'noted'])).toBe('Position: Noted');
  });

  it('orders statuses naturally and the rest by count, then name', () => {
    expect(
      facetValues('priority', { none: 300, low: 2, high: 40 }, []).map((v) => v.value),
    ).toEqual(['high', 'low', 'none']);
    expect(
      facetValues('theme', { Torture: 3, 'Death penalty': 12, Asylum: 3 }, []).map((v) => v.value),
    ).toEqual(['Death penalty', 'Asylum', 'Torture']);
  });

  it('keeps a chosen value that no longer has any match, so it can be removed', () => {
    const values = facetValues('theme', { Torture: 3 }, [['theme', 'Asylum']]);
    expect(values).toContainEqual({ value: 'Asylum', label: 'Asylum', count: 0, selected: true });
    expect(values.find((v) => v.value === 'Torture')?.selected).toBe(false);
  });
});

describe('toggling filters', () => {
  it('adds a value, removes it on the second toggle, leaving the others', () => {
    let filters: FacetFilter[] = [['position', 'noted']];
    filters = toggleFilter(filters, 'theme', 'Torture');
    expect(filters).toEqual([
      ['position', 'noted'],
      ['theme', 'Torture'],
    ]);
    filters = toggleFilter(filters, 'position', 'noted');
    expect(filters).toEqual([['theme', 'Torture']]);
    expect(removeFilter(filters, ['theme', 'Torture'])).toEqual([]);
  });
});
