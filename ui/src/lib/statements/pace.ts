// Rehearsal, without the DOM: the text cut into paragraphs and sentences, where the speaker is in
// it, a stopwatch, the countdown of the time limit, and the pace against the planned rate.
//
// The speaker's position is a sentence: the one being read. The words before it have been
// spoken; Space or → moves to the next paragraph's first sentence (the end, after the last), and
// a click on a sentence moves there. The pace compares the words spoken with the time elapsed:
// "9 s behind" means those words should have taken 9 s less at the planned rate.
import { clock, countWords } from './words';

export interface Sentence {
  text: string;
  words: number;
  /** Its paragraph's index. */
  paragraph: number;
  /** Words in the sentences before it. */
  before: number;
}

export interface Script {
  sentences: Sentence[];
  /** Each paragraph's sentences, by index into `sentences`. */
  paragraphs: number[][];
  words: number;
}

/** Abbreviations whose full stop does not end a sentence ("Mr. President"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'para',
  'paras',
  'art',
  'arts',
  'e.g',
  'i.e',
  'cf',
  'vs',
  'h.e',
  'm',
  'mme',
  'sr',
  'sra',
]);

/** Whether a word (with the space after it) ends a sentence. */
function endsSentence(token: string): boolean {
  const word = token.trim();
  if (!/[.!?؟…][”"’')\]»]*$/u.test(word)) return false;
  if (word.endsWith('.')) {
    const bare = word
      .slice(0, -1)
      .replace(/^[“"‘'(«[]+/u, '')
      .toLowerCase();
    if (ABBREVIATIONS.has(bare)) return false;
  }
  return true;
}

/** A paragraph's sentences (at least one). */
export function sentencesOf(paragraph: string): string[] {
  const tokens = paragraph.trim().match(/\S+\s*/gu) ?? [];
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    current += token;
    if (endsSentence(token)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** The text as the rehearsal shows it: paragraphs (one per line) of sentences. */
export function script(text: string): Script {
  const sentences: Sentence[] = [];
  const paragraphs: number[][] = [];
  let words = 0;
  for (const block of text.split(/\n/u)) {
    if (block.trim() === '') continue;
    const indexes: number[] = [];
    for (const sentence of sentencesOf(block)) {
      const count = countWords(sentence);
      indexes.push(sentences.length);
      sentences.push({ text: sentence, words: count, paragraph: paragraphs.length, before: words });
      words += count;
    }
    paragraphs.push(indexes);
  }
  return { sentences, paragraphs, words };
}

/** Words spoken when the speaker is at sentence `at` (the end: `sentences.length`). */
export function wordsBefore(text: Script, at: number): number {
  if (at <= 0) return 0;
  return text.sentences[at]?.before ?? text.words;
}

/** Where Space or → goes: the next paragraph's first sentence, or the end. */
export function nextStop(text: Script, at: number): number {
  const here = text.sentences[at];
  if (!here) return text.sentences.length;
  return text.paragraphs[here.paragraph + 1]?.[0] ?? text.sentences.length;
}

/** Where ← goes: the start of this paragraph, or of the one before when already there. */
export function previousStop(text: Script, at: number): number {
  const here = text.sentences[at];
  const paragraph = here ? here.paragraph : text.paragraphs.length;
  const start = text.paragraphs[paragraph]?.[0];
  if (here && start !== undefined && start < at) return start;
  return text.paragraphs[paragraph - 1]?.[0] ?? 0;
}

/** A stopwatch on an injected clock (ms), so that it can be tested without waiting. */
export class Stopwatch {
  #startedAt: number | null = null;
  #before = 0;

  get running(): boolean {
    return this.#startedAt !== null;
  }

  start(now: number): void {
    if (this.#startedAt === null) this.#startedAt = now;
  }

  pause(now: number): void {
    if (this.#startedAt === null) return;
    this.#before += now - this.#startedAt;
    this.#startedAt = null;
  }

  reset(): void {
    this.#startedAt = null;
    this.#before = 0;
  }

  /** Seconds run so far. */
  elapsed(now: number): number {
    const running = this.#startedAt === null ? 0 : Math.max(0, now - this.#startedAt);
    return (this.#before + running) / 1000;
  }
}

/** The countdown of the time limit: "1:48", "0:00", then "+0:12" past the limit. */
export function countdown(
  limitSeconds: number,
  elapsedSeconds: number,
): {
  text: string;
  over: boolean;
} {
  const left = limitSeconds - elapsedSeconds;
  if (left >= 0) return { text: clock(Math.ceil(left - 1e-9)), over: false };
  return { text: `+${clock(Math.floor(-left))}`, over: true };
}

export interface Pace {
  /** Words a minute so far; null before anything was spoken. */
  wordsPerMinute: number | null;
  /** Seconds behind the planned rate (negative: ahead). */
  behindSeconds: number;
}

/** The pace of `words` spoken in `elapsedSeconds`, against `plannedRate` words a minute. */
export function pace(words: number, elapsedSeconds: number, plannedRate: number): Pace {
  const planned = plannedRate > 0 ? (words * 60) / plannedRate : 0;
  return {
    wordsPerMinute: words > 0 && elapsedSeconds > 0 ? (words * 60) / elapsedSeconds : null,
    behindSeconds: elapsedSeconds - planned,
  };
}

/** "pace: 142 words a minute — 9 s behind" (or "4 s ahead", "on time"). */
export function paceText(p: Pace): string {
  if (p.wordsPerMinute === null) return 'pace: — (press Space or → at the end of each paragraph)';
  const behind = Math.round(p.behindSeconds);
  const where = behind > 0 ? `${behind} s behind` : behind < 0 ? `${-behind} s ahead` : 'on time';
  return `pace: ${Math.round(p.wordsPerMinute)} words a minute — ${where}`;
}
