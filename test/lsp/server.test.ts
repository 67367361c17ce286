// The real server over stdio: lifecycle, capabilities, diagnostics publishing, crash containment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessServer, spawnServer } from './harness';
import { createLanguageService } from '../../server/src/service';

test('the bundled server initializes over stdio, announces its features and writes nothing but LSP to stdout', async () => {
  const { client, proc, stderr } = spawnServer();
  const init = await client.initialize();
  assert.equal(init.serverInfo.name, 'rpm-kiwi-language-server');
  const caps = init.capabilities;
  assert.equal(caps.textDocumentSync.change, 2);
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.definitionProvider, true);
  assert.equal(caps.documentSymbolProvider, true);
  assert.equal(caps.foldingRangeProvider, true);
  assert.ok(caps.completionProvider.triggerCharacters.includes('%'));
  client.open('file:///tmp/x.spec', 'rpm-spec', 'Name: x\n');
  const diags = await client.diagnostics('file:///tmp/x.spec', { version: 1 });
  assert.ok(Array.isArray(diags));
  await client.shutdown();
  await new Promise((r) => proc.once('exit', r));
  assert.doesNotMatch(stderr(), /Error:/);
});

test('a crash in one feature answers that request with an error, logs it, and the server keeps serving', async () => {
  const real = createLanguageService();
  const service = Object.create(real) as typeof real;
  service.hover = async () => { throw new Error('boom in hover'); };
  const client = inProcessServer({ service });
  await client.initialize();
  client.open('file:///tmp/y.spec', 'rpm-spec', 'Name: y\n');
  await assert.rejects(
    client.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/y.spec' }, position: { line: 0, character: 1 } }),
    /hover failed: boom in hover/,
  );
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/y.spec' } });
  assert.ok(Array.isArray(symbols));
  assert.ok(client.logs.some((l) => l.includes('hover failed for file:///tmp/y.spec') && l.includes('boom in hover')));
  await client.shutdown();
});

test('diagnostics are published only for the newest version of a document', async () => {
  const client = inProcessServer();
  await client.initialize();
  const uri = 'file:///tmp/z.spec';
  client.open(uri, 'rpm-spec', 'Name: z\n');
  const v2 = client.change(uri, [{ text: 'Name: z2\n' }]);
  const v3 = client.change(uri, [{ text: 'Name: z3\n' }]);
  await client.diagnostics(uri, { version: v3 });
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
  assert.ok(!versions.includes(1) && !versions.includes(v2), `stale versions published: ${versions}`);
  await client.shutdown();
});
