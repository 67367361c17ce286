// Comps from a repository's repodata, fetched by the real Node host from a local HTTP server on 127.0.0.1:
// group_gz found through repomd.xml, cached with a TTL, 404 and timeouts reported once and clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createNodeHost } from '../../../../server/src/node/host';
import { clearCompsCaches, loadComps } from '../../../../server/src/service/kiwi/compsSource';
import { normalizeSettings } from '../../../../server/src/service/settings';
import type { Context } from '../../../../server/src/service/types';
import { COMPS } from './helpers';

const REPOMD = `<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo">
  <data type="primary"><location href="repodata/abc-primary.xml.gz"/></data>
  <data type="group"><location href="repodata/def-comps.xml"/></data>
  <data type="group_gz"><location href="repodata/def-comps.xml.gz"/></data>
</repomd>`;

async function serve(handler: (url: string, res: import('node:http').ServerResponse) => void): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.url} ${req.headers['user-agent']} ${req.headers.accept}`);
    handler(req.url ?? '', res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function ctx(url: string, extra: Record<string, unknown> = {}, logs: string[] = [], now = () => new Date()): Context {
  const host = createNodeHost({ workspaceFolders: () => [], log: (m) => logs.push(m), userAgent: 'rpm-kiwi-tools-test' });
  return { host: { ...host, now }, settings: normalizeSettings({ kiwi: { compsRepositoryUrl: url, workspaceComps: false, ...extra } }), trusted: false };
}

test('fetches repodata/repomd.xml, follows the group data entry, caches the result', async () => {
  clearCompsCaches();
  const { server, base, hits } = await serve((url, res) => {
    if (url === '/repo/repodata/repomd.xml') res.end(REPOMD);
    else if (url === '/repo/repodata/def-comps.xml') res.end(COMPS);
    else { res.statusCode = 404; res.end('no'); }
  });
  try {
    const c = ctx(`${base}/repo/`);
    const r = await loadComps(c);
    assert.deepEqual(r.notices, []);
    assert.deepEqual([...r.index!.groups.keys()], ['core', 'cloud-server', 'standard']);
    assert.equal(r.index!.describeSources(), 'def-comps.xml');
    await loadComps(c);
    assert.deepEqual(hits, [
      '/repo/repodata/repomd.xml rpm-kiwi-tools-test application/xml, text/xml, */*',
      '/repo/repodata/def-comps.xml rpm-kiwi-tools-test application/xml, text/xml, */*',
    ]);
  } finally {
    server.close();
  }
});

test('gzip-compressed group data (group_gz only)', async () => {
  clearCompsCaches();
  const gz = gzipSync(Buffer.from(COMPS));
  const { server, base } = await serve((url, res) => {
    if (url.endsWith('repomd.xml')) res.end(REPOMD.replace(/<data type="group">.*<\/data>\n/, ''));
    else if (url.endsWith('def-comps.xml.gz')) res.end(gz);
    else { res.statusCode = 404; res.end(); }
  });
  try {
    const r = await loadComps(ctx(base));
    assert.ok(r.index!.environments.has('cloud-server-environment'));
  } finally {
    server.close();
  }
});

test('a 404 and a timeout are reported once, clearly, and retried only after the failure TTL', async () => {
  clearCompsCaches();
  const { server, base } = await serve((url, res) => { res.statusCode = 404; res.end(); });
  const logs: string[] = [];
  let now = 1_000_000;
  try {
    const c = ctx(base, {}, logs, () => new Date(now));
    const r1 = await loadComps(c);
    const r2 = await loadComps(c);
    assert.deepEqual(r1.notices, [`comps from ${base} unavailable: ${base}/repodata/repomd.xml answered HTTP 404`]);
    assert.deepEqual(r2.notices, r1.notices);
    assert.equal(logs.length, 1, 'logged once');
    now += 301_000;
    await loadComps(c);
    assert.equal(logs.length, 2, 'retried after the failure TTL');
  } finally {
    server.close();
  }
  clearCompsCaches();
  const silent = await serve(() => undefined); // never answers
  try {
    const r = await loadComps(ctx(silent.base, { fetchTimeoutMs: 300 }));
    assert.deepEqual(r.notices, [`comps from ${silent.base} unavailable: no answer within 300 ms`]);
  } finally {
    silent.server.closeAllConnections();
    silent.server.close();
  }
});
