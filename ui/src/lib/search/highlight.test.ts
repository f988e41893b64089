import { describe, expect, it } from 'vitest';
import { byteRangesToIndices, markByteRanges } from './highlight';

/** The byte range of `word` in `text` (as the Rust side computes it). */
function byteRange(text: string, word: string): [number, number] {
  const at = text.indexOf(word);
  const encoder = new TextEncoder();
  const start = encoder.encode(text.slice(0, at)).length;
  return [start, start + encoder.encode(word).length];
}

function marked(text: string, ranges: [number, number][]): string[] {
  return markByteRanges(text, ranges)
    .filter((s) => s.mark)
    .map((s) => s.text);
}

describe('byte ranges to string indices', () => {
  it('is the identity for ASCII text', () => {
    expect(byteRangesToIndices('abolish the death penalty', [[12, 17]])).toEqual([[12, 17]]);
    expect(marked('abolish the death penalty', [[12, 17]])).toEqual(['death']);
  });

  it('marks the right words after accented letters (2 bytes, 1 index)', () => {
    const text = '… Côte d’Ivoire: garantir l’accès à l’éducation des filles';
    const ranges = [byteRange(text, 'éducation'), byteRange(text, 'filles')];
    expect(ranges[0]![0]).toBeGreaterThan(text.indexOf('éducation'));
    expect(marked(text, ranges)).toEqual(['éducation', 'filles']);
  });

  it('marks the right words after emoji (4 bytes, 2 indices) and CJK (3 bytes, 1 index)', () => {
    const text = '😀 人権 torture 👩🏽‍⚖️ and torture again';
    const first = byteRange(text, 'torture');
    const second: [number, number] = [
      new TextEncoder().encode(text.slice(0, text.lastIndexOf('torture'))).length,
      new TextEncoder().encode(text.slice(0, text.lastIndexOf('torture') + 7)).length,
    ];
    const segments = markByteRanges(text, [first, second]);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['torture', 'torture']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('marks a word that is itself accented or an emoji', () => {
    const text = 'Guaraní 😀 Ñandutí';
    expect(marked(text, [byteRange(text, 'Guaraní'), byteRange(text, 'Ñandutí')])).toEqual([
      'Guaraní',
      'Ñandutí',
    ]);
    expect(marked(text, [byteRange(text, '😀')])).toEqual(['😀']);
  });

  it('never cuts a character: a range inside one widens to the whole character', () => {
    // "é" is bytes 1..3; a range [2, 3) is inside it.
    expect(byteRangesToIndices('aéb', [[2, 3]])).toEqual([[1, 2]]);
    // The emoji is bytes 1..5 and indices 1..3.
    expect(byteRangesToIndices('a😀b', [[2, 4]])).toEqual([[1, 3]]);
  });

  it('sorts and merges ranges, and drops empty or out-of-text ones', () => {
    const text = 'one two three';
    expect(
      byteRangesToIndices(text, [
        [8, 13],
        [0, 3],
        [2, 6],
        [5, 5],
        [40, 50],
      ]),
    ).toEqual([
      [0, 6],
      [8, 13],
    ]);
  });

  it('gives the text back unchanged when joined, marked or not', () => {
    const text = 'Ratify the Convention (ICESCR) – “now”';
    const segments = markByteRanges(text, [byteRange(text, 'Convention')]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(markByteRanges(text, [])).toEqual([{ text, mark: false }]);
    expect(markByteRanges('', [])).toEqual([]);
  });
});
