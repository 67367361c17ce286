// Macros from files the spec includes or loads: read next to the spec or in ../SOURCES; unread ones turn the
// undefined-macro check off where rpm reads them, with an information diagnostic saying why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/service';
import { BASE, describe } from './helpers';
import { context, memoryHost } from '../memoryHost';

const SPEC = BASE.replace('License:        MIT', 'License:        MIT\nSource1:        grub.macros') + [
  '%include %{SOURCE1}',
  '%build',
  'make %{grubefiarch} %{typo_arch}',
].join('\n') + '\n';

async function run(files: Record<string, string>, uri: string, text = SPEC, settings: unknown = {}): Promise<string[]> {
  const found = await createLanguageService().diagnostics({ uri, languageId: 'rpm-spec', version: 1, text }, context(memoryHost(files), settings));
  return found.filter((f) => f.code === 'undefined-macro' || f.code === 'macro-file-unread').map((f) => describe(text, f));
}

const TYPO = 'undefined-macro warning 12:21-12:33 Macro %{typo_arch} is not defined: rpm leaves it unexpanded (write %{?typo_arch} if it is optional)';

test('names defined in an included file next to the spec are known; other names are still reported', async () => {
  const macros = '%global grubefiarch x64\n%define other 1\n';
  assert.deepEqual(await run({ '/ws/grub2/grub.macros': macros }, 'file:///ws/grub2/grub2.spec'), [TYPO]);
});

test('an rpmbuild tree: the file is found in ../SOURCES', async () => {
  const macros = '%grubefiarch x64\n';
  assert.deepEqual(await run({ '/home/u/rpmbuild/SOURCES/grub.macros': macros }, 'file:///home/u/rpmbuild/SPECS/grub2.spec'), [TYPO]);
});

test('a file that cannot be read: one information diagnostic on the line and no undefined-macro warnings', async () => {
  assert.deepEqual(await run({}, 'file:///ws/grub2/grub2.spec'), [
    'macro-file-unread information 10:1-10:20 Macros from %include %{SOURCE1} are unknown (grub.macros is neither next to the spec nor in ../SOURCES), so undefined macros are not reported for profiles that read this line',
  ]);
  assert.deepEqual(await run({ '/ws/grub2/grub.macros': '%global grubefiarch x64\n' }, 'untitled:Untitled-1'), [
    'macro-file-unread information 10:1-10:20 Macros from %include %{SOURCE1} are unknown (the spec is not saved in a folder), so undefined macros are not reported for profiles that read this line',
  ]);
});

test('an unread file on a line inactive for the profile does not silence the check', async () => {
  const text = SPEC.replace('%include %{SOURCE1}', '%if 0%{?rhel}\n%include %{SOURCE1}\n%endif');
  assert.deepEqual(await run({}, 'file:///ws/grub2/grub2.spec', text), [
    'macro-file-unread hint 11:1-11:20 Macros from %include %{SOURCE1} are unknown (grub.macros is neither next to the spec nor in ../SOURCES), so undefined macros are not reported for profiles that read this line (inactive for fedora-rawhide)',
    'undefined-macro warning 14:6-14:20 Macro %{grubefiarch} is not defined: rpm leaves it unexpanded (write %{?grubefiarch} if it is optional)',
    'undefined-macro warning 14:21-14:33 Macro %{typo_arch} is not defined: rpm leaves it unexpanded (write %{?typo_arch} if it is optional)',
  ]);
});

test('an edited macro file is read again', async () => {
  const host = memoryHost({ '/ws/g/grub.macros': '%global grubefiarch x64\n' });
  const service = createLanguageService();
  const ctx = context(host);
  const doc = (version: number) => ({ uri: 'file:///ws/g/grub2.spec', languageId: 'rpm-spec', version, text: SPEC });
  const names = async (version: number) => (await service.diagnostics(doc(version), ctx)).filter((f) => f.code === 'undefined-macro').map((f) => (f.data as { name: string }).name);
  assert.deepEqual(await names(1), ['typo_arch']);
  host.files.set('/ws/g/grub.macros', new TextEncoder().encode('%global grubefiarch x64\n%global typo_arch 1\n'));
  host.stat = async (p) => (host.files.has(p) ? { size: host.files.get(p)!.length, mtimeMs: 2 } : undefined);
  assert.deepEqual(await names(2), []);
});

const MACROS = ['%global grubefiarch x64', '%ifarch x86_64', '%global grubxenarch x86_64-xen', '%endif', '%global with_xen 0', ''].join('\n');
const WITH_XEN = SPEC.replace('%build', '%if 0%{with_xen}\n%package xen\nSummary: x\n%description xen\nx\n%endif\n%build');

test('hover shows a definition from the macro file and its value under the profile', async () => {
  const service = createLanguageService();
  const ctx = context(memoryHost({ '/ws/grub2/grub.macros': MACROS }));
  const doc = { uri: 'file:///ws/grub2/grub2.spec', languageId: 'rpm-spec', version: 1, text: SPEC };
  const at = (s: string) => SPEC.indexOf(s) + 3;
  const hover = await service.hover(doc, at('%{grubefiarch}'), ctx);
  assert.equal(hover!.markdown, [
    '**%grubefiarch**', '```rpm-spec\n%grubefiarch x64\n```\ngrub.macros, line 1.', 'Under **fedora-rawhide**: `%{grubefiarch}` → `x64`',
  ].join('\n\n'));
  const conditional = await service.hover({ ...doc, text: SPEC.replace('%{typo_arch}', '%{grubxenarch}') }, at('%{typo_arch}'), ctx);
  assert.equal(conditional!.markdown, [
    '**%grubxenarch**', '```rpm-spec\n%grubxenarch x86_64-xen\n```\ngrub.macros, line 3 (inside a conditional there).',
    'Under **fedora-rawhide**: defined inside a conditional in grub.macros; its value is not computed.',
  ].join('\n\n'));
});

test('go to definition opens the macro file at the name', async () => {
  const service = createLanguageService();
  const ctx = context(memoryHost({ '/ws/grub2/grub.macros': MACROS }));
  const doc = { uri: 'file:///ws/grub2/grub2.spec', languageId: 'rpm-spec', version: 1, text: SPEC };
  assert.deepEqual(await service.definition(doc, SPEC.indexOf('%{grubefiarch}') + 4, ctx), [
    { uri: 'file:///ws/grub2/grub.macros', range: { start: { line: 0, character: 8 }, end: { line: 0, character: 19 } } },
  ]);
});

test('conditionals use what the macro file defines for every build', async () => {
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/grub2/grub2.spec', languageId: 'rpm-spec', version: 1, text: WITH_XEN };
  const withFile = await service.inactiveRegions(doc, context(memoryHost({ '/ws/grub2/grub.macros': MACROS })));
  assert.deepEqual(withFile, { profile: 'fedora-rawhide', regions: [{ startLine: 11, endLine: 14 }] });
  // Without the file, %{with_xen} is unknown: nothing is faded.
  assert.deepEqual(await service.inactiveRegions(doc, context(memoryHost({}))), { profile: 'fedora-rawhide', regions: [] });
});

test('completion offers the macro file\'s names with their definitions', async () => {
  const service = createLanguageService();
  const ctx = context(memoryHost({ '/ws/grub2/grub.macros': MACROS }));
  const text = SPEC.replace('%{typo_arch}', '%{grub');
  const doc = { uri: 'file:///ws/grub2/grub2.spec', languageId: 'rpm-spec', version: 1, text };
  const items = await service.completion(doc, text.indexOf('%{grub') + 6, ctx);
  const fromFile = items.filter((i) => i.detail?.startsWith('grub.macros'));
  assert.deepEqual(fromFile.map((i) => [i.label, i.detail, i.documentation]), [
    ['grubefiarch', 'grub.macros, line 1', '```rpm-spec\n%grubefiarch x64\n```'],
    ['grubxenarch', 'grub.macros, line 3', '```rpm-spec\n%grubxenarch x86_64-xen\n```'],
    ['with_xen', 'grub.macros, line 5', '```rpm-spec\n%with_xen 0\n```'],
  ]);
});
