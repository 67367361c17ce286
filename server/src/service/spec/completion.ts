/**
 * Spec completion: preamble tags at the start of a preamble line, section keywords and directives after
 * a leading `%`, macros (built-in with docs, and the spec's own) inside `%name` / `%{…}`, build conditional
 * names in `%{with …}`, targets after `%ifarch` and `%if`, and a new changelog entry after `*` in %changelog.
 */
import type { SpecDocument } from '../../rpm/ast';
import { formatChangelogDate } from '../../rpm/changelog';
import { newSpecItem } from './template';
import { basename } from '../paths';
import { baseName } from '../languageKind';
import type { SourceFolder } from './checks/sourceFiles';
import { BUILTIN_MACROS } from '../../rpm/macroData';
import { NO_EXTERNAL_MACROS, type ExternalMacros } from './macroFiles';
import { lineOfOffset, sectionAtLine } from '../../rpm/query';
import { SECTIONS } from '../../rpm/sections';
import { TAGS } from '../../rpm/tags';
import type { Settings } from '../settings';
import type { CompletionRecord } from '../types';

const DIRECTIVES: Array<[string, string, string]> = [
  ['if', 'Conditional block: `%if expression`.', 'if ${1:0%{?fedora}}\n$0\n%endif'],
  ['ifarch', 'Block for architectures: `%ifarch x86_64 aarch64`.', 'ifarch ${1:x86_64}\n$0\n%endif'],
  ['ifnarch', 'Block for all but these architectures.', 'ifnarch ${1:x86_64}\n$0\n%endif'],
  ['ifos', 'Block for operating systems.', 'ifos ${1:linux}\n$0\n%endif'],
  ['ifnos', 'Block for all but these operating systems.', 'ifnos ${1:linux}\n$0\n%endif'],
  ['elif', 'Else-if branch (rpm >= 4.15).', 'elif ${1:expression}'],
  ['elifarch', 'Else-if-arch branch (rpm >= 4.15).', 'elifarch ${1:x86_64}'],
  ['else', 'Else branch.', 'else'],
  ['endif', 'Ends a conditional.', 'endif'],
  ['global', 'Defines a macro, expanded now.', 'global ${1:name} ${2:value}'],
  ['define', 'Defines a macro, expanded when used.', 'define ${1:name} ${2:value}'],
  ['undefine', 'Removes a macro definition.', 'undefine ${1:name}'],
  ['bcond', 'Build conditional with a default (rpm >= 4.17.1): `%bcond tests 1`.', 'bcond ${1:name} ${2:1}'],
  ['bcond_with', 'Off-by-default build conditional (`--with name`).', 'bcond_with ${1:name}'],
  ['bcond_without', 'On-by-default build conditional (`--without name`).', 'bcond_without ${1:name}'],
];

const ARCHES = ['x86_64', 'aarch64', 'ppc64le', 's390x', 'riscv64', 'i686', 'noarch', '%{ix86}', '%{arm}', '%{arm64}', '%{power64}', '%{riscv}', '%{x86_64}'];
const IF_TARGETS: Array<[string, string]> = [
  ['0%{?fedora}', 'Fedora (any release)'], ['0%{?fedora} >= 41', 'Fedora 41 or newer'], ['0%{?rhel}', 'RHEL / CentOS Stream (any)'],
  ['0%{?rhel} >= 9', 'EL 9 or newer'], ['0%{?centos_hs}', 'CentOS Hyperscale SIG build tags'], ['0%{?el9}', 'EL 9 exactly'],
  ['0%{?epel}', 'EPEL builds'], ['%{defined rhel}', 'rhel is defined (rpm >= 4.17)'],
];

/**
 * `uri`: the document's, for the file name a new spec's skeleton takes its Name from; `folder`: the files
 * rpm can take sources from (sourceFolder.ts), offered as `SourceN:`/`PatchN:` values.
 */
export function specCompletion(doc: SpecDocument, offset: number, settings: Settings, now: Date, external = NO_EXTERNAL_MACROS, uri?: string, folder?: SourceFolder): CompletionRecord[] {
  const text = doc.text;
  const line = lineOfOffset(doc, offset);
  const lineStart = doc.lines[line].start;
  const prefix = text.slice(lineStart, offset);
  const section = sectionAtLine(doc, line);
  const inPreamble = !section || section.kind === 'package';

  // The file of a Source or Patch tag: what the folder has and no tag names yet.
  const source = folder && inPreamble ? /^(Source|Patch)\d*\s*:\s*([^\s%/]*)$/i.exec(prefix) : null;
  if (source) return sourceItems(doc, folder!, source[1].toLowerCase() === 'patch', { start: offset - source[2].length, end: offset });

  // A build conditional's name: %{with na|, %{without na|
  const cond = /%\{(with|without)\s+(\w*)$/.exec(prefix);
  if (cond) {
    const replace = { start: offset - cond[2].length, end: offset };
    return doc.bconds.map((b): CompletionRecord => ({ label: b.name, kind: 'variable', detail: `${doc.text.slice(b.span.start, b.span.end)} (line ${b.line + 1})`, replace }));
  }
  // Inside a macro reference: %na|, %{na|, %{?na|, %{!?na|
  const macro = /%(\{?[!?]*)([A-Za-z_][\w]*)?$/.exec(prefix);
  if (macro && !(macro[1] === '' && macro.index === 0 && /^%[a-z_]*$/.test(prefix))) {
    const start = offset - (macro[2]?.length ?? 0);
    return macroItems(doc, start, offset, external);
  }
  // %ifarch targets / %if expressions
  const dir = /^\s*%(if|elif|ifarch|ifnarch|elifarch)\s+(.*)$/.exec(prefix);
  if (dir) {
    const word = /(\S*)$/.exec(dir[2])![1];
    const replace = { start: offset - word.length, end: offset };
    if (dir[1].includes('arch')) return ARCHES.map((a, i) => ({ label: a, kind: 'enum', detail: 'architecture', replace, sortText: String(i).padStart(2, '0') }));
    const bconds = doc.bconds.map((b): CompletionRecord => ({ label: `%{with ${b.name}}`, kind: 'variable', detail: `build conditional (line ${b.line + 1})`, replace }));
    return [...IF_TARGETS.map(([label, detail], i): CompletionRecord => ({ label, kind: 'constant', detail, replace, sortText: `0${i}` })), ...bconds];
  }
  // Line start with %: sections and directives
  if (/^\s*%[a-z_]*$/i.test(prefix)) {
    const start = lineStart + prefix.indexOf('%');
    const replace = { start, end: offset };
    const items: CompletionRecord[] = [];
    if (!/^\s/.test(prefix)) {
      for (const s of SECTIONS) {
        if (s.name === 'end' || s.name === 'sepolicy') continue;
        items.push({ label: `%${s.name}`, kind: 'module', detail: 'section', documentation: s.doc, replace, sortText: `1${s.name}` });
      }
    }
    for (const [name, docText, snippet] of DIRECTIVES) {
      items.push({ label: `%${name}`, kind: 'keyword', detail: 'directive', documentation: docText, insertText: `%${snippet}`, snippet: true, replace, sortText: `0${name}` });
    }
    return items;
  }
  // Changelog entry header
  if (section?.kind === 'changelog' && /^\*?$/.test(prefix)) {
    const who = settings.changelog.name || 'Your Name';
    const mail = settings.changelog.email || 'you@example.org';
    const header = `* ${formatChangelogDate(now)} ${who} <${mail}> - \${1:version-release}\n- \${2:change}`;
    return [{ label: '* new changelog entry', kind: 'snippet', detail: formatChangelogDate(now), insertText: header, snippet: true, replace: { start: lineStart, end: offset } }];
  }
  // Preamble tags (in an empty file, first a whole new spec)
  if (inPreamble && /^[A-Za-z]*$/.test(prefix)) {
    const replace = { start: lineStart, end: offset };
    const isSub = section?.kind === 'package';
    const skeleton = text.trim() === prefix ? [newSpecItem(specName(uri), settings, now, { start: 0, end: text.length })] : [];
    return [...skeleton, ...TAGS.filter((t) => !(isSub && t.mainOnly)).map((t): CompletionRecord => {
      const label = t.numbered ? `${t.name}0` : t.name;
      return {
        label: `${label}:`, kind: 'property', detail: t.obsolete ? 'obsolete tag' : 'preamble tag', documentation: t.doc, deprecated: !!t.obsolete,
        insertText: `${label}:${' '.repeat(Math.max(1, 16 - label.length - 1))}`, replace,
        sortText: `${t.obsolete ? '9' : '1'}${t.name}`,
      };
    })];
  }
  return [];
}

/** `hello` for `file:///…/hello.spec`. */
function specName(uri: string | undefined): string | undefined {
  const name = uri ? baseName(uri) : '';
  return name.endsWith('.spec') && name.length > 5 ? name.slice(0, -5) : undefined;
}

function macroItems(doc: SpecDocument, start: number, end: number, external: ExternalMacros): CompletionRecord[] {
  const replace = { start, end };
  const seen = new Set<string>();
  const items: CompletionRecord[] = [];
  for (const d of doc.defines) {
    if (d.kind === 'undefine' || seen.has(d.name)) continue;
    seen.add(d.name);
    items.push({ label: d.name, kind: 'variable', detail: `%${d.kind} (line ${d.line + 1})`, documentation: '```rpm-spec\n' + doc.text.slice(d.span.start, Math.min(d.span.end, d.span.start + 400)) + '\n```', replace, sortText: `0${d.name}` });
  }
  for (const b of doc.bconds) {
    for (const n of [`with_${b.name}`]) {
      if (seen.has(n)) continue;
      seen.add(n);
      items.push({ label: n, kind: 'variable', detail: `%${b.kind} ${b.name}`, replace, sortText: `0${n}` });
    }
  }
  for (const d of external.defs) {
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    const head = `%${d.name}${d.params !== undefined ? `(${d.params})` : ''} `;
    items.push({ label: d.name, kind: d.params !== undefined ? 'function' : 'variable', detail: `${d.file}, line ${d.line + 1}`, documentation: '```rpm-spec\n' + (head + d.body).slice(0, 400) + '\n```', replace, sortText: `0${d.name}` });
  }
  for (const m of BUILTIN_MACROS) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    const doc2 = [m.doc, m.value !== undefined ? `Usual value: \`${m.value}\`` : '', `From: ${m.from}`].filter(Boolean).join('\n\n');
    items.push({ label: m.name, kind: m.params ? 'function' : 'constant', detail: m.from, documentation: doc2, replace, sortText: `${m.name.startsWith('_') || m.name.startsWith('__') ? '2' : '1'}${m.name}` });
  }
  return items;
}

/** Files of the source folder for a Source/Patch value, those no tag names yet first (patches first on a Patch line). */
function sourceItems(doc: SpecDocument, folder: SourceFolder, patch: boolean, replace: { start: number; end: number }): CompletionRecord[] {
  const named = new Set<string>();
  for (const t of doc.tags) if (t.key === 'source' || t.key === 'patch') named.add(basename(t.value));
  const items: CompletionRecord[] = [];
  for (const name of folder.names) {
    if (name.startsWith('.') || name === 'sources' || /\.spec$/.test(name)) continue;
    const isPatch = /\.(patch|diff)$/.test(name);
    const used = named.has(name);
    items.push({
      label: name, kind: 'file', detail: used ? 'already a Source/Patch of this spec' : 'in %{_sourcedir} or the lookaside list', replace,
      sortText: `${used ? 1 : 0}${isPatch === patch ? 0 : 1}${name}`,
    });
  }
  return items;
}
