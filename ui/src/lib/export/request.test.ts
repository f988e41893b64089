import { describe, expect, it } from 'vitest';
import { usReview } from '../../test/fixtures';
import {
  contextFor,
  requestFor,
  reviewWords,
  scopeWords,
  statesOf,
  type ExportChoice,
  type ExportContext,
} from './request';
import { exportContext } from '../../test/fixtures';

function choice(changes: Partial<ExportChoice> = {}): ExportChoice {
  return {
    template: 'thematic',
    format: 'docx',
    scope: 'all',
    states: 'every',
    state: 'France',
    ...changes,
  };
}

describe('reviewWords', () => {
  it('names the review by its State and cycle, else its session', () => {
    expect(reviewWords(usReview())).toBe('United States of America, 3rd cycle');
    expect(reviewWords(usReview({ cycle: null }))).toBe('United States of America, WG 36');
    expect(reviewWords(usReview({ cycle: null, wg_session: null }))).toBe(
      'United States of America',
    );
  });
});

describe('contextFor', () => {
  it('adds what the app knows of the review to what a place asks', () => {
    const review = usReview({ id: 1 });
    expect(
      contextFor({ reviewId: 1, templates: ['calendar'], template: 'calendar' }, review),
    ).toEqual({
      reviewId: 1,
      review: 'United States of America, 3rd cycle',
      query: '',
      filters: [],
      found: 347,
      ids: null,
      state: null,
      states: [],
      statementId: null,
      templates: ['calendar'],
      template: 'calendar',
    });
    const state = contextFor(
      { reviewId: 1, templates: ['state'], template: 'state', state: 'France' },
      null,
    );
    expect(state).toMatchObject({ review: 'this review', found: null, states: ['France'] });
    const list = contextFor(
      { reviewId: 1, templates: ['thematic'], template: 'thematic', query: 'women', found: 12 },
      review,
    );
    expect(list).toMatchObject({ query: 'women', found: 12 });
  });

  it('lists the States of a search’s facets, alphabetically', () => {
    expect(statesOf({ state: { Mexico: 3, 'Côte d’Ivoire': 1, Algeria: 2, France: 0 } })).toEqual([
      'Algeria',
      'Côte d’Ivoire',
      'Mexico',
    ]);
    expect(statesOf({})).toEqual([]);
    expect(statesOf(null)).toEqual([]);
  });
});

describe('requestFor', () => {
  it('sends the search words and filters for the recommendations found', () => {
    const ctx = exportContext({ query: ' women ', filters: [['position', 'noted']], found: 12 });
    expect(requestFor(ctx, choice({ format: 'pdf' }))).toEqual({
      template: 'thematic',
      format: 'pdf',
      review_id: 1,
      query: 'women',
      filters: [['position', 'noted']],
      ids: null,
      state: null,
      statement_id: null,
    });
  });

  it('sends the selection alone when it is chosen, and the search when “all found” is', () => {
    const ctx = exportContext({ query: 'women', ids: [5, 9, 12] });
    expect(requestFor(ctx, choice({ scope: 'selection', template: 'matrix' }))).toMatchObject({
      template: 'matrix',
      query: '',
      filters: [],
      ids: [5, 9, 12],
    });
    expect(requestFor(ctx, choice({ scope: 'all' }))).toMatchObject({ query: 'women', ids: null });
    // No selection: "selection" cannot be sent.
    expect(requestFor(exportContext({ ids: [] }), choice({ scope: 'selection' })).ids).toBeNull();
  });

  it('sends one State or none (one section per State) for the State template only', () => {
    const ctx = exportContext();
    const one = choice({ template: 'state', states: 'one', state: 'Mexico' });
    expect(requestFor(ctx, one).state).toBe('Mexico');
    expect(requestFor(ctx, { ...one, states: 'every' }).state).toBeNull();
    expect(requestFor(ctx, { ...one, state: '' }).state).toBeNull();
    expect(requestFor(ctx, { ...one, template: 'thematic' }).state).toBeNull();
  });

  it('sends the statement for the statement template, and no search for it or the calendar', () => {
    const ctx = exportContext({
      statementId: 4,
      query: 'women',
      ids: [1],
      templates: ['statement'],
    });
    expect(requestFor(ctx, choice({ template: 'statement', scope: 'selection' }))).toEqual({
      template: 'statement',
      format: 'docx',
      review_id: 1,
      query: '',
      filters: [],
      ids: null,
      state: null,
      statement_id: 4,
    });
    expect(requestFor(ctx, choice({ template: 'calendar' }))).toMatchObject({
      query: '',
      ids: null,
      statement_id: null,
    });
  });
});

describe('scopeWords', () => {
  it('says the whole review, what was found, or the selection', () => {
    expect(scopeWords(exportContext(), choice())).toBe(
      'All 347 recommendations of United States of America, 3rd cycle',
    );
    expect(scopeWords(exportContext({ query: ' women ', found: 12 }), choice())).toBe(
      'The 12 recommendations found for “women”',
    );
    expect(scopeWords(exportContext({ query: 'women', found: 1 }), choice())).toBe(
      'The recommendation found for “women”',
    );
    expect(
      scopeWords(
        exportContext({ query: 'women', filters: [['position', 'noted']], found: 3 }),
        choice(),
      ),
    ).toBe('The 3 recommendations found for “women”, matching Noted');
    const many: ExportContext['filters'] = [
      ['position', 'noted'],
      ['priority', 'high'],
      ['theme', 'Death penalty'],
      ['cycle', '3'],
    ];
    expect(scopeWords(exportContext({ filters: many, found: 2 }), choice())).toBe(
      'The 2 recommendations matching 4 filters',
    );
    const selected = exportContext({ ids: [5, 9, 12, 13, 40] });
    expect(scopeWords(selected, choice({ scope: 'selection' }))).toBe(
      'The 5 selected recommendations',
    );
    expect(scopeWords(selected, choice({ scope: 'all' }))).toBe(
      'All 347 recommendations of United States of America, 3rd cycle',
    );
    expect(scopeWords(exportContext({ ids: [5] }), choice({ scope: 'selection' }))).toBe(
      'The selected recommendation',
    );
    expect(scopeWords(exportContext({ found: null }), choice())).toBe(
      'All the recommendations of United States of America, 3rd cycle',
    );
  });

  it('says the statement and the calendar by what they are', () => {
    const statement = exportContext({ statementId: 4, statementTitle: 'Oral statement' });
    expect(scopeWords(statement, choice({ template: 'statement' }))).toBe(
      'The statement “Oral statement”',
    );
    expect(scopeWords(exportContext(), choice({ template: 'statement' }))).toBe(
      'Every statement on United States of America, 3rd cycle',
    );
    expect(scopeWords(exportContext({ query: 'women' }), choice({ template: 'calendar' }))).toBe(
      'The dates of United States of America, 3rd cycle, and your deadlines for it',
    );
  });
});
