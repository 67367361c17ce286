// The `auto` profile (the default): the git branch of the spec's checkout picks the distro profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/service';
import { clearBranchCache } from '../../../../server/src/service/spec/branchProfile';
import { BASE, describe } from './helpers';
import { context, memoryHost } from '../memoryHost';

const SPEC = BASE + '%build\n%if 0%{?rhel}\nmake %{el_only}\n%else\nmake %{fedora_only}\n%endif\n';

async function run(files: Record<string, string>, uri: string, settings: unknown = {}): Promise<{ findings: string[]; profile: string }> {
  clearBranchCache();
  const service = createLanguageService();
  const ctx = context(memoryHost(files), settings);
  const doc = { uri, languageId: 'rpm-spec', version: 1, text: SPEC };
  const findings = (await service.diagnostics(doc, ctx)).filter((f) => f.code === 'undefined-macro').map((f) => describe(SPEC, f));
  return { findings, profile: (await service.inactiveRegions(doc, ctx)).profile };
}

const EL_ACTIVE = [
  'undefined-macro warning 11:6-11:16 Macro %{el_only} is not defined: rpm leaves it unexpanded (write %{?el_only} if it is optional)',
  'undefined-macro hint 13:6-13:20 Macro %{fedora_only} is not defined: rpm leaves it unexpanded (write %{?fedora_only} if it is optional) (inactive for el9-hs)',
];

test('a checkout of the c9s-hs branch is checked for EL9 Hyperscale, from the spec folder or above it', async () => {
  assert.deepEqual(await run({ '/ws/pkg/.git/HEAD': 'ref: refs/heads/c9s-hs\n' }, 'file:///ws/pkg/hello.spec'), { findings: EL_ACTIVE, profile: 'el9-hs' });
  assert.deepEqual(await run({ '/ws/.git/HEAD': 'ref: refs/heads/c9s-hs\n' }, 'file:///ws/pkg/SPECS/hello.spec'), { findings: EL_ACTIVE, profile: 'el9-hs' });
});

test('a git worktree: the .git file names the git directory', async () => {
  const files = { '/wt/c9s/.git': 'gitdir: ../repo/.git/worktrees/c9s\n', '/wt/repo/.git/worktrees/c9s/HEAD': 'ref: refs/heads/c9s-hs\n' };
  assert.equal((await run(files, 'file:///wt/c9s/hello.spec')).profile, 'el9-hs');
});

test('no repository, another branch or a detached HEAD: Fedora Rawhide; a chosen profile is kept', async () => {
  const rawhide = [
    'undefined-macro hint 11:6-11:16 Macro %{el_only} is not defined: rpm leaves it unexpanded (write %{?el_only} if it is optional) (inactive for fedora-rawhide)',
    'undefined-macro warning 13:6-13:20 Macro %{fedora_only} is not defined: rpm leaves it unexpanded (write %{?fedora_only} if it is optional)',
  ];
  assert.deepEqual(await run({}, 'file:///ws/pkg/hello.spec'), { findings: rawhide, profile: 'fedora-rawhide' });
  assert.equal((await run({ '/ws/pkg/.git/HEAD': 'ref: refs/heads/my-feature\n' }, 'file:///ws/pkg/hello.spec')).profile, 'fedora-rawhide');
  assert.equal((await run({ '/ws/pkg/.git/HEAD': '0123456789abcdef0123456789abcdef01234567\n' }, 'file:///ws/pkg/hello.spec')).profile, 'fedora-rawhide');
  assert.equal((await run({}, 'untitled:Untitled-1')).profile, 'fedora-rawhide');
  assert.equal((await run({ '/ws/pkg/.git/HEAD': 'ref: refs/heads/c9s-hs\n' }, 'file:///ws/pkg/hello.spec', { spec: { profile: 'el10' } })).profile, 'el10');
});

test('switching branches switches the profile', async () => {
  clearBranchCache();
  const host = memoryHost({ '/ws/pkg/.git/HEAD': 'ref: refs/heads/rawhide\n' });
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/pkg/hello.spec', languageId: 'rpm-spec', version: 1, text: SPEC };
  assert.equal((await service.inactiveRegions(doc, context(host))).profile, 'fedora-rawhide');
  host.files.set('/ws/pkg/.git/HEAD', new TextEncoder().encode('ref: refs/heads/c10s-hsx\n'));
  host.stat = async (p) => (host.files.has(p) ? { size: host.files.get(p)!.length, mtimeMs: 2 } : undefined);
  assert.equal((await service.inactiveRegions(doc, context(host))).profile, 'el10-hsx');
});
