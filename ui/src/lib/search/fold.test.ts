import { describe, expect, it } from 'vitest';
import { fold, highlightTerms, matchesTerm } from './fold';

const marks = (text: string, terms: { word: string; prefix: boolean }[]) =>
  highlightTerms(text, terms)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe('fold', () => {
  it('removes case and accents, precomposed or combining', () => {
    expect(fold('Côte d’Ivoire')).toBe('cote d’ivoire');
    expect(fold('E\u0301COLE')).toBe('ecole');
    expect(fold('ÉCOLE')).toBe('ecole');
    expect(fold('Türkiye')).toBe('turkiye');
  });

  it('spells the letters that do not decompose as the index does', () => {
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Øresund Łódź')).toBe('oresund lodz');
    expect(fold('Æsir œuvre')).toBe('aesir oeuvre');
  });
});

describe('highlightTerms', () => {
  it('marks whole words, whatever their accents and case', () => {
    expect(
      marks('Garantir l’accès à l’Éducation; EDUCATION for all', [
        { word: 'education', prefix: false },
      ]),
    ).toEqual(['Éducation', 'EDUCATION']);
  });

  it('marks words that begin with a prefix term, and only whole words otherwise', () => {
    const text = 'Abolish the death penalty; abolition of the deathly practice';
    expect(marks(text, [{ word: 'abol', prefix: true }])).toEqual(['Abolish', 'abolition']);
    expect(marks(text, [{ word: 'death', prefix: false }])).toEqual(['death']);
  });

  it('marks every word of a phrase', () => {
    expect(
      marks('The death penalty, the penalty', [
        { word: 'death', prefix: false },
        { word: 'penalty', prefix: false },
      ]),
    ).toEqual(['death', 'penalty', 'penalty']);
  });

  it('keeps the text intact around the marks, emoji and all', () => {
    const text = '😀 Diné nation — “Diné” 😀';
    const segments = highlightTerms(text, [{ word: 'dine', prefix: false }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Diné', 'Diné']);
  });

  it('marks nothing without terms', () => {
    expect(highlightTerms('text', [])).toEqual([{ text: 'text', mark: false }]);
    expect(matchesTerm('word', [{ word: '', prefix: true }])).toBe(false);
  });
});
