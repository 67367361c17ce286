/**
 * Checks that mirror rpmlint's SpecCheck (rpmlint/checks/SpecCheck.py), with rpmlint's ids. rpm builds
 * these specs, so rpmlint's E-level checks are warnings here (a setting can raise them); obsolete
 * constructs that modern Fedora/EL simply ignore are hints, shown faded.
 */
import type { Finding, Severity } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';

const SRC = 'rpmlint';
const SCRIPT_KINDS = new Set(['scriptlet', 'trigger', 'filetrigger', 'verifyscript']);
const MACRO = /%+[{(]?[a-zA-Z_]\w{2,}[)}]?/g;
// rpmlint's indent_spaces_regex (rhbz#488146): runs of spaces used for alignment.
const INDENT_SPACES = /( \t|(^|\t)([^\t]{8})*[^\t]{4}[^\t]?([^\t][^\t.!?]|[^\t]?[.!?] ) {2})/;
const LIB64 = /(^|[\s=:"'(])((?:%\{?buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)?(?:%\{?_prefix\}?|\/usr)?\/lib64)(?=[/\s;:"')]|$)/g;
const BUILDROOT = /(\\*)\$\{?RPM_BUILD_ROOT\}?|(%+)\{?buildroot\}?/g;
const SOURCE_DIR = /\$RPM_SOURCE_DIR|%\{?_sourcedir\}?/;
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

export function rpmlintFindings(doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  const f = (code: string, severity: Severity, message: string, start: number, end: number, extra: Partial<Finding> = {}) =>
    out.push({ code, severity, message, span: { start, end }, source: SRC, ...extra });
  let firstTab = -1;
  let firstSpaces = -1;
  let sourceDirSeen = false;
  let configure: { n: number; start: number; cmd: string } | undefined;
  const applied = new Set<number>();
  let autoApplied = false;

  // One pass over the lines with the current section; every regex runs only when a cheap
  // substring test says it can match (61k-line specs are analysed on every keystroke).
  let si = -1;
  const secs = doc.sections;
  for (let n = 0; n < doc.lines.length; n++) {
    while (si + 1 < secs.length && secs[si + 1].line <= n) si++;
    const section = si >= 0 ? secs[si] : undefined;
    const l = doc.lines[n];
    const start = l.start;
    const text = doc.text.slice(l.start, l.end);
    const kind = section?.kind;
    const isHeader = section !== undefined && section.line === n;
    if (firstTab < 0 && text.includes('\t')) firstTab = n;
    if (firstSpaces < 0 && text.includes('  ') && INDENT_SPACES.test(text)) firstSpaces = n;
    if (isHeader) {
      if (kind === 'clean') f('superfluous-%clean-section', 'hint', 'The %clean section is not needed: rpm cleans the build root itself', start, start + text.length, { tags: ['unnecessary'] });
      continue;
    }
    const hasPct = text.includes('%');
    const hash = commentStart(text);
    const code = hash >= 0 ? text.slice(0, hash) : text;

    if (kind === 'changelog') {
      if (!hasPct) continue;
      for (const m of text.matchAll(MACRO)) {
        const pct = /^%+/.exec(m[0])![0].length;
        if (pct % 2 && m[0] !== '%autochangelog') {
          f('macro-in-%changelog', 'warning', `Macro expanded in %changelog: ${m[0]} (escape it as %${m[0]})`, start + m.index!, start + m.index! + m[0].length, { data: { escape: `%${m[0]}` } });
        }
      }
      continue;
    }
    if (hash >= 0 && hasPct) {
      for (const m of text.slice(hash + 1).matchAll(MACRO)) {
        const pct = /^%+/.exec(m[0])![0].length;
        if (pct % 2) {
          const at = start + hash + 1 + m.index!;
          f('macro-in-comment', 'warning', `Macro expanded in comment: ${m[0]} (escape it as %${m[0]})`, at, at + m[0].length, { data: { escape: `%${m[0]}` } });
        }
      }
    }
    // Patches applied (rpmlint's applied_patch_* regexes, plus rpm >= 4.18 `%patch N`).
    const trimmed = hasPct ? code.trimStart() : '';
    if (trimmed.charCodeAt(0) === 37) {
      if (/^%(autosetup|forgeautosetup)\b/.test(trimmed) && !/\s-[A-Za-z]*N/.test(trimmed)) autoApplied = true;
      if (/^%\{?autopatch\b/.test(trimmed)) autoApplied = true;
    }
    const pm = trimmed.startsWith('%patch') ? /^%patch(\d*)\b(.*)$/.exec(trimmed) : null;
    if (pm) {
      const nums = [...pm[2].matchAll(/-P\s*(\d+)/g)].map((x) => Number(x[1]));
      const positional = pm[2].replace(/-[pFbzdoDP]\s*\S+|-\w+/g, ' ').match(/(?:^|\s)(\d+)(?=\s|$)/g)?.map((x) => Number(x.trim())) ?? [];
      const all = [...nums, ...positional];
      if (all.length === 0) all.push(Number(pm[1] || 0));
      for (const n of all) applied.add(n);
    }
    if (hasPct && code.includes('%{PATCH')) for (const m of code.matchAll(/%\{PATCH(\d+)\}/g)) applied.add(Number(m[1]));

    if (kind !== 'package' && kind !== undefined && kind !== 'description') {
      // %setup without -q (rpmlint: unless -T without -a/-b).
      const setup = text.startsWith('%setup') ? /^%setup\b/.exec(text) : null;
      if (setup && !/ -[A-Za-z]*q/.test(text) && (!/ -[A-Za-z]*T/.test(text) || / -[A-Za-z]*[ab]/.test(text))) {
        f('setup-not-quiet', 'warning', 'Use %setup -q to avoid useless output from unpacking the sources', start, start + 6);
      }
      if ((kind === 'prep' || kind === 'build' || (kind && SCRIPT_KINDS.has(kind))) && hash !== 0 && (code.includes('buildroot') || code.includes('RPM_BUILD_ROOT'))) {
        for (const m of code.matchAll(BUILDROOT)) {
          if ((m[1] === undefined || m[1].length % 2 === 0) && (m[2] === undefined || m[2].length % 2 === 1)) {
            const at = start + m.index! + (m[1]?.length ?? 0);
            f('rpm-buildroot-usage', 'warning', `$RPM_BUILD_ROOT or %{buildroot} must not be used in %${section!.name}: it breaks short-circuit builds`, at, start + m.index! + m[0].length);
            break;
          }
        }
      }
    }
    if (!sourceDirSeen && kind !== 'description' && (code.includes('_sourcedir') || code.includes('RPM_SOURCE_DIR'))) {
      const m = SOURCE_DIR.exec(code);
      if (m) {
        sourceDirSeen = true;
        f('use-of-RPM_SOURCE_DIR', 'warning', `${m[0]} used: refer to sources as %{SOURCEn} instead`, start + m.index, start + m.index + m[0].length);
      }
    }
    // ./configure without --libdir (with backslash continuations).
    if (configure) {
      configure.cmd = configure.cmd.slice(0, -1) + code.trim();
    } else if (kind !== 'description' && code.includes('configure')) {
      const at = code.indexOf('./configure');
      if (at >= 0) configure = { n, start: start + at, cmd: code.slice(at).trim() };
    }
    if (configure && !configure.cmd.endsWith('\\')) {
      if (!/--libdir=\S+/.test(configure.cmd)) {
        f('configure-without-libdir-spec', 'warning', './configure is run without --libdir=%{_libdir}', configure.start, configure.start + 11);
      }
      configure = undefined;
    }
    if (kind !== 'description' && code.includes('lib64')) {
      for (const m of code.matchAll(LIB64)) {
        const path = m[2];
        const at = start + m.index! + m[1].length;
        const prefix = /^(%\{?buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)/.exec(path)?.[0] ?? '';
        const rest = path.slice(prefix.length);
        const replacement = prefix + (rest === '/lib64' ? '/%{_lib}' : '%{_libdir}');
        f('hardcoded-library-path', 'warning', `Hard-coded library path ${path}: use ${replacement}`, at, at + path.length, { data: { replacement } });
      }
    }
    if (kind === 'files' && hasPct && text.includes('%defattr') && DEFATTR_DEFAULT.test(text.trim())) {
      f('defattr-is-default', 'hint', '%defattr(-,root,root,-) is the default since rpm 4.4 and can be removed', start, start + text.length, { tags: ['unnecessary'] });
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
  for (const t of doc.tags) {
    if (!t.known) continue;
    switch (t.key) {
      case 'buildroot':
        f('buildroot-tag', 'hint', 'BuildRoot is ignored by rpm >= 4.6 and can be removed', t.span.start, t.span.end, { tags: ['unnecessary'] });
        break;
      case 'group':
        f('group-tag', 'hint', 'The Group tag is not used by Fedora or EL and can be removed', t.span.start, t.span.end, { tags: ['unnecessary'] });
        break;
      case 'prefix':
        if (!t.value.startsWith('%')) f('hardcoded-prefix-tag', 'warning', `Hard-coded Prefix tag ${t.value}: remove it to allow relocation`, t.valueSpan.start, t.valueSpan.end);
        break;
      case 'prereq':
        f('prereq-use', 'warning', 'PreReq is deprecated: use Requires, or Requires(pre)/Requires(post)', t.nameSpan.start, t.nameSpan.end);
        break;
      case 'buildprereq':
        f('buildprereq-use', 'warning', 'BuildPreReq is deprecated: use BuildRequires', t.nameSpan.start, t.nameSpan.end);
        break;
      case 'provides':
      case 'obsoletes':
        for (const d of depTokens(t.value, t.valueSpan.start)) {
          if (d.versioned || d.name.startsWith('/') || d.name.startsWith('%')) continue;
          const what = t.key === 'provides' ? 'Provides' : 'Obsoletes';
          f(`unversioned-explicit-${t.key}`, 'warning', `Unversioned ${what}: ${d.name} (add a version, e.g. ${t.key === 'provides' ? `${d.name} = %{version}-%{release}` : `${d.name} < 1.0-1`})`, d.start, d.end);
        }
        break;
      case 'patch':
        if (!autoApplied && !applied.has(t.number ?? 0)) {
          f('patch-not-applied', 'warning', `${t.name} (${t.value}) is declared but never applied`, t.span.start, t.span.end);
        }
        break;
    }
  }
}
