// Spec editor features: completion, hover (with profile values), definition, outline, folding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { specCompletion } from '../../../../server/src/service/spec/completion';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { specDefinition, specHover } from '../../../../server/src/service/spec/navigation';
import { specFolding, specSymbols } from '../../../../server/src/service/spec/outline';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { LineIndex } from '../../../../server/src/common/lineIndex';

const NOW = new Date(Date.UTC(2026, 10, 24));
const S = normalizeSettings({ changelog: { name: 'Jane Packager', email: 'jane@example.org' } });
/** `text` with a `|` marking the cursor. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
const SPEC = [
  'Name:           hello', 'Version:        2.1', 'Release:        3%{?dist}', 'Summary:        Hi', 'License:        MIT',
  'Source1:        hello.service', 'Patch2:         fix.patch', '%global srcdir %{name}-%{version}', '%bcond_without tests', '',
  '%description', 'Hi.', '', '%package devel', 'Summary: Dev', '%description devel', 'Dev.', '',
  '%prep', '%autosetup -n %{srcdir}', '%patch 2 -p1', '%if %{with tests}', 'echo yes', '%else', 'echo no', '%endif', '',
  '%files devel', '%{_includedir}/x.h', '', '%changelog', '* Mon Nov 23 2026 Jane <j@x.org> - 2.1-3', '- one', '- two', '',
].join('\n');

test('tags complete at the start of a preamble line; main-only tags are not offered in a subpackage', () => {
  const { text, offset } = at(SPEC.replace('Summary: Dev', 'Sum|'));
  const items = specCompletion(parseSpec(text), offset, S, NOW);
  const summary = items.find((i) => i.label === 'Summary:')!;
  assert.equal(summary.insertText, 'Summary:        ');
  assert.deepEqual(summary.replace, { start: offset - 3, end: offset });
  assert.ok(!items.some((i) => i.label === 'Source0:'), 'Source is main-package only');
  const main = specCompletion(parseSpec('Na'), 2, S, NOW);
  assert.ok(main.some((i) => i.label === 'Source0:') && main.some((i) => i.label === 'BuildRequires:'));
  assert.equal(main.find((i) => i.label === 'Group:')!.deprecated, true);
});

test('sections and directives after a leading %', () => {
  const { text, offset } = at(SPEC + '%ch|');
  const items = specCompletion(parseSpec(text), offset, S, NOW);
  const labels = items.map((i) => i.label);
  for (const l of ['%changelog', '%check', '%prep', '%files', '%if', '%ifarch', '%global', '%bcond']) assert.ok(labels.includes(l), l);
  const ifItem = items.find((i) => i.label === '%if')!;
  assert.equal(ifItem.insertText, '%if ${1:0%{?fedora}}\n$0\n%endif');
  assert.equal(ifItem.snippet, true);
});

test('macros with docs inside %{ and %name, the spec\'s own first', () => {
  const { text, offset } = at(SPEC.replace('echo yes', 'echo %{_bi|'));
  const items = specCompletion(parseSpec(text), offset, S, NOW);
  const bindir = items.find((i) => i.label === '_bindir')!;
  assert.equal(bindir.replace!.start, offset - 3);
  assert.match(bindir.documentation!, /User executables\.\n\nUsual value: `%\{_exec_prefix\}\/bin`/);
  const own = items.find((i) => i.label === 'srcdir')!;
  assert.equal(own.detail, '%global (line 8)');
  assert.ok(items.some((i) => i.label === 'autorelease' && /rpmautospec/.test(i.documentation!)));
});

test('%ifarch offers architectures, %if offers distro conditions and bconds', () => {
  const a = at(SPEC.replace('%if %{with tests}', '%ifarch x86|'));
  assert.deepEqual(specCompletion(parseSpec(a.text), a.offset, S, NOW).slice(0, 3).map((i) => i.label), ['x86_64', 'aarch64', 'ppc64le']);
  const b = at(SPEC.replace('%if %{with tests}', '%if |'));
  const labels = specCompletion(parseSpec(b.text), b.offset, S, NOW).map((i) => i.label);
  assert.ok(labels.includes('0%{?centos_hs}') && labels.includes('0%{?rhel} >= 9') && labels.includes('%{with tests}'));
  // Inside %{with …}: the spec's build conditional names, replacing the word typed.
  const c = at(SPEC.replace('%if %{with tests}', '%if %{with te|}'));
  assert.deepEqual(specCompletion(parseSpec(c.text), c.offset, S, NOW).map((i) => [i.label, i.detail, i.replace]), [
    ['tests', '%bcond_without tests (line 9)', { start: c.offset - 2, end: c.offset }],
  ]);
});

test('a new changelog entry snippet with today\'s date and the configured packager', () => {
  const { text, offset } = at(SPEC.replace('%changelog\n', '%changelog\n*|\n'));
  const items = specCompletion(parseSpec(text), offset, S, NOW);
  assert.equal(items[0].insertText, '* Tue Nov 24 2026 Jane Packager <jane@example.org> - ${1:version-release}\n- ${2:change}');
});

test('an empty spec file offers a whole new spec, named after the file, that our own checks pass', () => {
  for (const text of ['', 'Na', '\n\n']) {
    const items = specCompletion(parseSpec(text), text.trimEnd().length, S, NOW, undefined, 'file:///ws/my-tool/my-tool.spec');
    assert.equal(items[0].label, 'new spec file');
    assert.equal(items[0].detail, 'my-tool.spec skeleton (rpmdev-newspec style)');
    assert.deepEqual(items[0].replace, { start: 0, end: text.length });
    assert.equal(items[1].label, 'Name:');
  }
  // Not once the file has content.
  assert.equal(specCompletion(parseSpec('Name: x\nV'), 9, S, NOW, undefined, 'file:///ws/x.spec')[0].label, 'Name:');
  // The snippet with its placeholders' defaults (as accepting them gives) draws no diagnostic at all; its
  // changelog entry carries the version of placeholder 2.
  const [item] = specCompletion(parseSpec(''), 0, S, NOW, undefined, 'file:///ws/my-tool/my-tool.spec');
  const defaults = new Map<string, string>();
  const expanded = item.insertText!
    .replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_, n: string, d: string) => { const v = d.replace(/\\(.)/g, '$1'); defaults.set(n, v); return v; })
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n)!);
  assert.match(expanded, /^Name: {11}my-tool\nVersion: {8}1\.0\n/);
  assert.match(expanded, /\nURL: {12}https:\/\/example\.org\/%\{name\}\n/);
  assert.match(expanded, /\n%changelog\n\* Tue Nov 24 2026 Jane Packager <jane@example\.org> - 1\.0-1\n- Initial package\n$/);
  assert.deepEqual(specDiagnostics(parseSpec(expanded), S).map((f) => `${f.code} ${f.severity}`), []);
});

test('a Source or Patch value completes to the files of the source folder, unused ones first (patches first on a Patch line)', () => {
  const folder = { names: new Set(['hello.spec', 'sources', '.gitignore', 'fix.patch', 'new.patch', 'hello.service', 'hello-2.1.tar.gz']), listed: new Set(['hello-2.1.tar.gz']), dir: '/ws/hello', where: '', lookaside: true, remoteToo: true, key: '' };
  const { text, offset } = at(SPEC.replace('Patch2:         fix.patch', 'Patch2:         fix.patch\nPatch3:         n|'));
  const items = specCompletion(parseSpec(text), offset, S, NOW, undefined, 'file:///ws/hello/hello.spec', folder);
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(sorted.map((i) => `${i.label} ${i.detail}`), [
    'new.patch in %{_sourcedir} or the lookaside list',
    'hello-2.1.tar.gz in %{_sourcedir} or the lookaside list',
    'fix.patch already a Source/Patch of this spec',
    'hello.service already a Source/Patch of this spec',
  ]);
  assert.deepEqual(items[0].replace, { start: offset - 1, end: offset });
  // Without a recognised folder, or in a macro, it is not offered.
  assert.equal(specCompletion(parseSpec(text), offset, S, NOW, undefined, 'file:///ws/hello/hello.spec').length, 0);
});

test('hover: macro defined in the file shows its definition and its value under the profile', () => {
  const doc = parseSpec(SPEC);
  const offset = SPEC.indexOf('%{srcdir}') + 3;
  const h = specHover(doc, offset, S)!;
  assert.equal(h.markdown, '**%srcdir**\n\n```rpm-spec\n%global srcdir %{name}-%{version}\n```\nDefined on line 8.\n\nUnder **fedora-rawhide**: `%{srcdir}` → `hello-2.1`');
  assert.deepEqual(h.span, { start: SPEC.indexOf('%{srcdir}'), end: SPEC.indexOf('%{srcdir}') + 9 });
});

test('hover: built-in macro doc and value per profile; %{?dist} differs for Hyperscale', () => {
  const doc = parseSpec(SPEC);
  const offset = SPEC.indexOf('%{?dist}') + 4;
  assert.match(specHover(doc, offset, S)!.markdown, /Under \*\*fedora-rawhide\*\*: `%\{\?dist\}` → `\.fc46`/);
  assert.match(specHover(doc, offset, normalizeSettings({ spec: { profile: 'el9-hs' } }))!.markdown, /Under \*\*el9-hs\*\*: `%\{\?dist\}` → `\.hs\.el9`/);
});

test('hover: tags, sections and %if evaluation', () => {
  const doc = parseSpec(SPEC);
  assert.equal(specHover(doc, SPEC.indexOf('Release:') + 2, S)!.markdown, '**Release:** The package release, usually `%autorelease` or `1%{?dist}`.');
  assert.match(specHover(doc, SPEC.indexOf('%package devel') + 2, S)!.markdown, /^\*\*%package\*\* — Declares a subpackage/);
  assert.equal(specHover(doc, SPEC.indexOf('%if %{with') + 1, S)!.markdown, '**%if** `%{with tests}`\n\nUnder **fedora-rawhide** (x86_64): taken.');
});

test('definition: macros, %{SOURCEn}, %patch N, bconds, package references', () => {
  const text = SPEC.replace('echo yes', 'install %{SOURCE1} x');
  const doc = parseSpec(text);
  const idx = new LineIndex(text);
  const line = (offset: number) => idx.positionAt(specDefinition(doc, offset, 'file:///x.spec')[0].span!.start).line + 1;
  assert.equal(line(text.indexOf('%{srcdir}') + 3), 8);
  assert.equal(line(text.indexOf('%{SOURCE1}') + 3), 6);
  assert.equal(line(text.indexOf('%patch 2') + 2), 7);
  assert.equal(line(text.indexOf('%{with tests}') + 8), 9);
  assert.equal(line(text.indexOf('%files devel') + 8), 14);
  assert.deepEqual(specDefinition(doc, text.indexOf('%autosetup') + 2, 'file:///x.spec'), []);
});

test('outline: preamble with tags, macros, sections with subpackage and changelog entries', () => {
  const symbols = specSymbols(parseSpec(SPEC));
  assert.deepEqual(symbols.map((s) => `${s.kind} ${s.name}${s.detail ? ' (' + s.detail + ')' : ''}`), [
    'package hello (preamble)', 'namespace Macros (1 definitions)', 'function %description', 'package %package devel (hello-devel)',
    'function %description devel (hello-devel)', 'function %prep', 'function %files devel (hello-devel)', 'event %changelog',
  ]);
  assert.deepEqual(symbols[0].children!.map((c) => c.name), ['Name', 'Version', 'Release', 'Summary', 'License', 'Source1', 'Patch2']);
  assert.deepEqual(symbols[7].children!.map((c) => `${c.name} @ ${c.detail}`), ['2.1-3 — Jane @ Mon Nov 23 2026']);
});

test('folding: sections, %if branches, changelog entries', () => {
  const idx = new LineIndex(SPEC);
  const folds = specFolding(parseSpec(SPEC)).map((f) => `${idx.positionAt(f.start).line + 1}-${idx.positionAt(f.end).line + 1}${f.kind ? ' ' + f.kind : ''}`);
  assert.deepEqual(folds, ['11-13', '14-15', '16-18', '19-27', '28-30', '31-35', '22-23 region', '24-25 region', '32-34']);
});

test('hover on a %patch line names the patch files it applies', () => {
  const doc = parseSpec(SPEC);
  const at = SPEC.indexOf('%patch 2 -p1') + 9;
  assert.deepEqual(specHover(doc, at, S), { markdown: '**%patch** applies Patch2: `fix.patch` (line 7)', span: { start: at - 9, end: at + 3 } });
  const two = parseSpec(SPEC.replace('%patch 2 -p1', '%patch -P 2 -P 5'));
  assert.equal(specHover(two, SPEC.indexOf('%patch 2 -p1') + 2, S)!.markdown, '**%patch** applies Patch2: `fix.patch` (line 7), Patch5: *not declared*');
});

test('hover on a build conditional\'s name: its default and the rpmbuild switch', () => {
  const text = '%bcond_without tests\n%bcond docs 0\n%bcond gui %{with tests}\n' + SPEC;
  const doc = parseSpec(text);
  const md = (needle: string) => specHover(doc, text.indexOf(needle) + 1, S)!.markdown;
  assert.equal(md('tests\n'), '**Build conditional tests**: on by default; `rpmbuild --without tests` turns it off. Test it with `%{with tests}`.');
  assert.equal(md('docs 0'), '**Build conditional docs**: off by default; `rpmbuild --with docs` turns it on. Test it with `%{with docs}`.');
  assert.equal(md('gui '), '**Build conditional gui**: its default is an expression; `rpmbuild --with gui` or `--without gui` sets it. Test it with `%{with gui}`.');
});
