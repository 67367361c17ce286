// The upstream commands end to end in node: the controller with a recording fake UI, real fetch, and a
// local fake dist-git/mdapi/GitLab on 127.0.0.1. The spec facts come from a fake specInfo.
import { test } from 'node:test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { UpstreamController, type UpstreamUi } from '../../../client/src/upstream/controller';
import { upstreamSettings } from '../../../client/src/upstream/settings';
import type { SpecInfoResult } from '../../../server/src/protocol';
import { startFakeForge, upstreamSettingsFor } from '../../fixtures/upstream/fakeForge';

interface Recorded { calls: string[]; ui: UpstreamUi; picks: string[] }

function recordingUi(picks: string[] = [], files: Record<string, string> = {}): Recorded {
  const calls: string[] = [];
  const ui: UpstreamUi = {
    async pick(items, title) { calls.push(`pick ${title}: ${items.map((i) => i.label).join(',')}`); return picks.shift(); },
    async openDiff(left, right, title) { calls.push(`diff ${left} | ${right} | ${title}`); },
    async info(m) { calls.push(`info ${m}`); return undefined; },
    async error(m, ...actions) { calls.push(`error ${m}${actions.length ? ` [${actions.join(',')}]` : ''}`); return actions[0]; },
    progress: (title, task) => { calls.push(`progress ${title}`); return task(); },
    async openExternal(url) { calls.push(`open ${url}`); },
    async readText(uri) { return files[uri]; },
    async showStatus(title, lines) { calls.push(`status ${title}\n${lines.join('\n')}`); },
  };
  return { calls, ui, picks };
}

function controller(base: string, ui: UpstreamUi, info: Partial<SpecInfoResult> = {}, extra: Record<string, unknown> = {}) {
  const local: SpecInfoResult = { name: 'hello', epoch: null, version: '2.12.1', release: '2.1.hs.el9', autorelease: false, ...info };
  return new UpstreamController({
    ui,
    async fetch(url, init) {
      const res = await fetch(url, { headers: init.headers, signal: AbortSignal.timeout(init.timeoutMs) });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => { headers[k] = v; });
      return { status: res.status, headers, body: await res.text() };
    },
    settings: () => upstreamSettings({ ...upstreamSettingsFor(base), ...extra }, '9.9.9'),
    specInfo: async () => local,
    // The CentOS spec says Release: 3%{?dist}; under el9 that is 3.el9.
    specInfoFromText: async (text, profile) => ({ name: 'hello', epoch: null, version: /Version:\s*(\S+)/.exec(text)![1], release: /Release:\s*3/.test(text) ? `3.${profile}` : null, autorelease: /autorelease/.test(text) }),
    now: () => Date.now(),
  });
}

const LOCAL = 'file:///work/hello/hello.spec';

test('Compare with Fedora Rawhide opens a diff: left the served spec (virtual), right the local file', async () => {
  const forge = await startFakeForge();
  try {
    const r = recordingUi();
    const c = controller(forge.base, r.ui);
    await c.compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.deepEqual(r.calls, [
      'progress Fetching hello.spec from Fedora (rawhide)…',
      'diff hyperscale-upstream:/fedora/rawhide/hello.spec | file:///work/hello/hello.spec | hello.spec (Fedora rawhide) ↔ local',
    ]);
    assert.match(c.documentContent('hyperscale-upstream:/fedora/rawhide/hello.spec')!, /^Name:\s+hello\nVersion:\s+2\.12\.2\n/);
    assert.deepEqual(forge.requests.map((q) => [q.url, q.userAgent, q.accept]), [
      ['/pagure/rpms/hello/raw/rawhide/f/hello.spec', 'rpm-kiwi-tools/9.9.9 (+https://gitlab.com/CentOS/Hyperscale)', 'text/plain, application/json;q=0.9, */*;q=0.5'],
    ]);
    await c.compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.equal(forge.requests.length, 1, 'the answer is cached');
    c.clearCache();
    await c.compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.equal(forge.requests.length, 2, 'Clear Cache forgets it');
  } finally {
    await forge.close();
  }
});

test('Compare Spec with Fedora… lists branches from the dist-git API; CentOS Stream from settings', async () => {
  const forge = await startFakeForge();
  try {
    const r = recordingUi(['f45', 'c9s']);
    const c = controller(forge.base, r.ui);
    await c.compareSpec(LOCAL, 'fedora');
    assert.equal(r.calls[1], 'pick Compare hello.spec with Fedora: rawhide,f45,f44,epel10,epel9');
    assert.match(r.calls[3], /^error No such package\/branch on Fedora: hello\.spec on f45 was not found \[Open in Browser\]$/);
    assert.equal(r.calls[4], `open ${forge.base}/pagure/rpms/hello`);
    await c.compareSpec(LOCAL, 'centos');
    assert.deepEqual(r.calls.slice(5), [
      'progress Listing CentOS Stream branches of hello…',
      'pick Compare hello.spec with CentOS Stream: c9s,c10s',
      'progress Fetching hello.spec from CentOS Stream (c9s)…',
      'diff hyperscale-upstream:/centos/c9s/hello.spec | file:///work/hello/hello.spec | hello.spec (CentOS Stream c9s) ↔ local',
    ]);
  } finally {
    await forge.close();
  }
});

test('errors: challenge page, timeout, connection refused, invalid names', async () => {
  const forge = await startFakeForge();
  try {
    const r = recordingUi();
    await controller(forge.base, r.ui, { name: 'challenged' }).compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.equal(r.calls[1], 'error Fedora answered with a browser challenge page instead of challenged.spec on rawhide; open it in the browser, or point the base URL setting at a mirror [Open in Browser]');
    const t = recordingUi();
    await controller(forge.base, t.ui, { name: 'slow' }).compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.equal(t.calls[1], 'error Fedora did not answer within 1 s (offline?) [Open in Browser]');
    const bad = recordingUi();
    await controller(forge.base, bad.ui, { name: '../../etc' }).compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.deepEqual(bad.calls, ['error "../../etc" is not a valid RPM package name']);
    const none = recordingUi();
    await controller(forge.base, none.ui, { name: null }).compareSpec(LOCAL, 'fedora', 'rawhide');
    assert.deepEqual(none.calls, ['error The spec has no usable Name: (set hyperscale.upstream.packageName to override it)']);
  } finally {
    await forge.close();
  }
  // A port nobody listens on: connection refused.
  const probe = createServer();
  await new Promise<void>((res) => probe.listen(0, '127.0.0.1', res));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((res) => probe.close(() => res()));
  const off = recordingUi();
  await controller(`http://127.0.0.1:${port}`, off.ui).compareSpec(LOCAL, 'fedora', 'rawhide');
  assert.match(off.calls[1], /^error Fedora is not reachable \(ECONNREFUSED\): you seem to be offline \[Open in Browser\]$/);
});

test('the packageName setting overrides Name:; external pages', async () => {
  const r = recordingUi();
  const c = controller('http://127.0.0.1:9', r.ui, {}, { packageName: 'systemd' });
  await c.openPage(LOCAL, 'bodhi');
  await c.openPage(LOCAL, 'fedoraSpec');
  assert.deepEqual(r.calls, ['open https://bodhi.fedoraproject.org/updates/?packages=systemd', 'open http://127.0.0.1:9/pagure/rpms/systemd/blob/rawhide/f/systemd.spec']);
});

test('Compare sources: local sources next to the spec vs Fedora\'s', async () => {
  const forge = await startFakeForge();
  try {
    const r = recordingUi([], { 'file:///work/hello/sources': 'SHA512 (hello-2.12.1.tar.gz) = ffff\n' });
    const c = controller(forge.base, r.ui);
    await c.compareSources(LOCAL, 'rawhide');
    assert.equal(r.calls[1], 'diff hyperscale-upstream:/fedora/rawhide/hello/sources | file:///work/hello/sources | hello sources (Fedora rawhide) ↔ local');
    assert.equal(c.documentContent('hyperscale-upstream:/fedora/rawhide/hello/sources'), 'SHA512 (hello-2.12.2.tar.gz) = 0123abcd\n');
    const none = recordingUi();
    await controller(forge.base, none.ui).compareSources(LOCAL, 'rawhide');
    assert.deepEqual(none.calls, ['error There is no sources file next to the spec']);
  } finally {
    await forge.close();
  }
});

test('Version status: Fedora from mdapi, CentOS Stream from its spec; CentOS supersedes the SIG build', async () => {
  const forge = await startFakeForge();
  try {
    const r = recordingUi();
    await controller(forge.base, r.ui).versionStatus(LOCAL);
    assert.equal(r.calls[1], [
      'status hello version status',
      'Local hello: 2.12.1-2.1.hs.el9',
      'Fedora rawhide: 2.12.2-1.fc46 (newer than yours)',
      'Fedora f45: 2.12.2-1.fc45 (newer than yours)',
      'Fedora epel9: not packaged',
      'CentOS Stream c9s: 2.12.1-3.el9 supersedes your SIG build 2.12.1-2.1.hs.el9: rebase or bump your release above it',
      'CentOS Stream c10s: not in CentOS Stream',
    ].join('\n'));
    const auto = recordingUi();
    await controller(forge.base, auto.ui, { version: '2.12.2', release: null, autorelease: true }).versionStatus(LOCAL);
    assert.match(auto.calls[1], /Local hello: 2\.12\.2 \(Release: %autorelease — the number is only known after a build; versions are compared without it\)\nFedora rawhide: 2\.12\.2-1\.fc46 \(same as yours\)/);
  } finally {
    await forge.close();
  }
});
