// Folding and highlighting of the words searched for, as the search index compares them:
// lower case, accents removed (also when written as combining marks), Latin letters that are not
// decomposed (ø, ł, ß…) spelt as the index spells them (crates/docket-core/src/states.rs).
import type { SearchTerm } from '../ipc/types';

/** Letters that Unicode decomposition leaves alone but the index folds. */
const LATIN: Record<string, string> = {
  æ: 'ae',
  ð: 'd',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ł: 'l',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ŧ: 't',
  ª: 'a',
  º: 'o',
};
const LATIN_RE = /[æðđħıŀłøœßþŧªº]/g;

/** "Côte d'Ivoire" → "cote d'ivoire", "Straße" → "strasse", "ÉCOLE" → "ecole". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LATIN_RE, (c) => LATIN[c] ?? c);
}

/** A piece of text, marked when it is a word searched for. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Words as the index cuts them: runs of letters (with their accents) and digits. */
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** Whether a word of the text (not folded yet) is one of the terms. */
export function matchesTerm(word: string, terms: readonly SearchTerm[]): boolean {
  const folded = fold(word);
  if (folded === '') return false;
  return terms.some((term) => {
    const wanted = fold(term.word);
    if (wanted === '') return false;
    return term.prefix ? folded.startsWith(wanted) : folded === wanted;
  });
}

/**
 * Cuts `text` into segments, marking every word that is one of `terms` (a prefix term marks
 * every word it begins). Joining the segments' text gives `text` back unchanged.
 */
export function highlightTerms(text: string, terms: readonly SearchTerm[]): Segment[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, mark: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD_RE)) {
    const start = match.index;
    const word = match[0];
    if (!matchesTerm(word, terms)) continue;
    if (start > last) segments.push({ text: text.slice(last, start), mark: false });
    segments.push({ text: word, mark: true });
    last = start + word.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
}
