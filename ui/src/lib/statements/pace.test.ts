import { describe, expect, it } from 'vitest';
import {
  countdown,
  nextStop,
  pace,
  paceText,
  previousStop,
  script,
  sentencesOf,
  Stopwatch,
  wordsBefore,
} from './pace';

const TEXT = [
  'Thank you, Mr. President. We welcome the review.',
  '',
  'Recommendation 26.1 (Mexico): “Ratify the Covenant.” We urge action! Will it act?',
  'Thank you.',
].join('\n');

describe('script', () => {
  it('cuts paragraphs into sentences, not at abbreviations or paragraph numbers', () => {
    expect(sentencesOf(TEXT.split('\n')[0]!)).toEqual([
      'Thank you, Mr. President.',
      'We welcome the review.',
    ]);
    expect(
      sentencesOf('Recommendation 26.1 (Mexico): “Ratify the Covenant.” We urge action!'),
    ).toEqual(['Recommendation 26.1 (Mexico): “Ratify the Covenant.”', 'We urge action!']);
    expect(sentencesOf('no end yet')).toEqual(['no end yet']);
  });

  it('counts the words before each sentence', () => {
    const s = script(TEXT);
    expect(s.paragraphs).toEqual([[0, 1], [2, 3, 4], [5]]);
    expect(s.sentences.map((x) => x.words)).toEqual([4, 4, 6, 3, 3, 2]);
    expect(s.words).toBe(22);
    expect(wordsBefore(s, 0)).toBe(0);
    expect(wordsBefore(s, 2)).toBe(8);
    expect(wordsBefore(s, 6)).toBe(22);
  });

  it('moves by paragraph forward and back', () => {
    const s = script(TEXT);
    expect(nextStop(s, 0)).toBe(2);
    expect(nextStop(s, 3)).toBe(5);
    expect(nextStop(s, 5)).toBe(6);
    expect(nextStop(s, 6)).toBe(6);
    expect(previousStop(s, 6)).toBe(5);
    expect(previousStop(s, 5)).toBe(2);
    expect(previousStop(s, 4)).toBe(2);
    expect(previousStop(s, 2)).toBe(0);
    expect(previousStop(s, 0)).toBe(0);
  });

  it('has nothing to show for an empty text', () => {
    const s = script('  \n\n ');
    expect(s.sentences).toEqual([]);
    expect(nextStop(s, 0)).toBe(0);
    expect(wordsBefore(s, 0)).toBe(0);
  });
});

describe('Stopwatch', () => {
  it('starts, pauses, goes on and resets', () => {
    const watch = new Stopwatch();
    expect(watch.elapsed(1000)).toBe(0);
    watch.start(1000);
    expect(watch.running).toBe(true);
    expect(watch.elapsed(3500)).toBe(2.5);
    watch.pause(4000);
    expect(watch.elapsed(9000)).toBe(3);
    watch.start(10_000);
    watch.start(11_000);
    expect(watch.elapsed(12_000)).toBe(5);
    watch.reset();
    expect(watch.running).toBe(false);
    expect(watch.elapsed(20_000)).toBe(0);
  });
});

describe('countdown', () => {
  it('counts down the limit, then up past it', () => {
    expect(countdown(120, 0)).toEqual({ text: '2:00', over: false });
    expect(countdown(120, 11.2)).toEqual({ text: '1:49', over: false });
    expect(countdown(120, 120)).toEqual({ text: '0:00', over: false });
    expect(countdown(120, 132.4)).toEqual({ text: '+0:12', over: true });
    expect(countdown(90, 161)).toEqual({ text: '+1:11', over: true });
  });
});

describe('pace', () => {
  it('compares the words spoken with the time at the planned rate', () => {
    // 142 words in 60 s at a planned 130: those words should take 65.5 s — ahead.
    const fast = pace(142, 60, 130);
    expect(fast.wordsPerMinute).toBe(142);
    expect(paceText(fast)).toBe('pace: 142 words a minute — 6 s ahead');
    // 100 words in 55 s at 130: planned 46 s — 9 s behind.
    expect(paceText(pace(100, 55.2, 130))).toBe('pace: 109 words a minute — 9 s behind');
    expect(paceText(pace(130, 60, 130))).toBe('pace: 130 words a minute — on time');
    expect(pace(0, 10, 130).wordsPerMinute).toBeNull();
    expect(paceText(pace(0, 10, 130))).toMatch(/^pace: —/);
  });
});
