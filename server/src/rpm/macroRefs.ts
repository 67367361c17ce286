/** Finds macro references (`%name`, `%{…}`, `%(…)`, `%[…]`) in a stretch of spec text, with nesting. */
import type { MacroRef } from './ast';
import { intern, isNameChar, own } from './reader';

/**
 * The next `%` in `text[from, to)`, or -1. The native search may look past `to`, but only up to the next
 * `%`: over a parse, it looks through each stretch between a line's last `%` and the next one about once.
 */
function nextPct(text: string, from: number, to: number): number {
  const i = text.indexOf('%', from);
  return i >= 0 && i < to ? i : -1;
}

/** Index of the bracket closing the one at `open` (nesting-aware, `%%` skipped), or -1 before `to`. */
export function findClose(text: string, open: number, to: number): number {
  const o = text.charCodeAt(open);
  const c = o === 123 ? 125 : o === 40 ? 41 : 93;
  let depth = 0;
  for (let i = open; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === o) depth++;
    else if (ch === c) {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Appends the references in `text[from, to)` to `out`. `lineAt(offset)` gives the 0-based line of an
 * offset. Unclosed `%{` runs to `to`; it is reported through `onUnclosed`.
 */
export function scanMacroRefs(
  text: string, from: number, to: number, lineAt: (offset: number) => number, out: MacroRef[],
  depth = 0, onUnclosed?: (start: number) => void,
): void {
  let i = nextPct(text, from, to);
  while (i >= 0 && i < to - 1) {
    const next = text.charCodeAt(i + 1);
    if (next === 37 /* % */) {
      i = nextPct(text, i + 2, to);
      continue;
    }
    if (next === 123 /* { */ || next === 40 /* ( */ || next === 91 /* [ */) {
      let close = findClose(text, i + 1, to);
      const unclosed = close < 0;
      if (unclosed) {
        onUnclosed?.(i);
        close = to - 1;
      }
      const end = unclosed ? to : close + 1;
      if (next === 123) braced(text, i, close, end, lineAt, out, depth, onUnclosed);
      else {
        out.push({
          name: '', form: next === 40 ? 'shell' : 'expr', start: i, end, nameStart: i, nameEnd: i + 2,
          conditional: false, negated: false, arg: undefined, argStart: -1, argEnd: -1, line: lineAt(i), depth,
        });
        scanMacroRefs(text, i + 2, unclosed ? to : close, lineAt, out, depth + 1, onUnclosed);
      }
      i = nextPct(text, end, to);
      continue;
    }
    // %name, %?name, %!?name, %*, %**, %#
    const pf = skipPrefix(text, i + 1, to);
    const p = Math.floor(pf / 4);
    const negated = (pf & 1) !== 0;
    const conditional = (pf & 2) !== 0;
    const ch = text.charCodeAt(p);
    let e = p;
    if (ch === 42 /* * */) e = text.charCodeAt(p + 1) === 42 ? p + 2 : p + 1;
    else if (ch === 35 /* # */) e = p + 1;
    else while (e < to && isNameChar(text.charCodeAt(e))) e++;
    if (e > p) {
      out.push({
        name: intern(text.slice(p, e)), form: 'plain', start: i, end: e, nameStart: p, nameEnd: e,
        conditional, negated, arg: undefined, argStart: -1, argEnd: -1, line: lineAt(i), depth,
      });
      i = nextPct(text, e, to);
    } else {
      i = nextPct(text, i + 1, to);
    }
  }
}

/**
 * Skips the `!`/`?` prefix of a reference name starting at `p` (before `limit`). Returns the name's start
 * times 4, plus 1 when negated (an odd number of `!`) and 2 when conditional (`?`): no allocation per reference.
 */
function skipPrefix(text: string, p: number, limit: number): number {
  let flags = 0;
  for (let ch = text.charCodeAt(p); p < limit && (ch === 33 /* ! */ || ch === 63 /* ? */); ch = text.charCodeAt(++p)) {
    if (ch === 33) flags ^= 1;
    else flags |= 2;
  }
  return p * 4 + flags;
}

function braced(
  text: string, start: number, close: number, end: number, lineAt: (o: number) => number, out: MacroRef[],
  depth: number, onUnclosed?: (start: number) => void,
): void {
  const pf = skipPrefix(text, start + 2, close);
  const p = Math.floor(pf / 4);
  const negated = (pf & 1) !== 0;
  const conditional = (pf & 2) !== 0;
  const ch = text.charCodeAt(p);
  let e = p;
  if (ch === 45 /* - */) {
    e = p + 2; // %{-x}, %{-x*}, %{?-x:…}
    if (text.charCodeAt(e) === 42) e++;
  } else if (ch === 42 /* * */) e = text.charCodeAt(p + 1) === 42 ? p + 2 : p + 1;
  else if (ch === 35 /* # */) e = p + 1;
  else while (e < close && (isNameChar(text.charCodeAt(e)) || (e > p && text.charCodeAt(e) === 46))) e++;
  const nameEnd = Math.min(e, close);
  const name = intern(text.slice(p, nameEnd));
  const sep = text.charCodeAt(e);
  const form = name === 'lua' && sep === 58 /* : */ ? 'lua' : 'braced';
  const hasArg = e < close && (sep === 58 || sep === 32 || sep === 9);
  out.push({
    name, form, start, end, nameStart: p, nameEnd, conditional, negated,
    arg: hasArg ? own(text.slice(e + 1, close)) : undefined, argStart: hasArg ? e + 1 : -1, argEnd: hasArg ? close : -1,
    line: lineAt(start), depth,
  });
  // Lua code is opaque (its `%` are Lua operators and string formats).
  if (hasArg && form !== 'lua') scanMacroRefs(text, e + 1, close, lineAt, out, depth + 1, onUnclosed);
}
