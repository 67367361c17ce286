/** Lookups over a parsed spec: which section a line is in, branch exclusivity, names defined by the spec. */
import type { BranchPath, Section, SpecDocument, SpecLine } from './ast';

/** The section containing `line`, or undefined in the main preamble. */
export function sectionAtLine(doc: SpecDocument, line: number): Section | undefined {
  const s = doc.sections;
  let lo = 0;
  let hi = s.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].line <= line) {
      found = s[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The 0-based line of an offset. */
export function lineOfOffset(doc: SpecDocument, offset: number): number {
  return lineIn(doc.lines, offset);
}

/** Index of the line in `lines` (sorted by start) that contains `offset`. */
export function lineIn(l: readonly SpecLine[], offset: number): number {
  let lo = 0;
  let hi = l.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (l[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function lineText(doc: SpecDocument, line: number): string {
  const l = doc.lines[line];
  return l ? doc.text.slice(l.start, l.end) : '';
}

/** True when two nodes sit in different branches of the same `%if`, so both can never be active. */
export function exclusive(a: BranchPath, b: BranchPath): boolean {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const [ca, ba] = a.steps[i];
    const [cb, bb] = b.steps[i];
    if (ca !== cb) return false;
    if (ba !== bb) return true;
  }
  return false;
}

/**
 * True when two nodes are certainly active together: one sits in the same branches as the other plus
 * possibly more (its branch path extends the other's). Nodes in unrelated conditionals may be exclusive
 * by their conditions (`%if "%{x}" == "a"` / `%if "%{x}" == "b"`), so they are not.
 */
export function coActive(a: BranchPath, b: BranchPath): boolean {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    if (a.steps[i][0] !== b.steps[i][0] || a.steps[i][1] !== b.steps[i][1]) return false;
  }
  return true;
}

/** True when the node is inside some conditional. */
export function isConditional(b: BranchPath): boolean {
  return b.steps.length > 0;
}

/** `SOURCEn`/`sourcen` (`PATCHn`/`patchn`), made once per number: every analysis of a spec asks for all of them. */
const numberedCache = { source: [] as Array<[string, string]>, patch: [] as Array<[string, string]> };
function numberedNames(key: 'source' | 'patch', n: number): [string, string] {
  const cache = numberedCache[key];
  if (n < 100000 && cache[n]) return cache[n];
  const names: [string, string] = [`${key.toUpperCase()}${n}`, `${key}${n}`];
  if (n < 100000) cache[n] = names;
  return names;
}

/** Names the spec itself defines: %define/%global, bconds (`with_x`), tags (`name`, `version`…), SOURCEn/PATCHn. */
export function specDefinedNames(doc: SpecDocument): Set<string> {
  const names = new Set<string>();
  for (const d of doc.defines) if (d.kind !== 'undefine') names.add(d.name);
  for (const b of doc.bconds) {
    names.add(`with_${b.name}`);
    names.add(`without_${b.name}`);
    names.add(`_with_${b.name}`);
    names.add(`_without_${b.name}`);
  }
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    if (!t.known) continue;
    if (!names.has(t.key)) {
      names.add(t.key);
      names.add(t.key.toUpperCase());
    }
    if (t.key === 'source' || t.key === 'patch') {
      const [upper, lower] = numberedNames(t.key, t.number ?? 0);
      names.add(upper);
      names.add(lower);
    }
  }
  return names;
}
