// The real bundled server over stdio: references, document highlights, rename (with its refusals as
// error responses) and document links, on a spec and on a KIWI description (across included files: openFiles.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnServer } from './harness';

const SPEC = [
  '%global forgeurl https://github.com/example/demo',
  'Name:           demo',
  'Version:        1.0',
  'Release:        1%{?dist}',
  'Summary:        Tests',
  'License:        MIT',
  'URL:            %{forgeurl}',
  'Source0:        %{forgeurl}/archive/v%{version}.tar.gz',
  'Source1:        demo.conf',
  '',
  '%description',
  'Demo from %{forgeurl}.',
  '',
  '%install',
  'install -D %{SOURCE1} %{buildroot}%{_sysconfdir}/demo.conf',
  '',
].join('\n');

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('spec: references, highlights, rename and links over LSP; a refused rename is an error response with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'names-'));
  try {
    writeFileSync(join(dir, 'demo.conf'), 'x=1\n');
    const { client } = spawnServer();
    const init = await client.initialize();
    assert.equal(init.capabilities.referencesProvider, true);
    assert.equal(init.capabilities.documentHighlightProvider, true);
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    assert.deepEqual(init.capabilities.documentLinkProvider, { resolveProvider: false });
    const uri = pathToFileURL(join(dir, 'demo.spec')).href;
    client.open(uri, 'rpm-spec', SPEC);
    await client.diagnostics(uri, { version: 1 });
    const on = { textDocument: { uri }, position: { line: 6, character: 20 } };

    const refs = await client.request('textDocument/references', { ...on, context: { includeDeclaration: true } });
    assert.deepEqual(refs, [
      { uri, range: range(0, 8, 0, 16) }, { uri, range: range(6, 18, 6, 26) }, { uri, range: range(7, 18, 7, 26) }, { uri, range: range(11, 12, 11, 20) },
    ]);
    const hl = await client.request('textDocument/documentHighlight', on);
    assert.deepEqual(hl.map((h: { kind: number }) => h.kind), [3, 2, 2, 2]);

    assert.deepEqual(await client.request('textDocument/prepareRename', on), { range: range(6, 18, 6, 26), placeholder: 'forgeurl' });
    const edit = await client.request('textDocument/rename', { ...on, newName: 'upstream' });
    assert.deepEqual(edit.changes[uri].map((e: { range: unknown; newText: string }) => e.newText), ['upstream', 'upstream', 'upstream', 'upstream']);
    assert.deepEqual(edit.changes[uri][0].range, range(0, 8, 0, 16));
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 14, character: 40 } }),
      (e: { code: number; message: string }) => e.code === -32803 && e.message === '%_sysconfdir is not defined in this spec (rpm, the distribution or an included file defines it), so it cannot be renamed here',
    );

    const links = await client.request('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links, [
      { range: range(6, 16, 6, 27), target: 'https://github.com/example/demo', tooltip: 'Open https://github.com/example/demo' },
      { range: range(7, 16, 7, 54), target: 'https://github.com/example/demo/archive/v1.0.tar.gz', tooltip: 'Open https://github.com/example/demo/archive/v1.0.tar.gz' },
      { range: range(8, 16, 8, 25), target: pathToFileURL(join(dir, 'demo.conf')).href, tooltip: 'Open demo.conf' },
    ]);
    // The server kept serving after the refusal, and logged no error for it.
    assert.ok(Array.isArray(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
    assert.ok(!client.logs.some((l) => l.includes('prepareRename failed')));
    await client.shutdown();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('KIWI: rename a profile over LSP; references find its uses', async () => {
  const text = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<image schemaversion="7.4" name="demo">',
    '  <profiles>',
    '    <profile name="Cloud" description="c"/>',
    '  </profiles>',
    '  <packages type="image" profiles="Cloud"><package name="x"/></packages>',
    '</image>',
    '',
  ].join('\n');
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/names-test/appliance.kiwi';
  client.open(uri, 'kiwi', text);
  await client.diagnostics(uri, { version: 1 });
  const on = { textDocument: { uri }, position: { line: 5, character: 37 } };
  assert.deepEqual(await client.request('textDocument/references', { ...on, context: { includeDeclaration: true } }), [
    { uri, range: range(3, 19, 3, 24) }, { uri, range: range(5, 35, 5, 40) },
  ]);
  const edit = await client.request('textDocument/rename', { ...on, newName: 'Azure' });
  assert.deepEqual(edit, { changes: { [uri]: [{ range: range(3, 19, 3, 24), newText: 'Azure' }, { range: range(5, 35, 5, 40), newText: 'Azure' }] } });
  await client.shutdown();
});
