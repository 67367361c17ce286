// The server stays up and answers on hostile input: binary data, a 10 MB spec, CRLF + BOM + tabs,
// invalid UTF-8 (as the client decodes it), an XML entity bomb; stale versions are never published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnServer } from './harness';

test('binary, huge, CRLF/BOM and broken-encoding documents: diagnostics arrive and the server keeps serving', async () => {
  const { client, proc } = spawnServer();
  await client.initialize();
  const bytes = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  client.open('file:///tmp/binary.spec', 'rpm-spec', bytes);
  const huge = ('Name: big\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n%files\n' + '/usr/share/big/file-%{version}-%{release}\n'.repeat(250000));
  assert.ok(huge.length > 10_000_000);
  client.open('file:///tmp/huge.spec', 'rpm-spec', huge);
  client.open('file:///tmp/crlf.spec', 'rpm-spec', '\uFEFFName:\tcrlf\r\nVersion: 1\r\nRelease: 1\r\nSummary: s\r\nLicense: MIT\r\n%description\r\nd\r\n%endif\r\n');
  client.open('file:///tmp/latin1.spec', 'rpm-spec', 'Name: caf\uFFFD\nSummary: na\uFFFDve\n');
  const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<image schemaversion="7.4" name="&lol3;"/>';
  client.open('file:///tmp/bomb.kiwi', 'kiwi', bomb);
  await client.diagnostics('file:///tmp/binary.spec', { version: 1 });
  const huges = await client.diagnostics('file:///tmp/huge.spec', { version: 1, timeoutMs: 60000 });
  assert.ok(Array.isArray(huges));
  const crlf = await client.diagnostics('file:///tmp/crlf.spec', { version: 1 });
  assert.deepEqual(crlf.filter((d) => d.code === 'endif-without-if').map((d) => d.range), [{ start: { line: 7, character: 0 }, end: { line: 7, character: 6 } }]);
  // rpm itself rejects a byte order mark ("Unknown tag: \uFEFFName:"): we say why.
  assert.equal(crlf.find((d) => d.code === 'unknown-tag')!.message, 'Unknown tag: Name:\tcrlf (the file starts with a byte order mark, which rpm reads as part of the line: remove it)');
  await client.diagnostics('file:///tmp/latin1.spec', { version: 1 });
  const b = await client.diagnostics('file:///tmp/bomb.kiwi', { version: 1 });
  assert.ok(b.some((d) => d.code === 'kiwi-doctype-ignored'));
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/huge.spec' } });
  assert.equal(symbols[0].name, 'big');
  // The editor features that run as the cursor moves or the view scrolls answer on the binary and the huge file too.
  for (const uri of ['file:///tmp/binary.spec', 'file:///tmp/huge.spec', 'file:///tmp/bomb.kiwi']) {
    const at = { textDocument: { uri }, position: { line: 8, character: 25 } };
    assert.ok(Array.isArray(await client.request('textDocument/documentHighlight', at)), uri);
    assert.ok(Array.isArray(await client.request('textDocument/references', { ...at, context: { includeDeclaration: true } })), uri);
    assert.ok(Array.isArray(await client.request('textDocument/documentLink', { textDocument: { uri } })), uri);
    assert.ok(Array.isArray(await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } })), uri);
  }
  const hugeHints = await client.request('textDocument/inlayHint', { textDocument: { uri: 'file:///tmp/huge.spec' }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
  assert.deepEqual(hugeHints, []);
  assert.equal(proc.exitCode, null, 'the server is still running');
  await client.shutdown();
});

test('a burst of edits: only the newest version is published', async () => {
  const { client } = spawnServer();
  await client.initialize();
  const uri = 'file:///tmp/burst.spec';
  client.open(uri, 'rpm-spec', 'Name: x\n');
  let v = 1;
  for (let i = 0; i < 50; i++) v = client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `# ${i}\n` }]);
  await client.diagnostics(uri, { version: v });
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
  assert.ok(versions.every((x, i) => i === 0 || x > versions[i - 1]), `published out of order: ${versions}`);
  assert.equal(versions[versions.length - 1], v);
  await client.shutdown();
});
