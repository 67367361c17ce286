// The real bundled server over stdio: a file open in the editor counts with its unsaved text when another
// document reads it (a KIWI description and the fragment it includes), and edits computed for it fit that text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnServer, type Diagnostic, type TestClient } from './harness';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

const PART = '<image>\n  <profiles>\n    <profile name="Cloud" description="c"/>\n  </profiles>\n</image>\n';
const MAIN = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<image schemaversion="7.4" name="demo">',
  '  <include from="this://./parts/profiles.xml"/>',
  '  <packages type="image" profiles="Cloud"><package name="x"/></packages>',
  '</image>',
  '',
].join('\n');

/** The two files saved in a fresh folder, and a server started on it (shut down however the test ends). */
async function withWorkspace(fn: (client: TestClient, mainUri: string, partUri: string) => Promise<void>, files = { main: MAIN, part: PART }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kiwi-open-'));
  const { client } = spawnServer();
  try {
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts', 'profiles.xml'), files.part);
    writeFileSync(join(dir, 'appliance.kiwi'), files.main);
    await client.initialize({ rootPath: dir });
    await fn(client, pathToFileURL(join(dir, 'appliance.kiwi')).href, pathToFileURL(join(dir, 'parts', 'profiles.xml')).href);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Diagnostics of `uri` published after the first `after` notifications whose profile findings are `expected`
 * (an earlier check may still publish first); fails with the last ones published when none come.
 */
async function profileFindingsAfter(client: TestClient, uri: string, after: number, version: number, expected: string[]): Promise<void> {
  const want = JSON.stringify(expected);
  await client.diagnostics(uri, { version, pred: (ds) => client.published.slice(after).some((p) => p.uri === uri) && JSON.stringify(profileFindings(ds)) === want })
    .catch((e) => assert.fail(`${uri}: expected ${want}; ${e instanceof Error ? e.message : e}`));
}

const profileFindings = (ds: Diagnostic[]) => brief(ds.filter((d) => String(d.code).startsWith('kiwi-profile')));

test('an unsaved edit of an included fragment checks the description again; closing the fragment unsaved restores the saved text', async () => {
  await withWorkspace(async (client, mainUri, partUri) => {
    client.open(mainUri, 'kiwi', MAIN);
    assert.deepEqual(profileFindings(await client.diagnostics(mainUri, { version: 1 })), []);
    client.open(partUri, 'xml', PART);
    await client.diagnostics(partUri, { version: 1 });

    // The profile is renamed in the fragment's buffer only: the description (not edited) now names an undefined profile.
    const before = client.published.length;
    client.change(partUri, [{ range: range(2, 19, 2, 24), text: 'Azure' }]);
    await profileFindingsAfter(client, mainUri, before, 1, ["3:35-3:40 kiwi-profile-undefined profile 'Cloud' is not defined: KIWI ignores the reference"]);

    // Closed without saving: the saved fragment defines Cloud again.
    const closedAt = client.published.length;
    client.closeDoc(partUri);
    await profileFindingsAfter(client, mainUri, closedAt, 1, []);
  });
});

test('a fragment saved by another program (not open) checks the description that includes it again', async () => {
  await withWorkspace(async (client, mainUri, partUri) => {
    client.open(mainUri, 'kiwi', MAIN);
    assert.deepEqual(profileFindings(await client.diagnostics(mainUri, { version: 1 })), []);
    const ds = await client.editWatchedFile(fileURLToPath(partUri), PART.replace('Cloud', 'Azure'), mainUri, 1);
    assert.deepEqual(profileFindings(ds), ["3:35-3:40 kiwi-profile-undefined profile 'Cloud' is not defined: KIWI ignores the reference"]);
  });
});

test('a fragment is checked against the unsaved text of the description that includes it', async () => {
  // Here the description defines the profile and the fragment uses it.
  const main = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<image schemaversion="7.4" name="demo">',
    '  <profiles><profile name="Cloud" description="c"/></profiles>',
    '  <include from="this://./parts/profiles.xml"/>',
    '</image>',
    '',
  ].join('\n');
  const part = '<image>\n  <packages type="image" profiles="Cloud"><package name="x"/></packages>\n</image>\n';
  await withWorkspace(async (client, mainUri, partUri) => {
    client.open(mainUri, 'kiwi', main);
    client.open(partUri, 'xml', part);
    assert.deepEqual(profileFindings(await client.diagnostics(partUri, { version: 1 })), []);
    // The profile is renamed in the description's buffer only: the fragment (not edited) now names an undefined one.
    const before = client.published.length;
    client.change(mainUri, [{ range: range(2, 26, 2, 31), text: 'Azure' }]);
    await profileFindingsAfter(client, partUri, before, 1, ["1:35-1:40 kiwi-profile-undefined profile 'Cloud' is not defined: KIWI ignores the reference"]);
  }, { main, part });
});

test('a rename reaches the included file that defines the profile: one workspace edit, two files (the fragment as saved)', async () => {
  await withWorkspace(async (client, mainUri, partUri) => {
    client.open(mainUri, 'kiwi', MAIN);
    await client.diagnostics(mainUri, { version: 1 });
    const edit = await client.request('textDocument/rename', { textDocument: { uri: mainUri }, position: { line: 3, character: 37 }, newName: 'Azure' });
    assert.deepEqual(edit, { changes: {
      [mainUri]: [{ range: range(3, 35, 3, 40), newText: 'Azure' }],
      [partUri]: [{ range: range(2, 19, 2, 24), newText: 'Azure' }],
    } });
  });
});

test('a rename from the description edits the fragment where its unsaved text has the name', async () => {
  await withWorkspace(async (client, mainUri, partUri) => {
    client.open(mainUri, 'kiwi', MAIN);
    client.open(partUri, 'xml', PART);
    // Two lines typed above the profile in the fragment, not saved.
    client.change(partUri, [{ range: range(1, 0, 1, 0), text: '  <!-- cloud images -->\n  <!-- built by CBS -->\n' }]);
    await client.diagnostics(partUri, { version: 2 });
    await client.diagnostics(mainUri, { version: 1 });
    const edit = await client.request('textDocument/rename', { textDocument: { uri: mainUri }, position: { line: 3, character: 37 }, newName: 'Azure' });
    assert.deepEqual(edit, { changes: {
      [mainUri]: [{ range: range(3, 35, 3, 40), newText: 'Azure' }],
      [partUri]: [{ range: range(4, 19, 4, 24), newText: 'Azure' }],
    } });
  });
});
