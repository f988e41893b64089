import { afterEach, describe, expect, it } from 'vitest';
import { computed, usReview } from '../../test/fixtures';
import {
  defaultTitle,
  ECOSOC_KEY,
  hrcSessionOf,
  newStatement,
  ORGANIZATION_KEY,
  remember,
} from './defaults';

afterEach(() => localStorage.clear());

describe('new statements', () => {
  it('finds the Council session of the review’s adoption', () => {
    expect(hrcSessionOf([computed({ kind: 'review' }), computed()])).toBe(46);
    expect(hrcSessionOf([computed({ title: 'Adoption (HRC46)' })])).toBe(46);
    expect(hrcSessionOf([computed({ title: 'Adoption of the outcome' })])).toBeNull();
    expect(hrcSessionOf([])).toBeNull();
  });

  it('names the statement after the review or the session', () => {
    const review = usReview();
    expect(defaultTitle('oral', review, 46)).toBe(
      "Oral statement on the adoption of United States of America's UPR outcome",
    );
    expect(defaultTitle('written', review, 46)).toBe('Written statement for HRC46');
    expect(defaultTitle('written', null, null)).toBe('Written statement');
    expect(defaultTitle('oral', null, 58)).toBe('Oral statement at HRC58');
  });

  it('uses the ECOSOC status and organization last chosen, else general status', () => {
    const review = usReview({ id: 1 });
    expect(newStatement('oral', review, 46)).toMatchObject({
      review_id: 1,
      hrc_session: 46,
      ecosoc_status: 'general',
      organization: '',
      words_per_minute: 130,
      time_limit_seconds: 120,
    });
    remember(ECOSOC_KEY, 'special');
    remember(ORGANIZATION_KEY, 'Rights Watch');
    expect(newStatement('written', null, null, 90)).toMatchObject({
      review_id: null,
      ecosoc_status: 'special',
      organization: 'Rights Watch',
      time_limit_seconds: 90,
    });
    remember(ECOSOC_KEY, 'nonsense');
    expect(newStatement('oral', null, null).ecosoc_status).toBe('general');
  });
});
