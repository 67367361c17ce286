// The optional rpmspec/rpmlint backends over LSP: run on save only in a trusted workspace, findings merged
// with ours (duplicates dropped), and never run otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, spawnServer } from './harness';

const SPEC = 'Name: demo\nVersion: 1\nRelease: 1%{?dist}\nSummary: S\nLicense: MIT\n%description\nd\n%prep\n%install\n%files\n%endif\n';

async function run(trusted: boolean) {
  const ws = mkdtempSync(join(tmpdir(), 'backend-'));
  const file = join(ws, 'demo.spec');
  writeFileSync(file, SPEC);
  const { client } = spawnServer();
  try {
    await client.initialize({ rootPath: ws, initializationOptions: { trusted, settings: { spec: { backends: { rpmspec: true, rpmlint: true } } } } });
    const uri = fileUri(file);
    client.open(uri, 'rpm-spec', SPEC);
    await client.diagnostics(uri, { version: 1 });
    const before = client.published.length;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const diags = await client.diagnostics(uri, { version: 1, timeoutMs: 60000, pred: () => client.published.length > before });
    return { diags, logs: client.logs };
  } finally {
    await client.shutdown();
    rmSync(ws, { recursive: true, force: true });
  }
}

test('trusted: rpmlint\'s own findings are added, rpmspec\'s duplicate of our error is dropped', async () => {
  const { diags } = await run(true);
  const brief = diags.map((d) => `${d.range.start.line + 1} ${d.source} ${d.code}`);
  assert.ok(brief.includes('11 rpm endif-without-if'), brief.join('\n'));
  assert.ok(!brief.some((b) => b.includes('rpmspec-error')), 'rpmspec reports the same %endif: dropped');
  assert.ok(brief.includes('1 rpmlint (backend) no-%build-section'), brief.join('\n'));
  assert.equal(diags.find((d) => d.code === 'no-%build-section')!.message, 'no-%build-section');
});

test('untrusted: nothing runs, and the log says why', async () => {
  const { diags, logs } = await run(false);
  assert.deepEqual(diags.map((d) => d.code), ['endif-without-if']);
  assert.ok(logs.some((l) => /workspace is not trusted: not running rpmspec\/rpmlint/.test(l)), logs.join('\n'));
});
