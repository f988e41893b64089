import { describe, expect, it } from 'vitest';
import { describeNothingChanged } from './describe';

describe('changes in words', () => {
  it('says why a bulk edit changed nothing', () => {
    expect(describeNothingChanged({ field: 'priority', value: 'low' }, 5)).toBe(
      'Nothing changed: the 5 selected recommendations already had this value.',
    );
    expect(describeNothingChanged({ field: 'remove_tag', value: 'x' }, 2)).toBe(
      'Nothing changed: none of the 2 selected recommendations has the tag “x”.',
    );
  });
});
