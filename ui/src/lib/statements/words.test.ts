import { describe, expect, it } from 'vitest';
// The samples the Rust counter is tested against: both counters must agree on every one.
import samples from '../../../../crates/docket-core/tests/fixtures/word_counts.json';
import {
  budgetShare,
  budgetSummary,
  clock,
  computeBudget,
  countWords,
  cutLine,
  limitProblem,
  parseClock,
  rateProblem,
  speakingClock,
} from './words';
import { words } from '../../test/fixtures';

describe('countWords', () => {
  it.each(samples.map((s) => [s.lang, s.text, s.words] as const))(
    'counts the shared %s sample %j as %i words',
    (_lang, text, expected) => {
      expect(countWords(text)).toBe(expected);
    },
  );

  it('splits on every Unicode space as Rust does, and not on a byte order mark', () => {
    // No-break spaces before French punctuation, a next-line character (U+0085).
    expect(countWords('essentiel\u00a0! c’est\u202f: vrai')).toBe(3);
    expect(countWords('one\u0085two\u3000three')).toBe(3);
    // U+FEFF is not whitespace for Rust (JavaScript's \s says it is).
    expect(countWords('one\ufefftwo')).toBe(1);
  });

  it('counts digits of any script, not punctuation alone', () => {
    expect(countWords('٢٠٢٥ — 2,000 …')).toBe(2);
  });
});

describe('computeBudget', () => {
  it('oral: 300 words at 130 a minute in 2:00 means cutting 40 words', () => {
    const budget = computeBudget('oral', 'general', words(300), 130, 120);
    expect(budget.word_limit).toBe(260);
    expect(budget.over_by_words).toBe(40);
    expect(budget.speaking_seconds).toBeCloseTo(138.46, 2);
    expect(budget.over_by_seconds).toBeCloseTo(18.46, 2);
    expect(cutLine(budget)).toBe('Cut 40 words');
    expect(budgetShare(budget)).toBe(1);
  });

  it('oral: the words that fit are rounded down, as in Rust', () => {
    // 125 s at 131 words a minute = 272.9 words.
    expect(computeBudget('oral', 'general', '', 131, 125).word_limit).toBe(272);
    const fits = computeBudget('oral', 'general', words(260), 130, 120);
    expect(fits.over_by_words).toBe(0);
    expect(cutLine(fits)).toBeNull();
    expect(cutLine(computeBudget('oral', 'general', words(261), 130, 120))).toBe('Cut 1 word');
  });

  it('written: 2,000 words with general status, 1,500 with special or roster', () => {
    const general = computeBudget('written', 'general', words(2040), 130, 120);
    expect(general.word_limit).toBe(2000);
    expect(general.over_by_words).toBe(40);
    expect(general.time_limit_seconds).toBeNull();
    expect(general.over_by_seconds).toBe(0);
    expect(computeBudget('written', 'general', words(2000), 130, 120).over_by_words).toBe(0);

    const special = computeBudget('written', 'special', words(1600), 130, 120);
    expect(special.word_limit).toBe(1500);
    expect(cutLine(special)).toBe('Cut 100 words');
    expect(computeBudget('written', 'roster', words(1501), 130, 120).over_by_words).toBe(1);
  });

  it('without ECOSOC status: no written limit, and a sponsor is needed', () => {
    const none = computeBudget('written', 'none', words(3000), 130, 120);
    expect(none.word_limit).toBeNull();
    expect(none.over_by_words).toBe(0);
    expect(none.needs_sponsor).toBe(true);
    expect(budgetShare(none)).toBeNull();
    expect(computeBudget('oral', 'none', '', 130, 120).needs_sponsor).toBe(true);
    expect(computeBudget('oral', 'special', '', 130, 120).needs_sponsor).toBe(false);
  });
});

describe('budgetSummary', () => {
  it('says words, time against the limit and what is over', () => {
    const oral = computeBudget('oral', 'general', words(312), 130, 120);
    expect(budgetSummary(oral, 'oral')).toBe('312 words · 2:24 of 2:00 · 52 words over');
    const fits = computeBudget('oral', 'general', words(100), 130, 90);
    expect(budgetSummary(fits, 'oral')).toBe('100 words · 0:47 of 1:30');
    const written = computeBudget('written', 'general', words(1820), 130, 120);
    expect(budgetSummary(written, 'written')).toBe('1,820 words of 2,000');
    const none = computeBudget('written', 'none', words(1), 130, 120);
    expect(budgetSummary(none, 'written')).toBe('1 word · no ECOSOC status');
  });
});

describe('clocks', () => {
  it('writes m:ss, a speaking time rounded up', () => {
    expect(clock(144)).toBe('2:24');
    expect(clock(5)).toBe('0:05');
    expect(clock(600)).toBe('10:00');
    expect(speakingClock(120)).toBe('2:00');
    expect(speakingClock(120.4)).toBe('2:01');
  });

  it('reads m:ss or whole minutes, and says what is wrong', () => {
    expect(parseClock('2:00')).toBe(120);
    expect(parseClock(' 1:30 ')).toBe(90);
    expect(parseClock('3')).toBe(180);
    expect(parseClock('1:75')).toBeNull();
    expect(parseClock('abc')).toBeNull();
    expect(limitProblem('1:30')).toBeNull();
    expect(limitProblem('0:10')).toMatch(/between 0:15 and 20:00/);
    expect(limitProblem('soon')).toMatch(/minutes and seconds/);
    expect(rateProblem(130)).toBeNull();
    expect(rateProblem(40)).toMatch(/between 60 and 250/);
    expect(rateProblem(null)).not.toBeNull();
  });
});
