// The real bundled server over stdio, on spec files: diagnostics as published, settings, specInfo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_PREAMBLE, spawnServer, type Diagnostic, type TestClient } from './harness';
import { SPEC_CORPUS } from '../corpus';

/** The 16k-line EL8 selinux-policy spec from the corpus (large enough for the incremental path and the warm-up). */
const SELINUX_POLICY = () => {
  const corpus = SPEC_CORPUS;
  return readFileSync(join(corpus, 'openela-main__selinux-policy__SPECS__selinux-policy~el8.spec'), 'utf8');
};

const SPEC = [
  ...DEMO_PREAMBLE,
  'Group:          Demo',
  '',
  '%description',
  'Demo.',
  '',
  '%prep',
  '%setup -n demo',
  '%endif',
].join('\n');

const brief = (d: Diagnostic) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.source}`;

test('publishes spec diagnostics with codes, severities, ranges and sources; updates on change', async () => {
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/demo.spec';
  client.open(uri, 'rpm-spec', SPEC);
  const diags = await client.diagnostics(uri, { version: 1 });
  assert.deepEqual(diags.map(brief), [
    'group-tag 4 5:0-5:20 rpmlint',
    'setup-not-quiet 2 11:0-11:6 rpmlint',
    'endif-without-if 1 12:0-12:6 rpm',
  ]);
  assert.equal(diags[2].message, '%endif with no %if');
  assert.deepEqual(diags[0].tags, [1]);
  const v2 = client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 6 } }, text: '' }]);
  const after = await client.diagnostics(uri, { version: v2 });
  assert.deepEqual(after.map((d) => d.code), ['group-tag', 'setup-not-quiet']);
  await client.shutdown();
});

test('severity settings from initializationOptions change and silence codes', async () => {
  const { client } = spawnServer();
  await client.initialize({ initializationOptions: { settings: { diagnostics: { severity: { 'group-tag': 'off', 'setup-not-quiet': 'error' } } } } });
  const uri = 'file:///tmp/demo2.spec';
  client.open(uri, 'rpm-spec', SPEC);
  const diags = await client.diagnostics(uri, { version: 1 });
  assert.deepEqual(diags.map((d) => `${d.code} ${d.severity}`), ['setup-not-quiet 1', 'endif-without-if 1']);
  await client.shutdown();
});

test('settings pulled with workspace/configuration; the spec id `rpmspec` of other extensions works too', async () => {
  const { client } = spawnServer();
  await client.initialize({ configuration: (section) => (section === 'hyperscale' ? { diagnostics: { severity: { 'endif-without-if': 'warning' } } } : null) });
  const uri = 'file:///tmp/demo3.spec';
  client.open(uri, 'rpmspec', SPEC);
  const diags = await client.diagnostics(uri, { version: 1 });
  assert.equal(diags.find((d) => d.code === 'endif-without-if')!.severity, 2);
  await client.shutdown();
});

test('hyperscale/specInfo answers the expanded package identity', async () => {
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/info.spec';
  client.open(uri, 'rpm-spec', '%global srcname Demo\nName: python-%{lower:%{srcname}}\nEpoch: 2\nVersion: 1.%{?minor}0\nRelease: %autorelease\n');
  await client.diagnostics(uri, { version: 1 });
  const info = await client.request('hyperscale/specInfo', { uri });
  assert.deepEqual(info, { name: 'python-demo', epoch: '2', version: '1.0', release: null, autorelease: true });
  await client.shutdown();
});

test('hyperscale/expandedSpec: the spec as the configured or a named profile builds it; null for a KIWI file', async () => {
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/expanded.spec';
  client.open(uri, 'rpm-spec', 'Name: p\nVersion: 1\nRelease: 2%{?dist}\nSummary: s\nLicense: MIT\n%if 0%{?rhel}\nRequires: el\n%endif\n%description\n%{name} %(date)\n');
  await client.diagnostics(uri, { version: 1 });
  assert.deepEqual(await client.request('hyperscale/expandedSpec', { uri }),
    { profile: 'fedora-rawhide', text: 'Name: p\nVersion: 1\nRelease: 2.fc46\nSummary: s\nLicense: MIT\n\n\n\n%description\np %(date)\n', unknownLines: 1 });
  assert.deepEqual(await client.request('hyperscale/expandedSpec', { uri, profile: 'el9-hs' }),
    { profile: 'el9-hs', text: 'Name: p\nVersion: 1\nRelease: 2.hs.el9\nSummary: s\nLicense: MIT\n\nRequires: el\n\n%description\np %(date)\n', unknownLines: 1 });
  const kiwi = 'file:///tmp/x.kiwi';
  client.open(kiwi, 'kiwi', '<image schemaversion="7.4" name="x"/>\n');
  assert.equal(await client.request('hyperscale/expandedSpec', { uri: kiwi }), null);
  await client.shutdown();
});

test('distro profile: inactive regions, hint diagnostics and inlay hints follow a profile switch (workspace/configuration)', async () => {
  const { client } = spawnServer();
  let profile = 'fedora-rawhide';
  await client.initialize({ configuration: (section) => (section === 'hyperscale' ? { spec: { profile } } : null) });
  const uri = 'file:///tmp/profile.spec';
  const text = [
    'Name: p', 'Version: 1', 'Release: 1%{?dist}', 'Summary: S', 'License: MIT', '%description', 'd', '%build',
    '%if 0%{?rhel}', 'echo %{el_only}', '%else', 'echo %{fedora_only}', '%endif', '',
  ].join('\n');
  client.open(uri, 'rpm-spec', text);
  const fedora = await client.diagnostics(uri, { version: 1 });
  assert.deepEqual(fedora.map((d) => `${d.range.start.line} ${d.severity}`), ['9 4', '11 2']);
  assert.deepEqual(await client.request('hyperscale/inactiveRegions', { uri }), { profile: 'fedora-rawhide', regions: [{ startLine: 9, endLine: 9 }] });
  const hints = async () => (await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 14, character: 0 } } }))
    .map((h: { position: { line: number; character: number }; label: string }) => `${h.position.line}:${h.position.character} ${h.label}`);
  assert.deepEqual(await hints(), ['2:18 → 1.fc46']);
  profile = 'el9-hs';
  const before = client.published.length;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const el = await client.diagnostics(uri, { pred: () => client.published.length > before });
  // The editor is asked to fetch the inlay hints again, which now show the el9-hs dist.
  assert.ok(client.inlayRefreshes >= 1);
  assert.deepEqual(await hints(), ['2:18 → 1.hs.el9']);
  assert.deepEqual(el.map((d) => `${d.range.start.line} ${d.severity}`), ['9 2', '11 4']);
  assert.deepEqual(await client.request('hyperscale/inactiveRegions', { uri }), { profile: 'el9-hs', regions: [{ startLine: 11, endLine: 11 }] });
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 12 } });
  assert.match(hover.contents.value, /Under \*\*el9-hs\*\*: `%\{\?dist\}` → `\.hs\.el9`/);
  await client.shutdown();
});

test('incremental edits over LSP publish what opening the edited text fresh publishes', async () => {
  let text = SELINUX_POLICY();
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/edited.spec';
  client.open(uri, 'rpm-spec', text);
  await client.diagnostics(uri, { version: 1 });
  // Edits as an editor sends them: a keystroke, a new %global, a pasted subpackage, a deleted stretch.
  const lines = () => text.split('\n');
  const edits: Array<{ line: number; character: number; endLine?: number; endCharacter?: number; text: string }> = [
    { line: 400, character: 0, text: 'x' },
    { line: 20, character: 0, text: '%global extra_macro 1\n' },
    { line: 900, character: 0, text: '%package extra\nSummary: Extra\nProvides: extra-thing\n%description extra\nExtra.\n%files extra\n/usr/lib64/extra\n' },
    { line: 1200, character: 0, endLine: 1260, endCharacter: 0, text: '' },
    { line: lines().length - 3, character: 0, text: '- %{name} in the changelog\n' },
  ];
  let version = 1;
  for (const e of edits) {
    const range = { start: { line: e.line, character: e.character }, end: { line: e.endLine ?? e.line, character: e.endCharacter ?? e.character } };
    const all = lines();
    const startOffset = all.slice(0, range.start.line).join('\n').length + (range.start.line ? 1 : 0) + range.start.character;
    const endOffset = all.slice(0, range.end.line).join('\n').length + (range.end.line ? 1 : 0) + range.end.character;
    text = text.slice(0, startOffset) + e.text + text.slice(endOffset);
    version = client.change(uri, [{ range, text: e.text }]);
    const incremental = await client.diagnostics(uri, { version });
    const freshUri = `file:///tmp/fresh-${version}.spec`;
    client.open(freshUri, 'rpm-spec', text);
    const fresh = await client.diagnostics(freshUri, { version: 1 });
    assert.deepEqual(incremental, fresh, `after edit ${JSON.stringify(e).slice(0, 80)}`);
  }
  await client.shutdown();
});

test('a large spec is warmed up while idle: nothing more is published, and edits afterwards are right', async () => {
  const text = SELINUX_POLICY();
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/warm.spec';
  client.open(uri, 'rpm-spec', text);
  const opened = await client.diagnostics(uri, { version: 1 });
  // The warm-up runs 300 ms after the publication.
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1]);
  assert.deepEqual(client.logs.filter((l) => /warm-up|failed/.test(l)), []);
  assert.equal(client.logs.filter((l) => l.includes(`warmed up the edit path on ${uri} (`)).length, 1, client.logs.join('\n'));
  // The edit the warm-up made and undid is not in the document; a real edit gives what a fresh open gives.
  const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }]);
  const edited = await client.diagnostics(uri, { version });
  client.open('file:///tmp/warm-fresh.spec', 'rpm-spec', `# top\n${text}`);
  const fresh = await client.diagnostics('file:///tmp/warm-fresh.spec', { version: 1 });
  assert.deepEqual(edited, fresh);
  assert.equal(edited.length, opened.length);
  await client.shutdown();
});

test('macros from an %include file next to the spec: no undefined-macro warning, and go to definition opens the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'macrofile-'));
  try {
    writeFileSync(join(dir, 'grub.macros'), '%global grubefiarch x64\n');
    const text = SPEC.replace('Group:          Demo', 'Source1:        grub.macros\n%include %{SOURCE1}').replace('%endif', 'make %{grubefiarch} %{nosuch}');
    const { client } = spawnServer();
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'grub2.spec')).href;
    client.open(uri, 'rpm-spec', text);
    const diags = await client.diagnostics(uri, { version: 1 });
    assert.deepEqual(diags.filter((d) => d.code === 'undefined-macro').map((d) => d.message), [
      'Macro %{nosuch} is not defined: rpm leaves it unexpanded (write %{?nosuch} if it is optional)',
    ]);
    const locations = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 13, character: 8 } });
    assert.deepEqual(locations, [{ uri: pathToFileURL(join(dir, 'grub.macros')).href, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 19 } } }]);
    await client.shutdown();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server watches the macro file it read and checks the spec again when the file changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'macrowatch-'));
  try {
    const macros = join(dir, 'grub.macros');
    writeFileSync(macros, '%global grubefiarch x64\n');
    const text = SPEC.replace('Group:          Demo', 'Source1:        grub.macros\n%include %{SOURCE1}').replace('%endif', 'make %{grubefiarch} %{later}');
    const { client } = spawnServer();
    await client.initialize({ watchFiles: true });
    const uri = pathToFileURL(join(dir, 'grub2.spec')).href;
    client.open(uri, 'rpm-spec', text);
    const undefinedNames = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'undefined-macro').map((d) => d.message.split(' ')[1]);
    assert.deepEqual(undefinedNames(await client.diagnostics(uri, { version: 1 })), ['%{later}']);
    const reg = await client.firstRegistration();
    assert.equal(reg?.method, 'workspace/didChangeWatchedFiles');
    assert.deepEqual(reg.registerOptions.watchers, [{ globPattern: { baseUri: pathToFileURL(dir).href, pattern: 'grub.macros' } }]);
    const after = await client.editWatchedFile(macros, '%global grubefiarch x64\n%global later 1\n', uri, 1);
    assert.deepEqual(undefinedNames(after), []);
    await client.shutdown();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dist-git: a patch missing from the spec\'s folder is reported, and adding the file (a watched folder) clears it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'distgit-'));
  let client: TestClient | undefined;
  try {
    writeFileSync(join(dir, 'sources'), `SHA512 (demo-1.0.tar.gz) = ${'0'.repeat(128)}\n`);
    const text = SPEC.replace('Group:          Demo', 'Source0:        https://example.org/demo-1.0.tar.gz\nPatch0:         fix.patch');
    client = spawnServer().client;
    await client.initialize({ watchFiles: true });
    const uri = pathToFileURL(join(dir, 'demo.spec')).href;
    client.open(uri, 'rpm-spec', text);
    const missing = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'source-file-missing').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
    assert.deepEqual(missing(await client.diagnostics(uri, { version: 1 })), [
      `6:16-25 Patch0 fix.patch is neither in the spec's folder nor listed in its sources file: rpmbuild stops with "Bad file: ${join(dir, 'fix.patch')}: No such file or directory"`,
    ]);
    assert.deepEqual((await client.firstRegistration())?.registerOptions.watchers, [
      { globPattern: { baseUri: pathToFileURL(dir).href, pattern: 'sources' } },
      { globPattern: { baseUri: pathToFileURL(dir).href, pattern: '*' } },
    ]);
    assert.deepEqual(missing(await client.editWatchedFile(join(dir, 'fix.patch'), 'diff --git a/x b/x\n', uri, 1)), []);
  } finally {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('auto profile: the git HEAD is watched, and checking out another branch checks the spec again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'headwatch-'));
  let client: TestClient | undefined;
  try {
    mkdirSync(join(dir, '.git'));
    const head = join(dir, '.git', 'HEAD');
    writeFileSync(head, 'ref: refs/heads/c9s-hs\n');
    const text = SPEC.replace('Group:          Demo', 'Patch1:         fix.patch').replace('%endif', '%patch 1 -p1');
    client = spawnServer().client;
    await client.initialize({ watchFiles: true });
    const uri = pathToFileURL(join(dir, 'demo.spec')).href;
    client.open(uri, 'rpm-spec', text);
    const positional = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'patch-positional-number').map((d) => d.message);
    assert.deepEqual(positional(await client.diagnostics(uri, { version: 1 })), [
      '%patch 1 also applies Patch0 with rpm before 4.18 (el9-hs: rpm 4.16): write %patch -P 1, which every rpm reads',
    ]);
    // The git HEAD, and the spec's folder (a git checkout: where rpm takes its sources from).
    assert.deepEqual((await client.firstRegistration())?.registerOptions.watchers, [
      { globPattern: { baseUri: pathToFileURL(join(dir, '.git')).href, pattern: 'HEAD' } },
      { globPattern: { baseUri: pathToFileURL(dir).href, pattern: '*' } },
    ]);
    assert.deepEqual(positional(await client.editWatchedFile(head, 'ref: refs/heads/rawhide\n', uri, 1)), []);
  } finally {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
