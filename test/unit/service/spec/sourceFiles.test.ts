// source-file-missing: Source/Patch files rpm will not find in %{_sourcedir}, by the layout of the spec's
// folder (dist-git with its `sources` lookaside list, rpmbuild tree, git.centos.org, plain git).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/service';
import { lookasideNames } from '../../../../server/src/rpm/lookaside';
import { BASE, describe } from './helpers';
import { context, memoryHost } from '../memoryHost';

const SHA = 'a'.repeat(128);
const spec = (tags: string, body = '') => BASE.replace('License:        MIT', `License:        MIT\n${tags}`) + body;

async function run(files: Record<string, string>, path: string, text: string): Promise<string[]> {
  const service = createLanguageService();
  const found = await service.diagnostics({ uri: `file://${path}`, languageId: 'rpm-spec', version: 1, text }, context(memoryHost({ ...files, [path]: text })));
  return found.filter((f) => f.code === 'source-file-missing').map((f) => describe(text, f));
}

test('lookaside lists: fedpkg\'s SHA512 lines, old md5 lines, git.centos.org metadata; other lines skipped', () => {
  const text = `SHA512 (hello-1.0.tar.gz) = ${SHA}\n${'d'.repeat(32)}  old-0.9.tar.bz2\n${'e'.repeat(40)} SOURCES/logo.png\n# comment\nnot a line\n\n`;
  assert.deepEqual(lookasideNames(text), ['hello-1.0.tar.gz', 'old-0.9.tar.bz2', 'logo.png']);
});

test('dist-git: a source neither next to the spec nor in its sources file; NoSource, inactive branches as hints', async () => {
  const text = spec([
    'Source0:        https://example.org/%{name}-%{version}.tar.gz',
    'Source1:        hello.conf',
    'Source2:        https://example.org/big-data.tar.xz',
    'NoSource:       2',
    'Patch0:         fix-bulid.patch',
    'Patch1:         https://example.org/upstream-fix.patch',
    '%if 0%{?rhel}',
    'Patch2:         el-only.patch',
    '%endif',
  ].join('\n'));
  const files = { '/ws/hello/sources': `SHA512 (hello-1.0.tar.gz) = ${SHA}\n`, '/ws/hello/fix-build.patch': 'diff' };
  const bad = (what: string) => `"Bad file: /ws/hello/${what}: No such file or directory"`;
  assert.deepEqual(await run(files, '/ws/hello/hello.spec', text), [
    `source-file-missing warning 7:17-7:27 Source1 hello.conf is neither in the spec's folder nor listed in its sources file: rpmbuild stops with ${bad('hello.conf')}`,
    `source-file-missing warning 10:17-10:32 Patch0 fix-bulid.patch is neither in the spec's folder nor listed in its sources file: rpmbuild stops with ${bad('fix-bulid.patch')}`,
    `source-file-missing warning 11:17-11:55 Patch1 upstream-fix.patch is neither in the spec's folder nor listed in its sources file (fedpkg/centpkg new-sources uploads it and lists it there): rpmbuild stops with ${bad('upstream-fix.patch')}`,
    `source-file-missing hint 13:17-13:30 Patch2 el-only.patch is neither in the spec's folder nor listed in its sources file: rpmbuild stops with ${bad('el-only.patch')} (inactive for fedora-rawhide)`,
  ]);
});

test('the quick fix changes a misspelt name to the file that is there; the warning goes once it is', async () => {
  const text = spec('Patch0:         fix-bulid.patch');
  const files = { '/ws/hello/sources': '', '/ws/hello/fix-build.patch': 'diff' };
  const host = memoryHost({ ...files, '/ws/hello/hello.spec': text });
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/hello/hello.spec', languageId: 'rpm-spec', version: 1, text };
  const [finding] = (await service.diagnostics(doc, context(host))).filter((f) => f.code === 'source-file-missing');
  const actions = (await service.codeActions(doc, finding.span, context(host))).filter((a) => a.fixes === finding || a.title.startsWith('Change to'));
  assert.deepEqual(actions.map((a) => a.title), ['Change to fix-build.patch']);
  const [edit] = actions[0].edits;
  const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  assert.match(fixed, /\nPatch0: {9}fix-build\.patch\n/);
  assert.deepEqual((await service.diagnostics({ ...doc, version: 2, text: fixed }, context(host))).filter((f) => f.code === 'source-file-missing'), []);
});

test('the sources file is read again when it changes (an upload adds a line)', async () => {
  const text = spec('Source0:        https://example.org/hello-2.0.tar.gz');
  const host = memoryHost({ '/ws/hello/sources': `SHA512 (hello-1.0.tar.gz) = ${SHA}\n`, '/ws/hello/hello.spec': text });
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/hello/hello.spec', languageId: 'rpm-spec', version: 1, text };
  const codes = async (v: number) => (await service.diagnostics({ ...doc, version: v }, context(host))).filter((f) => f.code === 'source-file-missing').map((f) => f.message.split(' is ')[0]);
  assert.deepEqual(await codes(1), ['Source0 hello-2.0.tar.gz']);
  const [first] = (await service.diagnostics({ ...doc, version: 1 }, context(host))).filter((f) => f.code === 'source-file-missing');
  assert.equal(first.message, 'Source0 hello-2.0.tar.gz is neither in the spec\'s folder nor listed in its sources file (fedpkg/centpkg new-sources uploads it and lists it there; it lists hello-1.0.tar.gz: a version bump without new-sources?): rpmbuild stops with "Bad file: /ws/hello/hello-2.0.tar.gz: No such file or directory"');
  host.files.set('/ws/hello/sources', new TextEncoder().encode(`SHA512 (hello-1.0.tar.gz) = ${SHA}\nSHA512 (hello-2.0.tar.gz) = ${SHA}\n`));
  assert.deepEqual(await codes(2), []);
});

test('an rpmbuild tree and the git.centos.org layout: %{_sourcedir} is ../SOURCES (and the .metadata list)', async () => {
  const text = spec('Source0:        https://example.org/hello-1.0.tar.gz\nPatch0:         fix.patch');
  assert.deepEqual(await run({ '/home/u/rpmbuild/SOURCES/hello-1.0.tar.gz': 'x' }, '/home/u/rpmbuild/SPECS/hello.spec', text), [
    'source-file-missing warning 7:17-7:26 Patch0 fix.patch is not in ../SOURCES: rpmbuild stops with "Bad file: /home/u/rpmbuild/SOURCES/fix.patch: No such file or directory"',
  ]);
  assert.deepEqual(await run({ '/ws/rpms/hello/.hello.metadata': `${'e'.repeat(40)} SOURCES/hello-1.0.tar.gz\n` }, '/ws/rpms/hello/SPECS/hello.spec', text), [
    'source-file-missing warning 7:17-7:26 Patch0 fix.patch is neither in ../SOURCES nor listed in .hello.metadata: rpmbuild stops with "Bad file: /ws/rpms/hello/SOURCES/fix.patch: No such file or directory"',
  ]);
});

test('a plain git checkout: local files must be there, URLs are fetched by COPR/rpkg builds; elsewhere no check', async () => {
  const text = spec('Source0:        https://example.org/hello-1.0.tar.gz\nSource1:        hello.service');
  assert.deepEqual(await run({ '/ws/hello/.git/HEAD': 'ref: refs/heads/main\n' }, '/ws/hello/hello.spec', text), [
    'source-file-missing warning 7:17-7:30 Source1 hello.service is not in the spec\'s folder (it has no sources file listing lookaside files): rpmbuild stops with "Bad file: /ws/hello/hello.service: No such file or directory"',
  ]);
  // A spec on its own (no sources file, no git, not in SPECS/): which files rpm gets is unknown.
  assert.deepEqual(await run({}, '/tmp/hello.spec', text), []);
  assert.deepEqual(await run({}, '/ws/SPECS/hello.spec', text), []);
});

test('%patchlist and %sourcelist entries are sources too (comments and directives are not)', async () => {
  const text = spec('', '%patchlist\n# Fix the build (upstream #1)\nfix-one.patch\n  fix-two.patch\n%sourcelist\n%{name}-extra.tar.gz\n\n%prep\n%autosetup -p1\n');
  assert.deepEqual(await run({ '/ws/hello/sources': '', '/ws/hello/fix-one.patch': 'diff' }, '/ws/hello/hello.spec', text), [
    'source-file-missing warning 13:3-13:16 %patchlist entry fix-two.patch is neither in the spec\'s folder nor listed in its sources file: rpmbuild stops with "Bad file: /ws/hello/fix-two.patch: No such file or directory"',
    'source-file-missing warning 15:1-15:21 %sourcelist entry hello-extra.tar.gz is neither in the spec\'s folder nor listed in its sources file: rpmbuild stops with "Bad file: /ws/hello/hello-extra.tar.gz: No such file or directory"',
  ]);
});
