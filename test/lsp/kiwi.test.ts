// The real bundled server over stdio on a KIWI description in a temp workspace: diagnostics, the
// environment quick fix through textDocument/codeAction, and clean diagnostics after applying it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, KIWI_DESCRIPTION, REPO_ROOT, spawnServer } from './harness';

const DESCRIPTION = KIWI_DESCRIPTION;

test('KIWI over LSP: Koji diagnostic, quick fix via codeAction, clean after applying it', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'kiwi-lsp-'));
  mkdirSync(join(ws, 'desc'));
  const file = join(ws, 'desc', 'appliance.kiwi');
  writeFileSync(file, DESCRIPTION);
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kiwi', 'comps-small.xml'), join(ws, 'comps.xml'));
  const { client } = spawnServer();
  try {
    await client.initialize({ rootPath: ws, initializationOptions: { settings: { kiwi: { mode: 'koji' } } } });
    const uri = fileUri(file);
    client.open(uri, 'kiwi', DESCRIPTION);
    const diags = await client.diagnostics(uri, { version: 1 });
    // The installed kiwi schema (7.5) also notes that the 7.6 upgrade renames dnf to dnf4 (a hint), and in
    // koji mode the <repository> gets a note that Koji replaces it.
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.source, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['kiwi-schema-upgrade', 4, 'kiwi', 5, 20, 23],
      ['kiwi-koji-repository-ignored', 3, 'kiwi', 8, 3, 13],
      ['kiwi-environment-group', 1, 'kiwi', 10, 27, 51],
    ]);
    const env = diags[2];
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: env.range, context: { diagnostics: [env] },
    });
    assert.equal(actions[0].title, "Replace 'cloud-server-environment' with its groups: core, cloud-server");
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    const edits = actions[0].edit.changes[uri];
    assert.equal(edits.length, 1);
    const v2 = client.change(uri, [{ range: edits[0].range, text: edits[0].newText }]);
    const after = await client.diagnostics(uri, { version: v2 });
    assert.deepEqual(after.map((d) => d.code), ['kiwi-schema-upgrade', 'kiwi-koji-repository-ignored']);
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('a KIWI config.xml opened as plain XML is recognised by its <image> root', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'kiwi-lsp-'));
  const file = join(ws, 'config.xml');
  const text = DESCRIPTION.replace('<namedCollection name="cloud-server-environment"/>', '<package name="vim"/>').replace('<version>1.0.0</version>', '');
  writeFileSync(file, text);
  const { client } = spawnServer();
  try {
    await client.initialize({ rootPath: ws });
    client.open(fileUri(file), 'xml', text);
    const diags = await client.diagnostics(fileUri(file), { version: 1 });
    assert.deepEqual(diags.map((d) => d.code), ['kiwi-no-version', 'kiwi-schema-upgrade']);
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('an environment in an included fragment: on the <include> line, related information into the fragment, a fix that edits it', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'kiwi-lsp-'));
  mkdirSync(join(ws, 'desc', 'parts'), { recursive: true });
  const file = join(ws, 'desc', 'appliance.kiwi');
  const part = join(ws, 'desc', 'parts', 'cloud.xml');
  const main = DESCRIPTION.replace('<namedCollection name="cloud-server-environment"/>', '<package name="vim"/>').replace('</image>', '  <include from="this://./parts/cloud.xml"/>\n</image>');
  writeFileSync(file, main);
  writeFileSync(part, '<image>\n  <packages type="image">\n    <namedCollection name="cloud-server-environment"/>\n  </packages>\n</image>\n');
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kiwi', 'comps-small.xml'), join(ws, 'comps.xml'));
  const { client } = spawnServer();
  try {
    await client.initialize({ rootPath: ws, initializationOptions: { settings: { kiwi: { schemaValidation: false } } } });
    const uri = fileUri(file);
    client.open(uri, 'kiwi', main);
    const diags = await client.diagnostics(uri, { version: 1 });
    const env = diags.find((d) => d.code === 'kiwi-environment-group')!;
    assert.deepEqual([env.range.start.line, env.range.start.character, env.range.end.character], [12, 17, 41]);
    assert.match(env.message, /^in parts\/cloud\.xml, line 3: 'cloud-server-environment' is a comps environment/);
    assert.deepEqual(env.relatedInformation, [{
      location: { uri: fileUri(part), range: { start: { line: 2, character: 27 }, end: { line: 2, character: 51 } } },
      message: env.message.replace('in parts/cloud.xml, line 3: ', ''),
    }]);
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: env.range, context: { diagnostics: [env] } });
    assert.equal(actions[0].title, "Replace 'cloud-server-environment' with its groups: core, cloud-server in cloud.xml");
    assert.deepEqual(Object.keys(actions[0].edit.changes), [fileUri(part)]);
    assert.equal(actions[0].edit.changes[fileUri(part)][0].newText, '<namedCollection name="core"/>\n    <namedCollection name="cloud-server"/>');
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('a workspace folder added later is searched for comps files (workspace/didChangeWorkspaceFolders)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'kiwi-lsp-'));
  const other = mkdtempSync(join(tmpdir(), 'kiwi-comps-'));
  const file = join(ws, 'appliance.kiwi');
  writeFileSync(file, DESCRIPTION);
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kiwi', 'comps-small.xml'), join(other, 'comps.xml'));
  const { client } = spawnServer();
  try {
    await client.initialize({ rootPath: ws, initializationOptions: { settings: { kiwi: { schemaValidation: false } } } });
    const uri = fileUri(file);
    client.open(uri, 'kiwi', DESCRIPTION);
    // No comps anywhere in the workspace: collections are not checked.
    assert.deepEqual((await client.diagnostics(uri, { version: 1 })).map((d) => d.code), []);
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(other), name: 'comps' }], removed: [] } });
    const after = await client.diagnostics(uri, { version: 1, pred: () => client.published.length > before });
    assert.deepEqual(after.map((d) => d.code), ['kiwi-environment-group']);
    assert.ok(client.logs.some((l) => l.includes(`workspace folders: ${ws}, ${other}`)));
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  }
});
