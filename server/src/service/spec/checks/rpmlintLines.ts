/**
 * rpmlint's per-line spec checks (rpmlint/checks/SpecCheck.py), as facts about one line in its section:
 * what it reports there, and what the whole-file checks need from it. Memoised per line object (see memo.ts).
 */
import type { SectionKind, SpecLine } from '../../../rpm/ast';
import { own } from '../../../rpm/reader';
import { ChangelogScan, plainChangelogLine } from './changelogScan';
import { RelCollector, type RelFinding } from './memo';

const SCRIPT_KINDS = new Set(['scriptlet', 'trigger', 'filetrigger', 'verifyscript']);
const MACRO = /%+[{(]?[a-zA-Z_]\w{2,}[)}]?/g;
// rpmlint's indent_spaces_regex (rhbz#488146): runs of spaces used for alignment.
const INDENT_SPACES = /( \t|(^|\t)([^\t]{8})*[^\t]{4}[^\t]?([^\t][^\t.!?]|[^\t]?[.!?] ) {2})/;
const LIB64 = /(^|[\s=:"'(])((?:%\{?buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)?(?:%\{?_prefix\}?|\/usr)?\/lib64)(?=[/\s;:"')]|$)/g;
// The whole name only: `%{buildroot_unstripped}` (kernel.spec's own macro) is not the build root.
const BUILDROOT = /(\\*)\$(?:\{RPM_BUILD_ROOT\}|RPM_BUILD_ROOT(?!\w))|(%+)(?:\{\??buildroot\}|buildroot(?!\w))/g;
const SOURCE_DIR = /\$RPM_SOURCE_DIR|%\{?_sourcedir\}?/;
// rpmlint's make_check_regex.
const MAKE_CHECK = /(^|\s|%\{?__)make\}?\s+(?:check|test)/;
const DEFATTR_DEFAULT = /^%defattr\s*\(\s*-\s*,\s*root\s*,\s*root\s*(,\s*-\s*)?\)\s*$/;

/** Offset of a `#` that starts a comment the way rpmlint sees it (line start or after blank), or -1. */
function commentStart(text: string): number {
  let i = text.indexOf('#');
  while (i >= 0) {
    if (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t') return i;
    i = text.indexOf('#', i + 1);
  }
  return -1;
}

export interface LineFacts {
  /** The context the facts hold for. */
  kind: SectionKind | undefined;
  name: string;
  header: boolean;
  tab: boolean;
  /** Spaces used for alignment; computed only while looking for the first such line (undefined: not yet;
   *  always undefined in %changelog, whose plain lines share one facts object). */
  spaces: boolean | undefined;
  findings: RelFinding[] | undefined;
  /** Patch numbers the line applies; `%autosetup`/`%autopatch` apply all. */
  applied: number[] | undefined;
  auto: boolean;
  /** The first use of the sources folder on this line (reported for the first line only). */
  sourceDir: RelFinding | undefined;
  /** The line takes part in `./configure` continuation handling; where `./configure` starts in its code. */
  continues: boolean;
  configureAt: number;
  /** Macro names the line defines anywhere in it, also inside other macros and Lua (see macros.ts). */
  names: string[] | undefined;
}

const DEFINING: Array<[string, RegExp]> = [
  ['%global', /%global\s+([A-Za-z_]\w*)/g],
  ['%define', /%define\s+([A-Za-z_]\w*)/g],
  // rpm.define("name body"), rpm.define("name "..value), rpm.define(string.format("name %s", …)) (nss.spec)
  ['rpm.define(', /rpm\.define\(\s*(?:string\.format\(\s*)?["']([A-Za-z_]\w*)/g],
  ['macros.', /macros\.([A-Za-z_]\w*)\s*=/g],
];

/** Whether `text` uses spaces for alignment the way rpmlint's indent_spaces_regex sees it. */
export function alignsWithSpaces(text: string): boolean {
  return INDENT_SPACES.test(text);
}

/** Names `text` defines with `%global`/`%define`, Lua's `rpm.define` or `macros.x =`. */
function namesDefinedIn(text: string): string[] | undefined {
  let names: string[] | undefined;
  for (const [needle, re] of DEFINING) {
    if (!text.includes(needle)) continue;
    for (const m of text.matchAll(re)) (names ??= []).push(own(m[1]));
  }
  return names;
}

/**
 * What a %changelog line must contain for any line check to find something or note a fact there: `%` (a
 * macro expanded in the changelog), a tab, Lua macro definitions. (Whether a changelog line aligns with
 * spaces is left to the whole-file pass, which asks only while no earlier line did: see `spaces`.) Outside
 * %changelog, a plain macro reference is nothing to the line checks: only the constructs listed in
 * CODE_TRIGGERS are, with a comment, `lib64`, `configure`, `$RPM_…`, two spaces. Most lines of a large spec
 * (file lists, changelog text) have none.
 */
export const CHANGELOG_TRIGGERS = ['%', '\t', 'macros.', 'rpm.define(', '\u00a0'];
export const CODE_TRIGGERS = [
  '#', '\t', '  ', 'lib64', 'configure', 'RPM_', 'macros.', 'rpm.define(', '%global', '%define', '%patch', '%{PATCH',
  '%autosetup', '%forgeautosetup', '%autopatch', '%{autopatch', '%setup', 'buildroot', '_sourcedir', '%defattr',
  'make check', 'make test', 'make}', 'py test', '\u00a0', 'grep',
];

const anyOf = (words: string[]) => new RegExp(words.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
// `grep` in the alternation makes V8's search twice as slow on texlive.spec's 62k lines: a native search instead.
const CODE_TRIGGER = anyOf(CODE_TRIGGERS.filter((t) => t !== 'grep'));

/** Whether the line `text` in a section of `kind` holds no trigger (changelog lines: see changelogScan.ts). */
export function isPlainLine(text: string, kind: SectionKind | undefined): boolean {
  return kind === 'changelog' ? plainChangelogLine(text) : !CODE_TRIGGER.test(text) && !text.includes('grep');
}

/** The facts of a line without triggers, in a section of `kind` named `name`: shared, never changed. */
let plainFacts: LineFacts | undefined;
function plainLine(kind: SectionKind | undefined, name: string): LineFacts {
  if (!plainFacts || plainFacts.kind !== kind || plainFacts.name !== name) {
    plainFacts = {
      kind, name, header: false, tab: false, spaces: kind === 'changelog' ? undefined : false, findings: undefined, applied: undefined, auto: false,
      sourceDir: undefined, continues: kind !== 'changelog', configureAt: -1, names: undefined,
    };
  }
  return plainFacts;
}

/**
 * The facts of `line` of the spec text `all` in a section of `kind` named `name`; `header` for the header line.
 * A pass over the lines in order passes one `scan` of `all` for its changelog lines.
 */
export function lineFacts(line: SpecLine, all: string, kind: SectionKind | undefined, name: string, header: boolean, scan?: ChangelogScan): LineFacts {
  const hit = line.memo as LineFacts | undefined;
  if (hit && hit.kind === kind && hit.name === name && hit.header === header) return hit;
  let text: string | undefined;
  const plain = !header && (kind === 'changelog' && scan ? scan.plain(line.start, line.end) : isPlainLine((text = all.slice(line.start, line.end)), kind));
  const facts = plain ? plainLine(kind, name) : lineFactsOf(text ?? all.slice(line.start, line.end), line.start, kind, name, header);
  line.memo = facts;
  return facts;
}

/** The facts of the line `text` at offset `start`, computed (exported for the test that triggers cover them). */
export function lineFactsOf(text: string, start: number, kind: SectionKind | undefined, name: string, isHeader: boolean): LineFacts {
  const c = new RelCollector(start);
  const facts: LineFacts = {
    kind, name, header: isHeader, tab: text.includes('\t'), spaces: kind === 'changelog' || text.includes('  ') ? undefined : false,
    findings: undefined, applied: undefined, auto: false, sourceDir: undefined, continues: false, configureAt: -1,
    names: namesDefinedIn(text),
  };
  const done = (): LineFacts => {
    facts.findings = c.list;
    return facts;
  };
  if (isHeader) {
    if (kind === 'clean') c.add('superfluous-%clean-section', 'hint', 'The %clean section is not needed: rpm cleans the build root itself', start, start + text.length, { tags: ['unnecessary'] });
    return done();
  }
  // A non-breaking space (pasted from a web page) is no blank to rpm or the shell; rpmlint looks at every line.
  for (let i = text.indexOf('\u00a0'); i >= 0; i = text.indexOf('\u00a0', i + 1)) {
    c.add('non-break-space', 'warning', 'Non-breaking space (U+00A0): rpm and the shell read it as part of a word; write a plain space', start + i, start + i + 1);
  }
  const hasPct = text.includes('%');
  const hash = commentStart(text);
  const code = hash >= 0 ? text.slice(0, hash) : text;

  if (kind === 'changelog') {
    if (!hasPct) return done();
    for (const m of text.matchAll(MACRO)) {
      const pct = /^%+/.exec(m[0])![0].length;
      if (pct % 2 && m[0] !== '%autochangelog') {
        c.add('macro-in-%changelog', 'warning', `Macro expanded in %changelog: ${m[0]} (escape it as %${m[0]})`, start + m.index!, start + m.index! + m[0].length, { data: { escape: `%${m[0]}` } });
      }
    }
    return done();
  }
  if (hash >= 0 && hasPct) {
    for (const m of text.slice(hash + 1).matchAll(MACRO)) {
      const pct = /^%+/.exec(m[0])![0].length;
      if (pct % 2) {
        const at = start + hash + 1 + m.index!;
        c.add('macro-in-comment', 'warning', `Macro expanded in comment: ${m[0]} (escape it as %${m[0]})`, at, at + m[0].length, { data: { escape: `%${m[0]}` } });
      }
    }
  }
  // Patches applied (rpmlint's applied_patch_* regexes, plus rpm >= 4.18 `%patch N`).
  const trimmed = hasPct ? code.trimStart() : '';
  if (trimmed.charCodeAt(0) === 37) {
    if (/^%(autosetup|forgeautosetup)\b/.test(trimmed) && !/\s-[A-Za-z]*N/.test(trimmed)) facts.auto = true;
    if (/^%\{?autopatch\b/.test(trimmed)) facts.auto = true;
  }
  const pm = trimmed.startsWith('%patch') ? /^%patch(\d*)\b(.*)$/.exec(trimmed) : null;
  if (pm) {
    const nums = [...pm[2].matchAll(/-P\s*(\d+)/g)].map((x) => Number(x[1]));
    const positional = pm[2].replace(/-[pFbzdoDP]\s*\S+|-\w+/g, ' ').match(/(?:^|\s)(\d+)(?=\s|$)/g)?.map((x) => Number(x.trim())) ?? [];
    const all = [...nums, ...positional];
    if (all.length === 0) all.push(Number(pm[1] || 0));
    facts.applied = all;
  }
  if (hasPct && code.includes('%{PATCH')) for (const m of code.matchAll(/%\{PATCH(\d+)\}/g)) (facts.applied ??= []).push(Number(m[1]));

  if (kind !== 'package' && kind !== undefined && kind !== 'description') {
    // %setup without -q (rpmlint: unless -T without -a/-b).
    const setup = text.startsWith('%setup') ? /^%setup\b/.exec(text) : null;
    if (setup && !/ -[A-Za-z]*q/.test(text) && (!/ -[A-Za-z]*T/.test(text) || / -[A-Za-z]*[ab]/.test(text))) {
      c.add('setup-not-quiet', 'warning', 'Use %setup -q to avoid useless output from unpacking the sources', start, start + 6);
    }
    // Unpacking and patching outside %prep (rpmlint: setup-not-in-prep, %autosetup-/%autopatch-not-in-prep).
    if (kind !== 'prep') {
      const step = setup ? '%setup' : /^\s*%autosetup(?=\s|$)/.test(code) ? '%autosetup' : /^\s*%autopatch(?=\s|$)/.test(code) ? '%autopatch' : undefined;
      if (step) {
        const at = start + text.indexOf(step);
        c.add(step === '%setup' ? 'setup-not-in-prep' : `${step}-not-in-prep`, 'warning', `${step} belongs in %prep, not in %${name}`, at, at + step.length);
      }
    }
    // Tests outside %check: `rpmbuild --nocheck` cannot skip them.
    if (kind !== 'check' && hash !== 0 && code.includes('make')) {
      const m = MAKE_CHECK.exec(code);
      if (m) {
        const skip = /^\s/.test(m[1]) ? m[1].length : 0; // the blank before `make`, not `%{__`
        const at = start + m.index + skip;
        c.add('make-check-outside-check-section', 'warning', `"${m[0].slice(skip)}" runs tests in %${name}: move it to %check, which rpmbuild --nocheck skips`, at, start + m.index + m[0].length);
      }
    }
    if ((kind === 'prep' || kind === 'build' || (kind && SCRIPT_KINDS.has(kind))) && hash !== 0 && (code.includes('buildroot') || code.includes('RPM_BUILD_ROOT'))) {
      for (const m of code.matchAll(BUILDROOT)) {
        if ((m[1] === undefined || m[1].length % 2 === 0) && (m[2] === undefined || m[2].length % 2 === 1)) {
          const at = start + m.index! + (m[1]?.length ?? 0);
          c.add('rpm-buildroot-usage', 'warning', `$RPM_BUILD_ROOT or %{buildroot} must not be used in %${name}: it breaks short-circuit builds`, at, start + m.index! + m[0].length);
          break;
        }
      }
    }
  }
  if (kind !== 'description' && (code.includes('_sourcedir') || code.includes('RPM_SOURCE_DIR'))) {
    const m = SOURCE_DIR.exec(code);
    if (m) facts.sourceDir = { code: 'use-of-RPM_SOURCE_DIR', severity: 'warning', message: `${m[0]} used: refer to sources as %{SOURCEn} instead`, start: m.index, end: m.index + m[0].length };
  }
  // ./configure without --libdir (with backslash continuations): followed over the lines by the caller.
  facts.continues = true;
  if (kind !== 'description' && code.includes('configure')) facts.configureAt = code.indexOf('./configure');
  if (kind !== 'description' && code.includes('lib64')) {
    for (const m of code.matchAll(LIB64)) {
      const path = m[2];
      const at = start + m.index! + m[1].length;
      const prefix = /^(%\{?buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)/.exec(path)?.[0] ?? '';
      const rest = path.slice(prefix.length);
      const replacement = prefix + (rest === '/lib64' ? '/%{_lib}' : '%{_libdir}');
      c.add('hardcoded-library-path', 'warning', `Hard-coded library path ${path}: use ${replacement}`, at, at + path.length, { data: { replacement } });
    }
  }
  // egrep/fgrep in scripts: GNU grep 3.8 warns on each use (rpmlint: not in the preamble, %description, %files).
  if (kind !== 'package' && kind !== undefined && kind !== 'description' && kind !== 'files' && code.includes('grep')) {
    for (const m of code.matchAll(/\b([ef])grep\b/g)) {
      const replacement = `grep -${m[1].toUpperCase()}`;
      c.add('deprecated-grep', 'warning', `${m[0]} is deprecated (GNU grep 3.8 warns each time it runs): use ${replacement}`, start + m.index!, start + m.index! + 5, { data: { replacement } });
    }
  }
  if (kind === 'check' && code.includes('py test')) {
    const at = code.indexOf('setup.py test');
    if (at >= 0) c.add('python-setup-test', 'warning', '"setup.py test" is deprecated (setuptools 72 removed it): run the tests with %pytest or %tox', start + at, start + at + 13);
  }
  if (kind === 'files' && hasPct && text.includes('%defattr') && DEFATTR_DEFAULT.test(text.trim())) {
    c.add('defattr-is-default', 'hint', '%defattr(-,root,root,-) is the default since rpm 4.4 and can be removed', start, start + text.length, { tags: ['unnecessary'] });
  }
  return done();
}

/** The code part of a line (before a comment), as the configure continuation needs it. */
export function codeOf(text: string): string {
  const hash = commentStart(text);
  return hash >= 0 ? text.slice(0, hash) : text;
}
