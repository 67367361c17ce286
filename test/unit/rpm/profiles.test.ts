// The client's profile picker lists the server's profiles, with the same target rpm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTO_PROFILE, PROFILES, profileForBranch, resolveProfile } from '../../../server/src/rpm/profiles';

test('the client picker (client/src/commands/spec.ts) lists the server\'s profiles with their rpm', () => {
  // Read as text: the client module imports `vscode`, which only exists in the extension host.
  const client = readFileSync(join(__dirname, '..', '..', '..', '..', 'client', 'src', 'commands', 'spec.ts'), 'utf8');
  const listed = [...client.matchAll(/\{ id: '([^']+)', label: '[^']+', rpm: '([^']+)' \}/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(listed, [`${AUTO_PROFILE} of the branch`, ...PROFILES.map((p) => `${p.id} ${p.rpm}`)]);
});

test('each target\'s rpm: Fedora by release, EL by major version', () => {
  const rpm = (id: string) => resolveProfile(id).rpm;
  assert.deepEqual(['fedora-38', 'fedora-39', 'fedora-40', 'fedora-41', 'fedora-42', 'fedora-43', 'el8', 'el9-hs', 'el10-hsx'].map(rpm),
    ['4.18', '4.19', '4.19', '4.20', '4.20', '6.0', '4.14', '4.16', '4.19']);
});

test('the profile a dist-git branch builds for', () => {
  const cases: Array<[string, string | undefined]> = [
    ['rawhide', 'fedora-rawhide'], ['f44', 'fedora-44'], ['f46', 'fedora-rawhide'], ['f99', 'fedora-rawhide'],
    ['epel9', 'el9'], ['epel10', 'el10'], ['epel10.1', 'el10'], ['epel9-next', 'el9'], ['c9s', 'el9'], ['c10s', 'el10'], ['c8s', 'el8'],
    ['c9s-hs', 'el9-hs'], ['c10s-hsx', 'el10-hsx'], ['c9s-hs-fb', 'el9-hs-fb'],
    ['c9s-sig-hyperscale', 'el9-hs'], ['c10s-sig-hyperscale-experimental', 'el10-hsx'], ['c9s-sig-hyperscale-facebook', 'el9-hs-fb'],
    ['c8s-hs', 'el8'], ['main', undefined], ['feature/x', undefined], ['c9s-hsy', undefined],
  ];
  assert.deepEqual(cases.map(([b]) => [b, profileForBranch(b)]), cases);
});
