/**
 * Scans of one spec line in place, for the parser (no copies of the line, no regular expressions: a large
 * spec has tens of thousands of tag lines): where a tag line's parts are, whether a macro may write
 * `%package` sections, and which lines carry the incremental parser's body checkpoints.
 */
import type { SpecLine } from './ast';
import { isDigit, isLetter, isNameChar } from './reader';

const isBlank = (c: number) => c === 32 || c === 9;

/** Where the parts of a tag line are (`Name(qualifier):`); the qualifier offsets are -1 without one. */
export interface TagParts {
  nameEnd: number;
  qStart: number;
  qEnd: number;
  colon: number;
}

/**
 * The tag line at `text[first, end)`, as rpm reads it: a name of letters and digits starting with a letter,
 * blanks, an optional `(qualifier)`, blanks and a colon. A scan in place instead of a regular expression on a
 * copy of the line: a large spec has tens of thousands of tag lines.
 */
export function tagAt(text: string, first: number, end: number): TagParts | undefined {
  if (!isLetter(text.charCodeAt(first))) return undefined;
  let p = first + 1;
  while (p < end && (isLetter(text.charCodeAt(p)) || isDigit(text.charCodeAt(p)))) p++;
  const nameEnd = p;
  while (p < end && isBlank(text.charCodeAt(p))) p++;
  let qStart = -1;
  let qEnd = -1;
  if (p < end && text.charCodeAt(p) === 40 /* ( */) {
    let close = p + 1;
    while (close < end && text.charCodeAt(close) !== 41 /* ) */) close++;
    if (close >= end) return undefined;
    qStart = p + 1;
    qEnd = close;
    p = close + 1;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
  }
  return p < end && text.charCodeAt(p) === 58 /* : */ ? { nameEnd, qStart, qEnd, colon: p } : undefined;
}

export const isWordStart = (c: number) => isLetter(c) || c === 95; // A-Z a-z _

/**
 * Whether the macro at `text[first]` (`%name`, `%{name`, `%{?name`), read up to `to`, has `package` or
 * `subpkg` in its name: a macro that may write `%package` sections, so packages cannot all be known.
 */
export function namesPackages(text: string, first: number, to: number): boolean {
  let p = first + 1;
  if (text.charCodeAt(p) === 123) p++;
  if (text.charCodeAt(p) === 63) p++;
  let q = p;
  while (q < to && isNameChar(text.charCodeAt(q))) q++;
  for (let k = p; k + 6 <= q; k++) {
    if (text.startsWith('subpkg', k) || (k + 7 <= q && text.startsWith('package', k))) return true;
  }
  return false;
}

/** How many lines (the line itself and the 8 before it) decide whether a line carries a body checkpoint. */
export const BODY_MARK_REACH = 9;

/** Whether the end of line `text[start, end)` (its last 24 characters, by an FNV-1a hash) marks it: one line in 32. */
export function markedByHash(text: string, start: number, end: number): boolean {
  let h = 0x811c9dc5;
  for (let i = Math.max(start, end - 24); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h & 31) === 0;
}

/**
 * Whether line `li` may carry a body checkpoint: its hash marks it and none of the 8 lines before it is
 * marked. It depends on those lines' text alone, and repeated lines (a file list of the same few lines) get
 * at most one checkpoint per 9 lines.
 */
export function isBodyMark(text: string, lines: SpecLine[], li: number): boolean {
  if (!markedByHash(text, lines[li].start, lines[li].end)) return false;
  for (let k = Math.max(0, li - BODY_MARK_REACH + 1); k < li; k++) if (markedByHash(text, lines[k].start, lines[k].end)) return false;
  return true;
}
