/**
 * rpmlint's TagsCheck checks of the Summary and %description text (rpmlint/checks/TagsCheck.py), which
 * rpmlint runs on the built packages (fedora-review shows them) — here on the spec, with rpmlint's ids and
 * its 79-character limit (MaxLineLength): summary-ended-with-dot, summary-not-capitalized,
 * summary-too-long, name-repeated-in-summary, description-line-too-long, description-shorter-than-summary.
 * Text with macros is measured as the spec's own macros and the profile expand it (left alone when that
 * needs a value we lack). Lengths count characters, as rpmlint does.
 */
import type { Finding } from '../../../common/findings';
import type { Section, SpecDocument } from '../../../rpm/ast';
import { own } from '../../../rpm/reader';
import { RelCollector, absolute, tagMemo, type RelFinding } from './memo';

const SRC = 'rpmlint';
const DIRECTIVE_LINE = /^\s*%[A-Za-z_]/;
export const MAX_LINE = 79;
/** rpmlint's CAPITALIZED_IGNORE_LIST: first words that are lower-case on purpose. */
const LOWER_OK = new Set(['jQuery', 'openSUSE', 'wxWidgets', 'a', 'an', 'uWSGI']);

interface SummaryMemo {
  /** The package name the findings were computed with (a rename of the package changes them). */
  name: string;
  found: RelFinding[] | null;
}

/** Expands text with the spec's macros as they stand at `at` (offsets in increasing order); undefined when unknown. */
type Expand = (text: string, at: number) => string | undefined;

/**
 * `expand` takes the text with macros (an expander per pass: each walks forwards through the spec); without
 * it such text is left alone.
 */
export function rpmlintTextFindings(doc: SpecDocument, expandSummary?: Expand, expandDescription?: Expand): Finding[] {
  const out: Finding[] = [];
  /** Each package's Summary as rpm stores it (the untranslated one), for description-shorter-than-summary. */
  const summaries = new Map<number, string>();
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    if (t.key !== 'summary' || !t.known || !t.value) continue;
    const pkg = doc.packages[t.pkg];
    const written = pkg ? (t.pkg === 0 ? pkg.name : pkg.resolved || pkg.name) : '';
    const name = written.includes('%') ? '' : written;
    if (t.value.includes('%')) {
      // Rare, and its value depends on macros above it: checked each time, on the whole value.
      const value = expandSummary?.(t.value, t.start);
      if (value === undefined) continue;
      if (t.qualifier === undefined && !summaries.has(t.pkg)) summaries.set(t.pkg, value);
      for (const r of summaryChecks(value, t.valueStart, t.valueEnd, name, true, 0) ?? []) out.push(absolute(r, 0, SRC));
      continue;
    }
    if (t.qualifier === undefined && !summaries.has(t.pkg)) summaries.set(t.pkg, t.value);
    const memo = tagMemo(t) as { summary?: SummaryMemo };
    if (!memo.summary || memo.summary.name !== name) {
      // Relative to the tag (the memo lives while the tag's text is unchanged). The name is a string of its
      // own: a slice would keep this version's whole text alive with the memo.
      memo.summary = { name: own(name), found: summaryChecks(t.value, t.valueStart, t.valueEnd, name, false, t.start) ?? null };
    }
    for (const r of memo.summary.found ?? []) out.push(absolute(r, t.start, SRC));
  }
  for (const s of doc.sections) {
    if (s.kind !== 'description') continue;
    // rpm's text: each line, macros expanded (a line like `%{_description}` may become several). Most
    // bodies have no macro: their lines need only their length.
    const macros = hasMacro(doc.text, s.bodySpan.start, s.bodySpan.end);
    for (let i = s.line + 1; i <= s.endLine && i < doc.lines.length; i++) {
      const l = doc.lines[i];
      // Short enough in UTF-16 units, so in characters, and no macro to grow it: most lines stop here.
      if (l.end - l.start <= MAX_LINE && (!macros || !hasMacro(doc.text, l.start, l.end))) continue;
      let text: string | undefined = doc.text.slice(l.start, l.end);
      // A line starting with a directive or a macro call (`%if`, `%global`, kernel.spec's
      // `%kernel_variant_package debug`) is not text; `%{common_description}` is. Nor are the lines of a
      // macro definition that runs on with `\` (kernel.spec defines whole subpackages so).
      if (DIRECTIVE_LINE.test(text) || inDefinition(doc, l.start)) continue;
      if (text.includes('%')) text = expandDescription?.(text, l.start);
      if (text === undefined) continue;
      for (const piece of text.split('\n')) {
        const chars = [...piece].length;
        if (chars > MAX_LINE) {
          out.push({
            code: 'description-line-too-long', severity: 'warning', source: SRC, span: { start: l.start, end: l.end },
            message: `%description line of ${chars} characters: rpmlint allows ${MAX_LINE} (wrap it)`,
          });
        }
      }
    }
    const summary = summaries.get(s.pkg);
    if (summary !== undefined && !s.options.some((o) => o.flag === '-l')) shorterThanSummary(doc, s, summary, out);
  }
  return out;
}

/** Whether `offset` is inside a `%define`/`%global` (binary search: definitions are in text order). */
function inDefinition(doc: SpecDocument, offset: number): boolean {
  const defs = doc.defines;
  let lo = 0;
  let hi = defs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = defs[mid].span;
    if (span.end < offset) lo = mid + 1;
    else if (span.start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Whether `text[start, end)` has a `%` (natively searched: past `end` it meets the next section's `%` soon). */
function hasMacro(text: string, start: number, end: number): boolean {
  const i = text.indexOf('%', start);
  return i >= 0 && i < end;
}

/**
 * A %description (as rpm keeps it: without trailing white space) shorter than its package's Summary. Every
 * description of a large spec comes here on each edit: measured in place, nothing allocated.
 */
function shorterThanSummary(doc: SpecDocument, s: Section, summary: string, out: Finding[]): void {
  const text = doc.text;
  let start = s.bodySpan.start;
  if (text.charCodeAt(start) === 13) start++;
  if (text.charCodeAt(start) === 10) start++;
  let end = s.bodySpan.end;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  // Characters are at most the UTF-16 units and at least half of them.
  if (end - start >= 2 * summary.length) return;
  if (hasMacro(text, start, end)) return;
  const body = chars(text, start, end);
  const wanted = chars(summary, 0, summary.length);
  if (body >= wanted) return;
  out.push({
    code: 'description-shorter-than-summary', severity: 'warning', source: SRC, span: { ...s.keywordSpan },
    message: `The %description (${body} characters) is shorter than the Summary (${wanted}): describe the package in a few sentences`,
  });
}

/** Characters (code points) in `text[start, end)`. */
function chars(text: string, start: number, end: number): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--; // the second half of a pair
  }
  return n;
}

/**
 * The Summary checks of `v` (the value at `at`…`valueEnd`; `expanded`: `v` is the value's expansion, so
 * findings cover the whole value), with offsets relative to `base`.
 */
function summaryChecks(v: string, at: number, valueEnd: number, name: string, expanded: boolean, base: number): RelFinding[] | undefined {
  const c = new RelCollector(base);
  const whole = (start: number, end: number): [number, number] => (expanded ? [at, valueEnd] : [start, end]);
  const first = v.split(' ')[0];
  if (v[0] !== v[0].toUpperCase() && !LOWER_OK.has(first)) {
    c.add('summary-not-capitalized', 'warning', `Summary does not start with a capital letter: ${v}`, ...whole(at, at + first.length), expanded ? undefined : { data: { fixed: v[0].toUpperCase() } });
  }
  if (v.endsWith('.')) {
    c.add('summary-ended-with-dot', 'warning', `Summary ends with a dot: ${v}`, ...whole(at + v.length - 1, at + v.length), expanded ? undefined : { data: { dot: true } });
  }
  const length = [...v].length;
  if (length > MAX_LINE) c.add('summary-too-long', 'warning', `Summary of ${length} characters: rpmlint allows ${MAX_LINE}`, at, valueEnd);
  if (name) {
    const m = new RegExp(`(?:^|\\s)(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?:[\\s.,:;!?]|$)`, 'i').exec(v);
    if (m) {
      const start = at + m.index + m[0].indexOf(m[1]);
      c.add('name-repeated-in-summary', 'warning', `Summary repeats the package name ${m[1]}: say what it is instead`, ...whole(start, start + m[1].length));
    }
  }
  return c.list;
}
