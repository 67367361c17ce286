// The Node host's folder listing: names and mtime, kept until the folder changes, undefined for a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeHost } from '../../server/src/node/host';

test('listDir: a folder\'s names, read again once it changes; a file or a missing path is no folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'listdir-'));
  try {
    const host = createNodeHost({ workspaceFolders: () => [], log: () => {} });
    writeFileSync(join(dir, 'hello.spec'), 'Name: hello\n');
    const first = await host.listDir!(dir);
    assert.deepEqual(first?.names, ['hello.spec']);
    assert.equal(await host.listDir!(dir), first, 'unchanged: the same listing');
    writeFileSync(join(dir, 'fix.patch'), 'diff\n');
    // A later mtime even on a coarse clock.
    utimesSync(dir, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual((await host.listDir!(dir))?.names.sort(), ['fix.patch', 'hello.spec']);
    assert.equal(await host.listDir!(join(dir, 'hello.spec')), undefined);
    assert.equal(await host.listDir!(join(dir, 'nosuch')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
