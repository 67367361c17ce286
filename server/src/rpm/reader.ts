/**
 * rpm's spec reader, below the parser: physical lines, the open-macro state that joins them into logical
 * lines, and a native-search cursor for the characters that matter.
 */
import type { SpecLine } from './ast';
import { keepShape } from '../common/keepShape';

/**
 * `s` as a string of its own. V8 makes a substring of 13 or more characters a view into the string it was
 * cut from; incremental re-parsing moves tree nodes into the next version's tree, so a node holding such a
 * view of its text would keep that whole old text (megabytes for a large spec) alive, one per version.
 * Every string a tree node keeps from the text goes through here (a memory test edits a large spec).
 */
export function own(s: string): string {
  // Slicing a concatenation flattens it into a new string first: the result views that copy, not `s`'s parent.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * `own(s)`, one string for equal short strings, for names (macro names, tag names and qualifiers): a large
 * spec repeats a few hundred of them tens of thousands of times (`%{_texdir}` 28k times, `Provides` 15k
 * times in texlive), and every node would keep a copy of its own. (Not for values: mostly distinct, they
 * would only fill the table.) The table starts over when it has seen too many strings (every spec the
 * server analyses shares it); long strings are only made `own`.
 */
const interned = new Map<string, string>();
export function intern(s: string): string {
  if (s.length > 64) return own(s);
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= 20000) interned.clear();
  const kept = own(s);
  interned.set(kept, kept);
  return kept;
}

/** Character classes of rpm's names, by character code. */
export const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122); // A-Z a-z
export const isDigit = (c: number) => c >= 48 && c <= 57;
/** A macro name's characters: letters, digits, `_`. */
export const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95;

/** Splits text into physical lines (LF, CRLF or CR). */
export function splitLines(text: string): SpecLine[] {
  return splitRange(text, 0, text.length, true);
}

/**
 * The physical lines (LF, CRLF or CR) of `text[from, to)`; with `final`, the last one runs to `to`
 * unterminated. A CR at `to - 1` ends a line there (the caller makes sure no LF after `to` belongs to it).
 */
export function splitRange(text: string, from: number, to: number, final: boolean): SpecLine[] {
  // The common case, with the native search: 61k-line specs are split on every keystroke.
  if (!text.slice(from, to).includes('\r')) return splitLf(text, from, to, final);
  const lines: SpecLine[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push({ start, end: i, next: i + 1, memo: undefined });
      start = i + 1;
    } else if (c === 13) {
      const crlf = i + 1 < to && text.charCodeAt(i + 1) === 10;
      lines.push({ start, end: i, next: i + (crlf ? 2 : 1), memo: undefined });
      if (crlf) i++;
      start = i + 1;
    }
  }
  if (final) lines.push({ start, end: to, next: to, memo: undefined });
  return lines;
}

/** The LF-separated lines of `text[from, to)`; with `final`, the last one runs to `to` unterminated. */
function splitLf(text: string, from: number, to: number, final: boolean): SpecLine[] {
  const out: SpecLine[] = [];
  let start = from;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', start)) {
    out.push({ start, end: i, next: i + 1, memo: undefined });
    start = i + 1;
  }
  if (final) out.push({ start, end: to, next: to, memo: undefined });
  return out;
}

/** rpm's reader state between physical lines (build/parseSpec.c copyNextLineFromOFI). */
export interface Open {
  bc: number;
  pc: number;
  xc: number;
  /** The line ended with a backslash. */
  nc: boolean;
}

/**
 * Updates the open `%{`/`%(`/`%[` counts over a line, the way rpm's reader does to join lines. With
 * `noBackslash` (the caller knows the line has none), stretches where nothing is open are skipped to the
 * next `%` by the native search: in a file list, the path after `%{_datadir}`.
 */
export function scanOpen(text: string, from: number, to: number, st: Open, noBackslash = false): Open {
  let { bc, pc, xc } = st;
  let nc = false;
  for (let i = from; i < to; i++) {
    if (noBackslash && bc === 0 && pc === 0 && xc === 0) {
      i = text.indexOf('%', i);
      if (i < 0 || i >= to) break;
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case 92: // backslash: escapes the next character; at the end of the line it continues it
        if (i + 1 >= to) nc = true;
        else i++;
        break;
      case 37: { // %
        const n = text.charCodeAt(i + 1);
        if (n === 123) { bc++; i++; } else if (n === 40) { pc++; i++; } else if (n === 91) { xc++; i++; } else if (n === 37) i++;
        break;
      }
      case 123: if (bc > 0) bc++; break;
      case 125: if (bc > 0) bc--; break;
      case 40: if (pc > 0) pc++; break;
      case 41: if (pc > 0) pc--; break;
      case 91: if (xc > 0) xc++; break;
      case 93: if (xc > 0) xc--; break;
    }
  }
  return bc === 0 && pc === 0 && xc === 0 && !nc ? CLOSED : { bc, pc, xc, nc };
}

export const CLOSED: Open = { bc: 0, pc: 0, xc: 0, nc: false };

/** The next index of one character at or after a position, with the native search, amortised over a pass. */
export class NextChar {
  private pos = -2;
  constructor(private readonly text: string, private readonly ch: string) {}
  /** First index >= from, or -1. Calls must not go backwards by more than what was already found. */
  at(from: number): number {
    if (this.pos === -1) return -1;
    if (this.pos < from) this.pos = this.text.indexOf(this.ch, from);
    return this.pos;
  }
}

export const isOpen = (o: Open, define: boolean) => (define && o.nc) || o.bc > 0 || o.pc > 0 || o.xc > 0;

keepShape(new NextChar('', '%'));
