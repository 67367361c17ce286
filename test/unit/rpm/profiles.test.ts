// The client's profile picker lists the server's profiles, with the same target rpm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES, resolveProfile } from '../../../server/src/rpm/profiles';

test('the client picker (client/src/commands/spec.ts) lists the server\'s profiles with their rpm', () => {
  // Read as text: the client module imports `vscode`, which only exists in the extension host.
  const client = readFileSync(join(__dirname, '..', '..', '..', '..', 'client', 'src', 'commands', 'spec.ts'), 'utf8');
  const listed = [...client.matchAll(/\{ id: '([^']+)', label: '[^']+', rpm: '([^']+)' \}/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(listed, PROFILES.map((p) => `${p.id} ${p.rpm}`));
});

test('each target\'s rpm: Fedora by release, EL by major version', () => {
  const rpm = (id: string) => resolveProfile(id).rpm;
  assert.deepEqual(['fedora-38', 'fedora-39', 'fedora-40', 'fedora-41', 'fedora-42', 'fedora-43', 'el8', 'el9-hs', 'el10-hsx'].map(rpm),
    ['4.18', '4.19', '4.19', '4.20', '4.20', '6.0', '4.14', '4.16', '4.19']);
});
