/**
 * Checks that mirror rpmlint's SpecCheck (rpmlint/checks/SpecCheck.py), with rpmlint's ids. rpm builds
 * these specs, so rpmlint's E-level checks are warnings here (a setting can raise them); obsolete
 * constructs that modern Fedora/EL simply ignore are hints, shown faded.
 */
import type { Finding, Severity } from '../../../common/findings';
import type { SpecDocument, SpecLine, Tag } from '../../../rpm/ast';
import { absolute, RelCollector, tagMemo, type RelFinding } from './memo';
import { ChangelogScan } from './changelogScan';
import { alignsWithSpaces, codeOf, lineFacts } from './rpmlintLines';

const SRC = 'rpmlint';

/** rpmlint's spec checks. `defined` collects the macro names the lines define (for the undefined-macro check). */
export function rpmlintFindings(doc: SpecDocument, defined?: Set<string>): Finding[] {
  const out: Finding[] = [];
  const f = (code: string, severity: Severity, message: string, start: number, end: number, extra: Partial<Finding> = {}) =>
    out.push({ code, severity, message, span: { start, end }, source: SRC, ...extra });
  let firstTab = -1;
  let firstSpaces = -1;
  let sourceDir: Finding | undefined;
  let configure: { start: number; cmd: string } | undefined;
  const applied = new Set<number>();
  let autoApplied = false;
  const textOf = (l: SpecLine) => doc.text.slice(l.start, l.end);

  // One pass over the lines with the current section; each line's own facts are memoised (memo.ts), so
  // after an edit only the lines the incremental parse created are checked again.
  let si = -1;
  const secs = doc.sections;
  const scan = new ChangelogScan(doc.text);
  for (let n = 0; n < doc.lines.length; n++) {
    while (si + 1 < secs.length && secs[si + 1].line <= n) si++;
    const section = si >= 0 ? secs[si] : undefined;
    const l = doc.lines[n];
    const facts = lineFacts(l, doc.text, section?.kind, section?.name ?? '', section !== undefined && section.line === n, scan);
    if (firstTab < 0 && facts.tab) firstTab = n;
    if (firstSpaces < 0 && facts.spaces !== false) {
      // The alignment regex is costly: it runs only until the first line that has it. Changelog facts may be
      // shared between lines: nothing is stored in them.
      const t = facts.spaces === undefined ? textOf(l) : '';
      const spaces = facts.spaces ?? (t.includes('  ') && alignsWithSpaces(t));
      if (facts.kind !== 'changelog') facts.spaces = spaces;
      if (spaces) firstSpaces = n;
    }
    if (facts.findings) for (const r of facts.findings) out.push(absolute(r, l.start, SRC));
    if (facts.auto) autoApplied = true;
    if (defined && facts.names) for (const x of facts.names) defined.add(x);
    if (facts.applied) for (const p of facts.applied) applied.add(p);
    if (!sourceDir && facts.sourceDir) out.push(sourceDir = absolute(facts.sourceDir, l.start, SRC));
    if (!facts.continues) continue;
    // ./configure without --libdir (with backslash continuations).
    if (configure) {
      configure.cmd = configure.cmd.slice(0, -1) + codeOf(textOf(l)).trim();
    } else if (facts.configureAt >= 0) {
      configure = { start: l.start + facts.configureAt, cmd: codeOf(textOf(l)).slice(facts.configureAt).trim() };
    }
    if (configure && !configure.cmd.endsWith('\\')) {
      if (!/--libdir=\S+/.test(configure.cmd)) {
        f('configure-without-libdir-spec', 'warning', './configure is run without --libdir=%{_libdir}', configure.start, configure.start + 11);
      }
      configure = undefined;
    }
  }
  if (firstTab >= 0 && firstSpaces >= 0) {
    const n = Math.max(firstTab, firstSpaces);
    const l = doc.lines[n];
    f('mixed-use-of-spaces-and-tabs', 'warning', `Mixed use of spaces and tabs (spaces: line ${firstSpaces + 1}, tab: line ${firstTab + 1})`, l.start, l.end);
  }
  tagChecks(doc, f, applied, autoApplied);
  return out;
}

type Emit = (code: string, severity: Severity, message: string, start: number, end: number, extra?: Partial<Finding>) => void;

/** Dependency tokens of a Provides/Obsoletes value: names with their spans and whether a version follows. */
export function depTokens(value: string, at: number): Array<{ name: string; start: number; end: number; versioned: boolean }> {
  const sep = (c: number) => c === 32 || c === 9 || c === 44 || c === 10 || c === 13; // blank , newline
  const toks: Array<{ t: string; start: number }> = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    if (sep(value.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let depth = 0;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (depth === 0 && sep(c)) break;
      if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
      i++;
    }
    toks.push({ t: value.slice(s, i), start: s });
  }
  const isOp = (t: string) => { const c = t.charCodeAt(0); return c === 60 || c === 61 || c === 62; }; // < = >
  const out: Array<{ name: string; start: number; end: number; versioned: boolean }> = [];
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (isOp(tok.t)) {
      k++; // operator + version
      continue;
    }
    const inlineOp = tok.t.charCodeAt(0) !== 40 && /[<>=]/.test(tok.t);
    const versioned = inlineOp || (k + 1 < toks.length && isOp(toks[k + 1].t));
    out.push({ name: tok.t, start: at + tok.start, end: at + tok.start + tok.t.length, versioned });
  }
  return out;
}

function tagChecks(doc: SpecDocument, f: Emit, applied: Set<number>, autoApplied: boolean): void {
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    if (!t.known) continue;
    if (t.key === 'patch') {
      if (!autoApplied && !applied.has(t.number ?? 0)) {
        f('patch-not-applied', 'warning', `${t.name} (${t.value}) is declared but never applied`, t.start, t.end);
      }
      continue;
    }
    const memo = tagMemo(t);
    let rel = memo.lint;
    if (rel === undefined) rel = memo.lint = ownTagChecks(t) ?? null;
    if (rel) for (const r of rel) f(r.code, r.severity, r.message, t.start + r.start, t.start + r.end, r.extra);
  }
}

/** What a tag reports by itself, relative to its start (memoised per tag: incremental parses keep tags). */
function ownTagChecks(t: Tag): RelFinding[] | undefined {
  const c = new RelCollector(t.start);
  switch (t.key) {
    case 'buildroot':
      c.add('buildroot-tag', 'hint', 'BuildRoot is ignored by rpm >= 4.6 and can be removed', t.start, t.end, { tags: ['unnecessary'] });
      break;
    case 'group':
      c.add('group-tag', 'hint', 'The Group tag is not used by Fedora or EL and can be removed', t.start, t.end, { tags: ['unnecessary'] });
      break;
    case 'prefix':
      if (!t.value.startsWith('%')) c.add('hardcoded-prefix-tag', 'warning', `Hard-coded Prefix tag ${t.value}: remove it to allow relocation`, t.valueStart, t.valueEnd);
      break;
    case 'prereq':
      c.add('prereq-use', 'warning', 'PreReq is deprecated: use Requires, or Requires(pre)/Requires(post)', t.start, t.nameEnd);
      break;
    case 'buildprereq':
      c.add('buildprereq-use', 'warning', 'BuildPreReq is deprecated: use BuildRequires', t.start, t.nameEnd);
      break;
    case 'provides':
    case 'obsoletes':
      for (const d of depTokens(t.value, t.valueStart)) {
        if (d.versioned || d.name.startsWith('/') || d.name.startsWith('%')) continue;
        const what = t.key === 'provides' ? 'Provides' : 'Obsoletes';
        c.add(`unversioned-explicit-${t.key}`, 'warning', `Unversioned ${what}: ${d.name} (add a version, e.g. ${t.key === 'provides' ? `${d.name} = %{version}-%{release}` : `${d.name} < 1.0-1`})`, d.start, d.end);
      }
      break;
  }
  return c.list;
}
