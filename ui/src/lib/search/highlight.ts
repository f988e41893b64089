// The search marks words in a snippet by UTF-8 byte ranges (what Rust strings index by);
// JavaScript strings index by UTF-16 code units. "é" is 2 bytes but 1 unit, "😀" 4 bytes but
// 2 units: converting by hand keeps the marks on the right letters in any language.
import type { Segment } from './fold';

/** Number of UTF-8 bytes of a code point. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * The UTF-16 index of every code point boundary of `text`, by UTF-8 byte offset: `bytes[k]` is
 * the byte offset of the k-th boundary and `units[k]` its string index (the last one is the end).
 */
function boundaries(text: string): { bytes: number[]; units: number[] } {
  const bytes: number[] = [];
  const units: number[] = [];
  let byte = 0;
  let unit = 0;
  for (const char of text) {
    bytes.push(byte);
    units.push(unit);
    byte += utf8Length(char.codePointAt(0) ?? 0);
    unit += char.length;
  }
  bytes.push(byte);
  units.push(unit);
  return { bytes, units };
}

/**
 * The string index of UTF-8 byte offset `byte`. An offset inside a character (which a correct
 * range never has) is moved to that character's start (`roundUp` false) or end (true), so a mark
 * never cuts a character in two.
 */
function unitAt(map: { bytes: number[]; units: number[] }, byte: number, roundUp: boolean): number {
  const { bytes, units } = map;
  // Binary search for the last boundary <= byte.
  let lo = 0;
  let hi = bytes.length - 1;
  if (byte <= 0) return 0;
  if (byte >= (bytes[hi] ?? 0)) return units[hi] ?? 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bytes[mid] ?? 0) <= byte) lo = mid;
    else hi = mid - 1;
  }
  const exact = bytes[lo] === byte;
  return units[exact || !roundUp ? lo : lo + 1] ?? 0;
}

/** Converts UTF-8 byte ranges `[start, end)` of `text` to string index ranges, sorted, merged. */
export function byteRangesToIndices(
  text: string,
  ranges: readonly (readonly [number, number])[],
): [number, number][] {
  const map = boundaries(text);
  const converted = ranges
    .map(([start, end]): [number, number] => [unitAt(map, start, false), unitAt(map, end, true)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of converted) {
    const previous = merged.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `text` cut into segments, the parts inside the byte ranges marked. */
export function markByteRanges(
  text: string,
  ranges: readonly (readonly [number, number])[],
): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const [start, end] of byteRangesToIndices(text, ranges)) {
    if (start > last) segments.push({ text: text.slice(last, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    last = end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
}
