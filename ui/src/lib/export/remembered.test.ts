import { afterEach, describe, expect, it } from 'vitest';
import type { ExportContext } from './request';
import { EXPORT_KEY, formatFor, initialChoice, remember, remembered } from './remembered';
import { exportContext } from '../../test/fixtures';

afterEach(() => localStorage.clear());

function context(changes: Partial<ExportContext> = {}): ExportContext {
  return exportContext({ states: ['France'], ...changes });
}

describe('remembered export choices', () => {
  it('remembers the last template, and the last format of each template', () => {
    expect(remembered()).toEqual({ template: null, formats: {} });
    remember('matrix', 'xlsx');
    remember('thematic', 'pdf');
    expect(remembered()).toEqual({
      template: 'thematic',
      formats: { matrix: 'xlsx', thematic: 'pdf' },
    });
    expect(formatFor('matrix', remembered())).toBe('xlsx');
    expect(formatFor('calendar', remembered())).toBe('docx');
  });

  it('tolerates whatever else is stored', () => {
    for (const bad of ['not json', '42', 'null', '[]', '"thematic"']) {
      localStorage.setItem(EXPORT_KEY, bad);
      expect(remembered()).toEqual({ template: null, formats: {} });
    }
    localStorage.setItem(
      EXPORT_KEY,
      JSON.stringify({
        template: 'poster',
        formats: { matrix: 'pptx', state: 'pdf', zine: 'pdf' },
      }),
    );
    expect(remembered()).toEqual({ template: null, formats: { state: 'pdf' } });
    // Remembering again replaces what could not be read.
    remember('calendar', 'html');
    expect(remembered()).toEqual({
      template: 'calendar',
      formats: { state: 'pdf', calendar: 'html' },
    });
  });
});

describe('initialChoice', () => {
  it('starts on the template used last when it is offered, with its format', () => {
    remember('matrix', 'xlsx');
    expect(initialChoice(context(), remembered())).toMatchObject({
      template: 'matrix',
      format: 'xlsx',
    });
    // Not offered here: the place's own template.
    const statement = context({ templates: ['statement'], template: 'statement', statementId: 2 });
    expect(initialChoice(statement, remembered())).toMatchObject({
      template: 'statement',
      format: 'docx',
    });
  });

  it('starts on the selection when there is one, and on the State the place is about', () => {
    expect(initialChoice(context({ ids: [1, 2] }), remembered()).scope).toBe('selection');
    expect(initialChoice(context({ ids: [] }), remembered()).scope).toBe('all');
    expect(initialChoice(context(), remembered())).toMatchObject({
      states: 'every',
      state: 'France',
    });
    expect(initialChoice(context({ state: 'Mexico' }), remembered())).toMatchObject({
      states: 'one',
      state: 'Mexico',
    });
    expect(initialChoice(context({ states: [] }), remembered()).state).toBe('');
  });
});
