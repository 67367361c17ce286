// Undefined macros, inactive branches under the distro profile, severity settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, diag, findings } from './helpers';

test('an undefined macro used without ? is a warning on the reference', () => {
  assert.deepEqual(diag(BASE + '%build\nmake %{mytarget} %nosuch\n', ['undefined-macro']), [
    'undefined-macro warning 10:6-10:17 Macro %{mytarget} is not defined: rpm leaves it unexpanded (write %{?mytarget} if it is optional)',
    'undefined-macro warning 10:18-10:25 Macro %nosuch is not defined: rpm leaves it unexpanded (write %{?nosuch} if it is optional)',
  ]);
});

test('Fedora, rpmautospec and language macros, spec definitions and bconds are known', () => {
  const text = [
    '%bcond_without tests', '%global forgeurl https://github.com/x/y', '%{!?python3_pkgversion:%global python3_pkgversion 3}',
    BASE.replace('1%{?dist}', '%autorelease'),
    '%prep', '%forgeautosetup -p1', '%generate_buildrequires', '%pyproject_buildrequires',
    '%build', '%pyproject_wheel', '%cmake -DX=%{with tests}', '%cargo_build', '%install', '%pyproject_install',
    '%pyproject_save_files -l hello', 'install -D %{SOURCE1} %{buildroot}%{_unitdir}/x.service',
    '%check', '%if %{with tests}', '%pytest', '%endif', '%post', '%systemd_post x.service',
    '%files -f %{pyproject_files}', '%{python3_sitelib}/x', '%changelog', '%autochangelog',
  ].join('\n');
  assert.deepEqual(diag(text, ['undefined-macro']), []);
});

test('the knownMacros setting silences names from the user\'s build environment', () => {
  const text = BASE + '%build\n%my_company_build\n';
  assert.equal(diag(text, ['undefined-macro']).length, 1);
  assert.deepEqual(diag(text, ['undefined-macro'], { spec: { knownMacros: ['%my_company_build'] } }), []);
});

test('findings in branches inactive for the profile become faded hints; active ones stay', () => {
  const text = BASE + '%build\n%if 0%{?rhel}\nmake %{el_only}\n%else\nmake %{fedora_only}\n%endif\n';
  assert.deepEqual(diag(text, ['undefined-macro']), [
    'undefined-macro hint 11:6-11:16 Macro %{el_only} is not defined: rpm leaves it unexpanded (write %{?el_only} if it is optional) (inactive for fedora-rawhide)',
    'undefined-macro warning 13:6-13:20 Macro %{fedora_only} is not defined: rpm leaves it unexpanded (write %{?fedora_only} if it is optional)',
  ]);
  assert.deepEqual(diag(text, ['undefined-macro'], { spec: { profile: 'el9-hs' } }), [
    'undefined-macro warning 11:6-11:16 Macro %{el_only} is not defined: rpm leaves it unexpanded (write %{?el_only} if it is optional)',
    'undefined-macro hint 13:6-13:20 Macro %{fedora_only} is not defined: rpm leaves it unexpanded (write %{?fedora_only} if it is optional) (inactive for el9-hs)',
  ]);
  const f = findings(text).find((x) => x.severity === 'hint')!;
  assert.deepEqual(f.tags, ['unnecessary']);
});

test('%ifarch follows the profile arch', () => {
  const text = BASE + '%build\n%ifarch aarch64\nmake %{arm_only}\n%endif\n';
  assert.equal(findings(text).find((f) => f.code === 'undefined-macro')!.severity, 'hint');
  assert.equal(findings(text, { spec: { arch: 'aarch64' } }).find((f) => f.code === 'undefined-macro')!.severity, 'warning');
});
