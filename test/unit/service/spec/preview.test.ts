// The spec as a distro profile's build reads it (service/spec/preview.ts): line for line, like `rpmspec -P`
// where the outcome can be known without running anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../../../../server/src/service';
import { context, memoryHost } from '../memoryHost';

const SPEC = [
  '%global srcname demo',                         // 0: a definition: blank
  '%bcond_without tests',                         // 1: blank
  'Name:           python-%{srcname}',            // 2
  'Version:        1.2',
  'Release:        3%{?dist}',                    // 4
  'Summary:        Demo',
  'License:        MIT',
  'Source0:        %{pypi_source %{srcname}}',    // 7: a macro of the build root, its value unknown here
  '%if 0%{?rhel}',                                // 8
  'BuildRequires:  python3-toml',                 // 9
  '%else',                                        // 10
  'BuildRequires:  python3-tomli',                // 11
  '%endif',                                       // 12
  '%if %{with tests}',                            // 13
  'BuildRequires:  python3-pytest',               // 14
  '%endif',                                       // 15
  '%if "%(uname -m)" == "x86_64"',                // 16: needs the shell: kept with its branch
  'BuildRequires:  x86-only',                     // 17
  '%endif',                                       // 18
  '%description',
  'Demo %{nosuch} %{?maybe}.',                    // 20: undefined stays, optional vanishes
  '%build',
  'echo %(date) %%{name}',                        // 22: the shell is never run; %% is one %
  '%{lua:',                                       // 23: a Lua block over lines: as written
  'print(rpm.expand("%{name}"))',
  '}',
  '%files',
  '%license LICENSE',                             // 27: a %files directive, not the License macro
  '%{python3_sitelib}/%{srcname}/',
  '',
].join('\n');

async function preview(profile: string, text = SPEC) {
  const service = createLanguageService();
  const r = await service.expandedSpec({ uri: 'file:///ws/demo.spec', languageId: 'rpm-spec', version: 1, text }, context(memoryHost({}), { spec: { profile } }));
  assert.ok(r);
  return r;
}

test('blank where rpmspec -P is; values of the profile and the spec; what needs code or a hidden value as written', async () => {
  const r = await preview('el9-hs');
  assert.equal(r.profile, 'el9-hs');
  assert.deepEqual(r.text.split('\n'), [
    '', '',
    'Name:           python-demo',
    'Version:        1.2',
    'Release:        3.hs.el9',
    'Summary:        Demo',
    'License:        MIT',
    'Source0:        %{pypi_source %{srcname}}', // kept whole, as written
    '', 'BuildRequires:  python3-toml', '', '', '',
    '', 'BuildRequires:  python3-pytest', '',
    '%if "%(uname -m)" == "x86_64"', 'BuildRequires:  x86-only', '%endif',
    '%description',
    'Demo %{nosuch} .',
    '%build',
    'echo %(date) %{name}',
    '%{lua:', 'print(rpm.expand("%{name}"))', '}',
    '%files',
    '%license LICENSE',
    '%{python3_sitelib}/demo/',
    '',
  ]);
  assert.equal(r.unknownLines, 7); // Source0, the %if on the shell, %(date), the Lua block, the sitelib line
});

test('another profile takes the other branch and its dist', async () => {
  const lines = (await preview('fedora-rawhide')).text.split('\n');
  assert.deepEqual(lines.slice(4, 13), ['Release:        3.fc46', 'Summary:        Demo', 'License:        MIT', 'Source0:        %{pypi_source %{srcname}}', '', '', '', 'BuildRequires:  python3-tomli', '']);
});

test('the installed rpmspec -P agrees on a spec that needs nothing from a build root', async () => {
  const text = [
    '%global upstream 4.2', 'Name: demo', 'Version: %{upstream}', 'Release: 1%{?dist}', 'Summary: d %{name}', 'License: MIT',
    '%if 0%{?rhel}', 'Requires: el-only', '%else', 'Requires: other', '%endif', '%description', 'Version %{version} of %{name}%{?nothing}.',
    '%files', '%license COPYING', '%doc README',
  ].join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'preview-'));
  try {
    writeFileSync(join(dir, 'demo.spec'), text);
    const rpm = spawnSync('rpmspec', ['-P', '--define', 'dist .el9', '--define', 'rhel 9', join(dir, 'demo.spec')], { encoding: 'utf8' });
    assert.equal(rpm.status, 0, `rpmspec (Debian package rpm) must be installed; stderr: ${rpm.stderr}`);
    const ours = (await preview('el9', text)).text;
    assert.equal(ours, rpm.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
