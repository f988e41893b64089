import { describe, expect, it } from 'vitest';
import { describeBulkEdit, describeChange, describeNothingChanged } from './describe';

describe('changes in words', () => {
  it('says what was set, on what, as the store does', () => {
    expect(describeChange('priority', null, 'high', '26.1')).toBe('Priority set to High on 26.1');
    expect(describeChange('priority', 'high', null, '26.1')).toBe('Priority cleared on 26.1');
    expect(describeChange('lobbying_status', null, 'in_progress', '3 recommendations')).toBe(
      'Lobbying status set to In progress on 3 recommendations',
    );
    expect(describeChange('implementation_status', null, 'partially_implemented', '26.1')).toBe(
      'Implementation status set to Partially implemented on 26.1',
    );
    expect(describeChange('assignee', 'Ana', '', '26.1')).toBe('Assignee cleared on 26.1');
    expect(describeChange('notes', null, 'x', '26.1')).toBe('Notes changed on 26.1');
    expect(describeChange('tag', null, 'urgent', '26.1')).toBe('Tag “urgent” added to 26.1');
    expect(describeChange('tag', 'urgent', null, '2 recommendations')).toBe(
      'Tag “urgent” removed from 2 recommendations',
    );
    expect(describeChange('evidence', null, 'https://a', '26.1')).toBe('Evidence added to 26.1');
  });

  it('describes a bulk edit and one that changed nothing', () => {
    expect(describeBulkEdit({ field: 'priority', value: 'high' }, 67)).toBe(
      'Priority set to High on 67 recommendations',
    );
    expect(describeBulkEdit({ field: 'add_tag', value: 'UPR 4' }, 1)).toBe(
      'Tag “UPR 4” added to 1 recommendation',
    );
    expect(describeNothingChanged({ field: 'priority', value: 'low' }, 5)).toBe(
      'Nothing changed: the 5 selected recommendations already had this value.',
    );
    expect(describeNothingChanged({ field: 'remove_tag', value: 'x' }, 2)).toBe(
      'Nothing changed: none of the 2 selected recommendations has the tag “x”.',
    );
  });
});
