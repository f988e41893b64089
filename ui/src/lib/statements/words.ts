// Words and a statement's budget, live while typing: the same rule as the Rust store
// (crates/docket-core/src/advocacy/words.rs), so that what the editor shows on every keystroke is
// what the list shows once saved. Tested against the same samples
// (crates/docket-core/tests/fixtures/word_counts.json).
//
// The rule: the text is split on Unicode whitespace (`char::is_whitespace`, the White_Space
// property: it includes the no-break spaces French puts before `:;!?`), and a piece counts as a
// word when it holds a letter or a digit of any script (`char::is_alphanumeric`: Alphabetic or a
// Number). `\s` is not quite White_Space (it adds U+FEFF and misses U+0085), hence the property.
import type { Budget, EcosocStatus, StatementKind } from '../ipc/types';

/** Words a minute assumed unless the statement or its speaker says otherwise. */
export const DEFAULT_WORDS_PER_MINUTE = 130;
/** An NGO's speaking time at a UPR adoption unless the session says otherwise (2:00). */
export const DEFAULT_TIME_LIMIT_SECONDS = 120;
/** The rates and limits the store accepts. */
export const MIN_RATE = 60;
export const MAX_RATE = 250;
export const MIN_LIMIT_SECONDS = 15;
export const MAX_LIMIT_SECONDS = 1200;

const WHITESPACE = /\p{White_Space}+/u;
const WORDISH = /[\p{Alphabetic}\p{N}]/u;

/** The words of a text as a person (and the UN's word limits) counts them. */
export function countWords(text: string): number {
  let words = 0;
  for (const piece of text.split(WHITESPACE)) if (WORDISH.test(piece)) words += 1;
  return words;
}

/** The written-statement word limit of an ECOSOC status (null without status: it cannot submit). */
function writtenWordLimit(status: EcosocStatus): number | null {
  switch (status) {
    case 'general':
      return 2000;
    case 'special':
    case 'roster':
      return 1500;
    case 'none':
      return null;
  }
}

function rate(wordsPerMinute: number): number {
  return wordsPerMinute > 0 ? wordsPerMinute : DEFAULT_WORDS_PER_MINUTE;
}

/** Seconds to speak `words` at `wordsPerMinute`. */
function speakingSeconds(words: number, wordsPerMinute: number): number {
  return (words * 60) / rate(wordsPerMinute);
}

/**
 * A statement's length against its limits, as the store computes it: oral, the time limit at the
 * rate gives the words that fit (rounded down); written, the organization's ECOSOC status does.
 */
export function computeBudget(
  kind: StatementKind,
  ecosocStatus: EcosocStatus,
  text: string,
  wordsPerMinute: number,
  timeLimitSeconds: number,
): Budget {
  const words = countWords(text);
  const wpm = rate(wordsPerMinute);
  const speaking = speakingSeconds(words, wpm);
  const needsSponsor = ecosocStatus === 'none';
  if (kind === 'oral') {
    const wordLimit = Math.floor((timeLimitSeconds * wpm) / 60);
    return {
      words,
      speaking_seconds: speaking,
      time_limit_seconds: timeLimitSeconds,
      word_limit: wordLimit,
      over_by_words: Math.max(0, words - wordLimit),
      over_by_seconds: Math.max(0, speaking - timeLimitSeconds),
      needs_sponsor: needsSponsor,
    };
  }
  const wordLimit = writtenWordLimit(ecosocStatus);
  return {
    words,
    speaking_seconds: speaking,
    time_limit_seconds: null,
    word_limit: wordLimit,
    over_by_words: wordLimit === null ? 0 : Math.max(0, words - wordLimit),
    over_by_seconds: 0,
    needs_sponsor: needsSponsor,
  };
}

/** Whole seconds as m:ss: 144 → "2:24", 59 → "0:59", 600 → "10:00". */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A speaking time as m:ss, rounded up: a statement a fraction of a second over is over. */
export function speakingClock(seconds: number): string {
  return clock(Math.ceil(seconds - 1e-9));
}

/**
 * A time limit typed as m:ss ("2:00", "1:30") or whole minutes ("2"); null when it cannot be
 * read. The range is checked by `limitProblem`.
 */
export function parseClock(text: string): number | null {
  const trimmed = text.trim();
  const mss = /^(\d{1,2}):([0-5]\d)$/.exec(trimmed);
  if (mss) return Number(mss[1]) * 60 + Number(mss[2]);
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed) * 60;
  return null;
}

/** What is wrong with a typed time limit, in words; null when it is fine. */
export function limitProblem(text: string): string | null {
  const seconds = parseClock(text);
  if (seconds === null) return 'Write the time limit as minutes and seconds, e.g. 2:00 or 1:30.';
  if (seconds < MIN_LIMIT_SECONDS || seconds > MAX_LIMIT_SECONDS) {
    return `The time limit must be between ${clock(MIN_LIMIT_SECONDS)} and ${clock(MAX_LIMIT_SECONDS)}.`;
  }
  return null;
}

/** What is wrong with a typed rate, in words; null when it is fine. */
export function rateProblem(rate: number | null): string | null {
  if (rate === null || !Number.isInteger(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    return `The rate must be a whole number of words a minute between ${MIN_RATE} and ${MAX_RATE}.`;
  }
  return null;
}

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * A budget in one line, for the list and the editor: "312 words · 2:24 of 2:00 · 52 words over",
 * "1,820 words of 2,000", "900 words · no ECOSOC status".
 */
export function budgetSummary(budget: Budget, kind: StatementKind): string {
  const words = count(budget.words, 'word');
  const over = budget.over_by_words > 0 ? ` · ${count(budget.over_by_words, 'word')} over` : '';
  if (kind === 'oral') {
    const limit = budget.time_limit_seconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    return `${words} · ${speakingClock(budget.speaking_seconds)} of ${clock(limit)}${over}`;
  }
  if (budget.word_limit === null) return `${words} · no ECOSOC status`;
  return `${words} of ${budget.word_limit.toLocaleString('en-US')}${over}`;
}

/** What to cut when over: "Cut 40 words"; null when it fits. */
export function cutLine(budget: Budget): string | null {
  if (budget.over_by_words <= 0) return null;
  return `Cut ${count(budget.over_by_words, 'word')}`;
}

/** How full the budget is, 0-1 (1 when over), for the bar; null when there is no limit. */
export function budgetShare(budget: Budget): number | null {
  if (budget.word_limit === null) return null;
  if (budget.word_limit <= 0) return budget.words > 0 ? 1 : 0;
  return Math.min(1, budget.words / budget.word_limit);
}
