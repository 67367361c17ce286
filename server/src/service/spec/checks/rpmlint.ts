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

/**
 * Visits the dependency tokens of a Provides/Obsoletes value, `value[start, end)`, with whether a version
 * follows (an operator token after it, or one inside it). Nothing is allocated per token: every Provides
 * of a large spec goes through here.
 */
function scanDeps(value: string, visit: (start: number, end: number, versioned: boolean) => void): void {
  const n = value.length;
  let s = skipSeps(value, 0);
  while (s < n) {
    const e = tokenEnd(value, s);
    if (isOp(value.charCodeAt(s))) {
      s = skipSeps(value, tokenEnd(value, skipSeps(value, e))); // operator + version
      continue;
    }
    let versioned = false;
    if (value.charCodeAt(s) !== 40) for (let i = s; i < e && !versioned; i++) versioned = isOp(value.charCodeAt(i));
    const next = skipSeps(value, e);
    if (!versioned && next < n && isOp(value.charCodeAt(next))) versioned = true;
    visit(s, e, versioned);
    s = next;
  }
}

const isSep = (c: number) => c === 32 || c === 9 || c === 44 || c === 10 || c === 13; // blank , newline
const isOp = (c: number) => c === 60 || c === 61 || c === 62; // < = >

/** The end of the dependency token starting at `s` (parentheses nest: `(a or b)` is one token). */
function tokenEnd(value: string, s: number): number {
  let i = s;
  for (let depth = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (depth === 0 && isSep(c)) break;
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return i;
}

function skipSeps(value: string, i: number): number {
  while (i < value.length && isSep(value.charCodeAt(i))) i++;
  return i;
}

/** Dependency tokens of a Provides/Obsoletes value: names with their spans and whether a version follows. */
export function depTokens(value: string, at: number): Array<{ name: string; start: number; end: number; versioned: boolean }> {
  const out: Array<{ name: string; start: number; end: number; versioned: boolean }> = [];
  scanDeps(value, (s, e, versioned) => out.push({ name: value.slice(s, e), start: at + s, end: at + e, versioned }));
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

/** Tags whose values are dependency lists (rpm's parseRCPOT). */
const DEP_KEYS = new Set(['requires', 'provides', 'obsoletes', 'conflicts', 'buildrequires', 'buildconflicts', 'recommends', 'suggests', 'supplements', 'enhances', 'orderwithrequires', 'prereq', 'buildprereq']);
const OWN_CHECKED = new Set(['buildroot', 'group', 'prefix', ...DEP_KEYS]);

/** What a tag reports by itself, relative to its start (memoised per tag: incremental parses keep tags). */
function ownTagChecks(t: Tag): RelFinding[] | undefined {
  if (!OWN_CHECKED.has(t.key)) return undefined;
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
      scanDeps(t.value, (s, e, versioned) => {
        const first = t.value.charCodeAt(s);
        if (versioned || first === 47 /* / */ || first === 37 /* % */) return;
        const name = t.value.slice(s, e);
        const what = t.key === 'provides' ? 'Provides' : 'Obsoletes';
        c.add(`unversioned-explicit-${t.key}`, 'warning', `Unversioned ${what}: ${name} (add a version, e.g. ${t.key === 'provides' ? `${name} = %{version}-%{release}` : `${name} < 1.0-1`})`, t.valueStart + s, t.valueStart + e);
      });
      break;
  }
  if (DEP_KEYS.has(t.key)) operatorsInTokens(t, c);
  return c.list;
}

/**
 * rpmlint's comparison-operator-in-deptoken: `Requires: foo>=1.0` is one name to rpm, `foo>=1.0`, which
 * nothing provides. The fix puts spaces around the operator (`data.fixed`). Operators inside a macro
 * (`%{?x:>=}`), rich dependencies (`(a >= 1 or b)`) and tokens that start with one (rpm's own error,
 * bad-dependency-token) are left alone.
 */
function operatorsInTokens(t: Tag, c: RelCollector): void {
  const v = t.value;
  if (!v.includes('<') && !v.includes('>') && !v.includes('=')) return;
  scanDeps(v, (s, e) => {
    if (v.charCodeAt(s) === 40 /* ( */) return;
    const op = operatorOutsideMacros(v, s, e);
    if (op < 0) return;
    let opEnd = op;
    while (opEnd < e && isOp(v.charCodeAt(opEnd))) opEnd++;
    const token = v.slice(s, e);
    const fixed = `${v.slice(s, op)} ${v.slice(op, opEnd)}${opEnd < e ? ' ' : ''}${v.slice(opEnd, e)}`;
    c.add('comparison-operator-in-deptoken', 'warning', `Dependency token ${token} contains a comparison operator: rpm reads it as one name; put spaces around the operator: ${fixed}`, t.valueStart + s, t.valueStart + e, { data: { fixed } });
  });
}

/** The first `<`, `=` or `>` in `value[s, e)` outside `%{…}`, `%(…)`, `%[…]`; -1 if none. */
function operatorOutsideMacros(value: string, s: number, e: number): number {
  let depth = 0;
  for (let i = s; i < e; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 37 /* % */ && i + 1 < e && '{(['.includes(value[i + 1])) {
      depth++;
      i++;
    } else if (depth > 0 && (ch === 125 || ch === 41 || ch === 93)) depth--;
    else if (depth === 0 && isOp(ch)) return i;
  }
  return -1;
}
