// References, highlights and rename of a spec's own macros and build conditionals; document links on
// URL/Source/Patch values (expanded with the spec's macros; local files next to the spec or in ../SOURCES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { occurrencesOf, renameProblem } from '../../../../server/src/rpm/occurrences';
import type { Span } from '../../../../server/src/common/findings';
import { createLanguageService } from '../../../../server/src/service';
import { BASE } from './helpers';
import { context, memoryHost } from '../memoryHost';
import { SPEC_CORPUS } from '../../../corpus';

const SPEC = [
  '%global commit 0123abc',
  '%global shortcommit %(c=%{commit}; echo ${c:0:7})',
  '%bcond_without tests',
  BASE.trimEnd(),
  '# built from %{commit}',
  '%build',
  'echo %commit %{?commit} %{!?commit:none} %{defined commit}',
  '%if %{with tests} && 0%{?with_tests}',
  'make check %{?_without_tests}',
  '%endif',
  '%install',
  'cp -a %{_libdir} %{name}',
  '%undefine commit',
  '',
].join('\n');

const service = createLanguageService();
const doc = (text: string, uri = 'file:///ws/hello/hello.spec') => ({ uri, languageId: 'rpm-spec', version: 1, text });
const idx = new LineIndex(SPEC);
/** 1-based `L:C-L:C`. */
const at = (s: Span) => {
  const a = idx.positionAt(s.start);
  const b = idx.positionAt(s.end);
  return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
};
/** The offset of the n-th (0-based) occurrence of `needle`, plus `delta`. */
const offsetOf = (needle: string, n = 0, delta = 1) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = SPEC.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i + delta;
};
const ctx = () => context(memoryHost({}));

test('references of a %global: every use in any form, from a use or from the definition', async () => {
  const all = ['1:9-1:15', '2:27-2:33', '12:16-12:22', '14:7-14:13', '14:17-14:23', '14:29-14:35', '14:52-14:58', '20:11-20:17'];
  const fromUse = await service.references(doc(SPEC), offsetOf('%commit'), true, ctx());
  assert.deepEqual(fromUse.map((l) => at(l.span!)), all);
  assert.ok(fromUse.every((l) => l.uri === 'file:///ws/hello/hello.spec'));
  const fromDef = await service.references(doc(SPEC), offsetOf('commit'), false, ctx());
  // Without declarations: the %global and the %undefine are left out.
  assert.deepEqual(fromDef.map((l) => at(l.span!)), all.filter((r) => r !== '1:9-1:15' && r !== '20:11-20:17'));
});

test('a build conditional: %bcond_without, %{with x}, %{?with_x} and %{?_without_x}', async () => {
  const hl = await service.highlights(doc(SPEC), offsetOf('%{with tests}', 0, 8), ctx());
  assert.deepEqual(hl.map((h) => `${at(h.span)} ${h.kind}`), ['3:16-3:21 write', '15:12-15:17 read', '15:31-15:36 read', '16:24-16:29 read']);
});

test('rename a %global and a bcond; macros the spec does not define are refused', async () => {
  const prep = await service.prepareRename(doc(SPEC), offsetOf('%{?commit}', 0, 4), ctx());
  assert.ok(prep && 'span' in prep);
  assert.deepEqual([at(prep.span), prep.placeholder], ['14:17-14:23', 'commit']);
  const r = await service.rename(doc(SPEC), offsetOf('%{?commit}', 0, 4), 'gitcommit', ctx());
  assert.ok('edits' in r);
  let text = SPEC;
  for (const e of [...r.edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  assert.equal(text.split('\n')[13], 'echo %gitcommit %{?gitcommit} %{!?gitcommit:none} %{defined gitcommit}');
  assert.equal(text.split('\n')[1], '%global shortcommit %(c=%{gitcommit}; echo ${c:0:7})');
  assert.equal((text.match(/\bcommit\b/g) ?? []).length, 0);

  const b = await service.rename(doc(SPEC), offsetOf('with_tests', 0, 6), 'check', ctx());
  assert.ok('edits' in b);
  assert.deepEqual(b.edits.map((e) => at(e.span)), ['3:16-3:21', '15:12-15:17', '15:31-15:36', '16:24-16:29']);

  assert.deepEqual(await service.prepareRename(doc(SPEC), offsetOf('%{_libdir}', 0, 3), ctx()),
    { error: '%_libdir is not defined in this spec (rpm, the distribution or an included file defines it), so it cannot be renamed here' });
  assert.deepEqual(await service.rename(doc(SPEC), offsetOf('%commit'), '9lives', ctx()),
    { error: "'9lives' is not a macro name (letters, digits and _, not starting with a digit)" });
  assert.deepEqual(await service.rename(doc(SPEC), offsetOf('%commit'), 'shortcommit', ctx()), { error: '%shortcommit is already defined in this spec' });
  assert.equal(await service.prepareRename(doc(SPEC), offsetOf('make check'), ctx()), undefined);
  assert.deepEqual(await service.prepareRename(doc(SPEC), offsetOf('%{name}', 0, 3), ctx()), { error: '%name is the value of the Name: tag, so it cannot be renamed' });
  assert.deepEqual(await service.prepareRename(doc(SPEC + 'cp %{SOURCE12} .\n'), SPEC.length + 6, ctx()), { error: '%SOURCE12 is the value of the Source12: tag, so it cannot be renamed' });
});

test('document links: URL and Source expanded with the spec\'s macros, local patches next to the spec or in ../SOURCES', async () => {
  const text = BASE.replace('License:        MIT', [
    'License:        MIT',
    'URL:            https://github.com/example/%{name}',
    'Source0:        %{url}/archive/v%{version}/%{name}-%{version}.tar.gz',
    'Source1:        hello.desktop',
    'Source2:        %{name}-extra.conf',
    'Source3:        %(echo unknown)',
    'Source4:        %{undefined_base}/x.tar.gz',
    'Patch0:         https://github.com/example/hello/pull/1.patch#/fix.patch',
    'Patch1:         missing.patch',
  ].join('\n'));
  const host = memoryHost({ '/ws/hello/hello.desktop': '[Desktop Entry]\n', '/home/u/rpmbuild/SOURCES/hello-extra.conf': 'x\n' });
  const links = async (uri: string) => (await service.links(doc(text, uri), context(host))).map((l) => {
    const i = new LineIndex(text);
    return `${i.positionAt(l.span.start).line + 1} ${l.target}${l.tooltip ? ` (${l.tooltip})` : ''}`;
  });
  assert.deepEqual(await links('file:///ws/hello/hello.spec'), [
    '6 https://github.com/example/hello (Open https://github.com/example/hello)',
    '7 https://github.com/example/hello/archive/v1.0/hello-1.0.tar.gz (Open https://github.com/example/hello/archive/v1.0/hello-1.0.tar.gz)',
    '8 file:///ws/hello/hello.desktop (Open hello.desktop)',
    '12 https://github.com/example/hello/pull/1.patch#/fix.patch',
  ]);
  assert.deepEqual(await links('file:///home/u/rpmbuild/SPECS/hello.spec'), [
    '6 https://github.com/example/hello (Open https://github.com/example/hello)',
    '7 https://github.com/example/hello/archive/v1.0/hello-1.0.tar.gz (Open https://github.com/example/hello/archive/v1.0/hello-1.0.tar.gz)',
    '9 file:///home/u/rpmbuild/SOURCES/hello-extra.conf (Open ../SOURCES/hello-extra.conf)',
    '12 https://github.com/example/hello/pull/1.patch#/fix.patch',
  ]);
  // Unsaved: only the web addresses.
  assert.equal((await links('untitled:Untitled-1')).length, 3);
});

test('document links follow the profile: a %global in a false %if branch does not count', async () => {
  const text = '%if 0%{?rhel}\n%global mirror https://el.example.org\n%else\n%global mirror https://fedora.example.org\n%endif\n' +
    BASE.replace('License:        MIT', 'License:        MIT\nSource0:        %{mirror}/hello.tar.gz');
  const targets = async (settings: unknown) => (await service.links(doc(text), context(memoryHost({}), settings))).map((l) => l.target);
  assert.deepEqual(await targets({}), ['https://fedora.example.org/hello.tar.gz']);
  assert.deepEqual(await targets({ spec: { profile: 'el9-hs' } }), ['https://el.example.org/hello.tar.gz']);
});

test('rename reaches the name inside macro bodies and arguments: %{!?x: %global x …}, %{expand:%%global x}, %%{x}, Lua', async () => {
  const text = [
    '%{!?pkgdoc: %global pkgdoc %{_docdir}/%{name}}',
    '%define setdoc() %{expand:%%global pkgdoc %1}%%{?pkgdoc}',
    '%{lua: rpm.define("pkgdoc /x") print(rpm.expand("%{pkgdoc}")) macros.pkgdoc = "/y"}',
    BASE.trimEnd(),
    '%install',
    'mkdir -p %{buildroot}%{pkgdoc} %{pkgdocs}',
    '',
  ].join('\n');
  const at = text.indexOf('%{buildroot}%{pkgdoc}') + 14;
  const r = await service.rename(doc(text), at, 'docdir', ctx());
  assert.ok('edits' in r);
  let out = text;
  for (const e of [...r.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  assert.deepEqual(out.split('\n').slice(0, 3), [
    '%{!?docdir: %global docdir %{_docdir}/%{name}}',
    '%define setdoc() %{expand:%%global docdir %1}%%{?docdir}',
    '%{lua: rpm.define("docdir /x") print(rpm.expand("%{docdir}")) macros.docdir = "/y"}',
  ]);
  assert.match(out, /mkdir -p %\{buildroot\}%\{docdir\} %\{pkgdocs\}/);
  // A parametric macro's arguments are not names of the spec.
  assert.deepEqual(await service.references(doc(text), text.indexOf('%1') + 1, true, ctx()), []);
});

test('rename round trip on real specs: after renaming each %global/%define, the new name has every use and the old none', () => {
  const corpus = SPEC_CORPUS;
  let checked = 0;
  for (const file of ['r0x0d__fedora-rpm-specs__specs__kernel.spec', 'r0x0d__fedora-rpm-specs__specs__python3.13.spec', 'r0x0d__fedora-rpm-specs__specs__grub2.spec']) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const doc = parseSpec(text);
    for (const name of [...new Set(doc.defines.filter((d) => d.kind !== 'undefine').map((d) => d.name))].slice(0, 40)) {
      const target = { kind: 'macro' as const, name, span: { start: 0, end: 0 } };
      if (renameProblem(doc, target, 'zz_renamed')) continue;
      const before = occurrencesOf(doc, target);
      let out = text;
      for (const o of [...before].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, o.span.start) + 'zz_renamed' + out.slice(o.span.end);
      const after = parseSpec(out);
      assert.equal(occurrencesOf(after, { kind: 'macro', name: 'zz_renamed' }).length, before.length, `${file}: %${name}`);
      assert.equal(occurrencesOf(after, { kind: 'macro', name }).length, 0, `${file}: %${name} left`);
      checked++;
    }
  }
  assert.ok(checked >= 60, `only ${checked} renames checked`);
});
