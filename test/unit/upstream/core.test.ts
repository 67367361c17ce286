// The pure upstream core: URL templates per host and flavour, name checks, branch lists, response
// classification, version status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_HOSTS, hostUrl, type HostConfig } from '../../../server/src/upstream/hosts';
import { checkName, InvalidNameError, validBranch, validPackageName } from '../../../server/src/upstream/names';
import { defaultFedoraBranches, parseBranches, sortBranches, usefulFedoraBranches } from '../../../server/src/upstream/branches';
import { classifyFailure, classifyFile } from '../../../server/src/upstream/classify';
import { isSigRelease, parseMdapi, versionStatus } from '../../../server/src/upstream/versions';
import { parseEvr } from '../../../server/src/rpm/vercmp';

test('Pagure URLs (Fedora today)', () => {
  const h = DEFAULT_HOSTS.fedora;
  assert.equal(hostUrl(h, 'raw', 'systemd', 'rawhide', 'systemd.spec'), 'https://src.fedoraproject.org/rpms/systemd/raw/rawhide/f/systemd.spec');
  assert.equal(hostUrl(h, 'page', 'systemd'), 'https://src.fedoraproject.org/rpms/systemd');
  assert.equal(hostUrl(h, 'specPage', 'systemd', 'f41'), 'https://src.fedoraproject.org/rpms/systemd/blob/f41/f/systemd.spec');
  assert.equal(hostUrl(h, 'log', 'systemd', 'rawhide'), 'https://src.fedoraproject.org/rpms/systemd/commits/rawhide');
  assert.equal(hostUrl(h, 'branchesApi', 'systemd'), 'https://src.fedoraproject.org/api/0/rpms/systemd/git/branches');
});

test('Forgejo URLs (Fedora\'s next dist-git) and a mirror base', () => {
  const h: HostConfig = { ...DEFAULT_HOSTS.fedora, flavour: 'forgejo', base: 'https://forge.example.org/' };
  assert.equal(hostUrl(h, 'raw', 'bash', 'f41', 'bash.spec'), 'https://forge.example.org/rpms/bash/raw/branch/f41/bash.spec');
  assert.equal(hostUrl(h, 'specPage', 'bash', 'f41'), 'https://forge.example.org/rpms/bash/src/branch/f41/bash.spec');
  assert.equal(hostUrl(h, 'log', 'bash', 'rawhide'), 'https://forge.example.org/rpms/bash/commits/branch/rawhide');
  assert.equal(hostUrl(h, 'branchesApi', 'bash'), 'https://forge.example.org/api/v1/repos/rpms/bash/branches');
});

test('GitLab URLs (CentOS Stream, Hyperscale) and template overrides', () => {
  assert.equal(hostUrl(DEFAULT_HOSTS.centos, 'raw', 'systemd', 'c9s', 'systemd.spec'), 'https://gitlab.com/redhat/centos-stream/rpms/systemd/-/raw/c9s/systemd.spec');
  assert.equal(hostUrl(DEFAULT_HOSTS.hyperscale, 'page', 'systemd'), 'https://gitlab.com/CentOS/Hyperscale/rpms/systemd');
  assert.equal(hostUrl(DEFAULT_HOSTS.hyperscale, 'branchesApi', 'systemd'), 'https://gitlab.com/api/v4/projects/CentOS%2FHyperscale%2Frpms%2Fsystemd/repository/branches?per_page=100');
  assert.equal(hostUrl(DEFAULT_HOSTS.centos, 'raw', 'libsigc++20', 'c9s', 'libsigc++20.spec'), 'https://gitlab.com/redhat/centos-stream/rpms/libsigcplusplus20/-/raw/c9s/libsigc++20.spec');
  assert.equal(hostUrl(DEFAULT_HOSTS.fedora, 'page', 'libsigc++20'), 'https://src.fedoraproject.org/rpms/libsigc++20');
  const custom: HostConfig = { ...DEFAULT_HOSTS.centos, templates: { raw: '{base}/mirror/{name}/{branch}/{path}' } };
  assert.equal(hostUrl(custom, 'raw', 'x', 'c10s', 'x.spec'), 'https://gitlab.com/mirror/x/c10s/x.spec');
});

test('package and branch names are validated before they reach a URL', () => {
  for (const ok of ['systemd', 'python3-foo', 'gtk+', 'libstdc++', 'perl-Foo_Bar', 'a.b']) assert.ok(validPackageName(ok), ok);
  for (const bad of ['', '../etc', 'a/b', '-x', '.x', 'a..b', 'a b', 'a%2Fb', 'a?x=1', 'a#b', 'x'.repeat(201)]) assert.ok(!validPackageName(bad), bad);
  for (const ok of ['rawhide', 'f41', 'epel9', 'c9s-sig-hyperscale', 'epel10.1']) assert.ok(validBranch(ok), ok);
  for (const bad of ['../f41', 'f41/..', 'a b', '', 'x&y']) assert.ok(!validBranch(bad), bad);
  assert.throws(() => checkName(null), (e) => e instanceof InvalidNameError && /no usable Name/.test(e.message));
  assert.throws(() => checkName('../x'), /"..\/x" is not a valid RPM package name/);
});

test('branch lists: API answers of each flavour, sorting, the default list', () => {
  assert.deepEqual(parseBranches('{"branches": ["f40", "rawhide", "epel9"]}'), ['f40', 'rawhide', 'epel9']);
  assert.deepEqual(parseBranches('[{"name": "main"}, {"name": "f41"}]'), ['main', 'f41']);
  assert.equal(parseBranches('<html>'), undefined);
  assert.deepEqual(sortBranches(['epel9', 'f40', 'rawhide', 'f41', 'epel10', 'c9s', 'epel9-next']), ['rawhide', 'f41', 'f40', 'epel10', 'epel9-next', 'epel9', 'c9s']);
  assert.deepEqual(usefulFedoraBranches(['f19', 'f43', 'rawhide', 'epel7', 'epel9', 'private-foo', 'f45'], 46), ['rawhide', 'f45', 'f43', 'epel9']);
  assert.deepEqual(defaultFedoraBranches(46), ['rawhide', 'f45', 'f44', 'epel10', 'epel9', 'epel8']);
});

test('response classification: a spec, a 404, an HTML challenge page, other HTML, server errors', () => {
  const ok = { status: 200, headers: { 'content-type': 'text/plain' }, body: 'Name: x\n' };
  assert.deepEqual(classifyFile(ok, 'Fedora', 'x.spec'), { kind: 'ok', text: 'Name: x\n' });
  assert.deepEqual(classifyFile({ status: 404, headers: {}, body: '' }, 'Fedora', 'x.spec on f41'), { kind: 'not-found', message: 'No such package/branch on Fedora: x.spec on f41 was not found' });
  const anubis = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><html><title>Making sure you&#39;re not a bot!</title><script src="/.within.website/x/cmd/anubis/"></script>' };
  assert.deepEqual(classifyFile(anubis, 'Fedora', 'x.spec'), { kind: 'challenge', message: 'Fedora answered with a browser challenge page instead of x.spec; open it in the browser, or point the base URL setting at a mirror' });
  const cf = { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><head><title>Just a moment...</title>' };
  assert.equal(classifyFile(cf, 'GitLab', 'x.spec').kind, 'challenge');
  assert.deepEqual(classifyFile({ status: 200, headers: {}, body: '<!DOCTYPE html><p>login</p>' }, 'GitLab', 'x.spec'), { kind: 'error', message: 'GitLab answered with an HTML page instead of x.spec (is the URL template right?)' });
  assert.deepEqual(classifyFile({ status: 502, headers: {}, body: '' }, 'GitLab', 'x'), { kind: 'error', message: 'GitLab failed (HTTP 502); try again later' });
});

test('request failures: timeout and offline say so', () => {
  const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
  assert.deepEqual(classifyFailure(timeout, 'Fedora', 15000), { kind: 'error', message: 'Fedora did not answer within 15 s (offline?)' });
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  assert.deepEqual(classifyFailure(refused, 'Fedora', 15000), { kind: 'error', message: 'Fedora is not reachable (ECONNREFUSED): you seem to be offline' });
  const dns = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
  assert.match((classifyFailure(dns, 'Fedora', 1000) as { message: string }).message, /ENOTFOUND/);
});

test('version status: mdapi answers, newer/older/same, and CentOS superseding a SIG build', () => {
  assert.deepEqual(parseMdapi('{"epoch": "0", "version": "256", "release": "3.fc46", "basename": "systemd"}'), { epoch: null, version: '256', release: '3.fc46' });
  assert.deepEqual(parseMdapi('{"epoch": 2, "version": "1.0", "release": "1"}'), { epoch: '2', version: '1.0', release: '1' });
  assert.equal(parseMdapi('not json'), undefined);
  const local = parseEvr('252-2.1.hs.el9');
  assert.ok(isSigRelease(local.release));
  const lines = versionStatus(local, [
    { label: 'Fedora rawhide', evr: parseEvr('256-3.fc46') },
    { label: 'CentOS Stream c9s', evr: parseEvr('252-3.el9'), centos: true },
    { label: 'CentOS Stream c8s', evr: parseEvr('239-80.el8'), centos: true },
    { label: 'CentOS Stream c10s', problem: 'not in CentOS Stream', centos: true },
  ], true);
  assert.deepEqual(lines.map((l) => l.text), [
    'Fedora rawhide: 256-3.fc46 (newer than yours)',
    'CentOS Stream c9s: 252-3.el9 supersedes your SIG build 252-2.1.hs.el9: rebase or bump your release above it',
    'CentOS Stream c8s: 239-80.el8 (older than yours)',
    'CentOS Stream c10s: not in CentOS Stream',
  ]);
  assert.equal(lines[1].superseded, true);
});
