// Undefined macros, inactive branches under the distro profile, severity settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { BASE, diag, findings } from './helpers';
import { builtinMacro } from '../../../../server/src/rpm/macroData';
import { macroNamesDefinedIn } from '../../../../server/src/rpm/macroFiles';

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
  // The release package's macros.dist (binutils.spec: --with-bugurl=%{dist_bug_report_url}).
  const dist = BASE + '%build\n%configure --with-bugurl=%{dist_bug_report_url} --with-pkgversion="%{dist_name}" --vendor="%{dist_vendor}"\n';
  assert.deepEqual(diag(dist, ['undefined-macro']), []);
  // Other macro packages' names used in Fedora specs (libreoffice, go-rpm-macros, python-rpm-macros,
  // python-psycopg3, rust).
  const more = BASE + '%build\n%writevars -f m a b\necho %{__default_python3_version} %{clang_resource_dir}\n%install\ninstall -d %{buildroot}%{_fontdir}\n%check\n%postgresql_tests_run\n%_font_pkg -n x x.ttf\n';
  assert.deepEqual(diag(more, ['undefined-macro']), []);
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

test('a use inside an %if that proves the name defined is not reported; the same use outside it is', () => {
  const lines = [
    '%if %{defined target_list}', 'make --target-list="%{target_list}"', '%endif', // qemu.spec
    '%if %defined llvm_compat_version', 'cc /usr/lib/clang/%{llvm_compat_version}', '%else', 'cc %{llvm_compat}', '%endif', // rust.spec
    '%if 0%{?rcver:1} && 0%{?rhel} >= 8', 'echo %{rcver}', '%endif', // qemu-kvm.spec
    '%if %{undefined snapdate}', 'echo release', '%else', 'echo %{snapdate}', '%endif',
    '%if %{defined a} || %{defined b}', 'echo %{a}', '%endif', // either may be undefined
    '%if 0%{?cnt} == 0', 'echo %{cnt}', '%endif', // true when undefined
    'echo %{target_list}',
  ];
  assert.deepEqual(diag(BASE + '%build\n' + lines.join('\n') + '\n', ['undefined-macro']).map((l) => l.replace(/ is not defined.*/, '')), [
    'undefined-macro warning 16:4-16:18 Macro %{llvm_compat}', // the %else of a positive test proves nothing
    'undefined-macro hint 27:6-27:10 Macro %{a}', // (a hint: the branch is false under the profile)
    'undefined-macro warning 30:6-30:12 Macro %{cnt}',
    'undefined-macro warning 32:6-32:20 Macro %{target_list}',
  ]);
});

test('names Lua defines through rpm.define(string.format("name %s", …)) are known (nss.spec)', () => {
  const text = BASE + '%{lua:\nrpm.define(string.format("nss_archive_version %s",\n  string.gsub(rpm.expand("%version"), "(.*)%.0$", "%1")))\n}\n%prep\n%setup -q -n nss-%{nss_archive_version}\n';
  assert.deepEqual(diag(text, ['undefined-macro']), []);
});

test('%ifarch follows the profile arch', () => {
  const text = BASE + '%build\n%ifarch aarch64\nmake %{arm_only}\n%endif\n';
  assert.equal(findings(text).find((f) => f.code === 'undefined-macro')!.severity, 'hint');
  assert.equal(findings(text, { spec: { arch: 'aarch64' } }).find((f) => f.code === 'undefined-macro')!.severity, 'warning');
});

test('spec directives and section keywords inside a macro body are spec lines, not undefined macros', () => {
  // The shape of Fedora kernel.spec's kernel_variant_package: a %define whose body writes %if/%package lines.
  const text = BASE + [
    '%define variant_package(n:) \\',
    '%package %{-n*}\\',
    'Summary: A variant\\',
    '%if 0%{?fedora}\\',
    'Provides: x\\',
    '%else\\',
    'Provides: y\\',
    '%endif\\',
    '%description %{-n*}\\',
    'The variant.\\',
    '%files %{-n*}\\',
    '%{nil}',
    '%build',
    'make %{nosuch}',
  ].join('\n') + '\n';
  assert.deepEqual(diag(text, ['undefined-macro']), [
    'undefined-macro warning 22:6-22:15 Macro %{nosuch} is not defined: rpm leaves it unexpanded (write %{?nosuch} if it is optional)',
  ]);
});

test('one-letter format specifiers and %NAME% placeholders are not macros; braced ones still are', () => {
  const text = BASE + [
    '%build',
    "printf '%s\\n' \"$x\" > out",
    'date +%Y%m%d',
    "sed -i 's/%u/%h/' sshd_config",
    "sed -i 's|%FLATPAK_ENV_VARS%||' launcher",
    'echo %{q} %{FLATPAK_ENV_VARS}%',
  ].join('\n') + '\n';
  assert.deepEqual(diag(text, ['undefined-macro']), [
    'undefined-macro warning 14:6-14:10 Macro %{q} is not defined: rpm leaves it unexpanded (write %{?q} if it is optional)',
    'undefined-macro warning 14:11-14:30 Macro %{FLATPAK_ENV_VARS} is not defined: rpm leaves it unexpanded (write %{?FLATPAK_ENV_VARS} if it is optional)',
  ]);
});

test('macro families of Fedora macro packages are known (Qt, KDE Frameworks, MinGW, GHC, Java, Ruby, Rust, fonts…)', () => {
  const text = BASE + [
    '%install',
    'ls %{_qt6_headerdir} %{_qt5_bindir} %{_kf6_datadir} %{mingw64_includedir} %{_mingw32_libdir} %{ghclibdir}',
    'ls %{_jvmdir} %{ruby_libarchdir} %{gem_instdir} %{crate_instdir} %{version_no_tilde} %{fontpkgname1}',
    '%pom_xpath_inject a b',
    '%ghc_gen_filelists',
    '%dune_build',
    'install -d %{_systemd_user_env_generator_dir} %{_httpd_confdir} %{pecl_xmldir}',
    '%patch0001 -p1',
    '%files',
    '%defverify(not md5) /x',
    '%dev(c,1,3) /dev/null',
    '%jar cf x.jar',
  ].join('\n') + '\n';
  assert.deepEqual(diag(text, ['undefined-macro']), []);
});

test('every macro rpm\'s own macros file defines is known', () => {
  // Debian's rpm package (installed by .ci/run) ships rpm 4.18's macros file.
  const path = '/usr/lib/rpm/macros';
  assert.ok(existsSync(path), `${path} is missing: install Debian's rpm package (apt-get install rpm)`);
  const text = readFileSync(path, 'utf8');
  const names = macroNamesDefinedIn(text);
  assert.ok(names.length > 250, `only ${names.length} macro definitions read from ${path}`);
  assert.deepEqual(names.filter((n) => !builtinMacro(n)), []);
});
