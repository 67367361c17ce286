// Checks that mirror rpmlint's SpecCheck, with rpmlint's ids and exact ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, diag } from './helpers';
import { depTokens } from '../../../../server/src/service/spec/checks/rpmlint';
import { createLanguageService } from '../../../../server/src/service';
import { normalizeSettings } from '../../../../server/src/service/settings';
import type { Host } from '../../../../server/src/service/types';

const withTags = (tags: string) => BASE.replace('License:        MIT', `License:        MIT\n${tags}`);

test('macro-in-comment: single % only, with rpmlint\'s comment rule', () => {
  assert.deepEqual(diag(BASE + '%build\n# uses %{_libdir} and %%{escaped}\nmake # %configure here\n', ['macro-in-comment']), [
    'macro-in-comment warning 10:8-10:18 Macro expanded in comment: %{_libdir} (escape it as %%{_libdir})',
    'macro-in-comment warning 11:8-11:18 Macro expanded in comment: %configure (escape it as %%configure)',
  ]);
});

test('mixed-use-of-spaces-and-tabs, reported once on the later line', () => {
  const text = BASE.replace('Version:        1.0', 'Version:\t1.0');
  assert.deepEqual(diag(text, ['mixed-use-of-spaces-and-tabs']), ['mixed-use-of-spaces-and-tabs warning 2:1-2:13 Mixed use of spaces and tabs (spaces: line 1, tab: line 2)']);
});

test('mixed-use-of-spaces-and-tabs: alignment spaces found in %changelog text, also after an edit', async () => {
  const spec = (summary: string) => [
    'Name: hello', 'Version: 1.0', 'Release: 1', `Summary: ${summary}`, 'License: MIT', '', '%description', 'Hello.', '',
    '%build', '\tmake', '', '%changelog', '* Tue Nov 24 2026 A <a@b.c> - 1.0-1', '- Fixes  the build', '- Notes  %%name', '',
  ].join('\n');
  const expected = ['mixed-use-of-spaces-and-tabs warning 15:1-15:19 Mixed use of spaces and tabs (spaces: line 15, tab: line 11)'];
  assert.deepEqual(diag(spec('Greets'), ['mixed-use-of-spaces-and-tabs']), expected);
  // The changelog line with a macro (checked line by line) is the first such line once the plain one goes.
  assert.deepEqual(diag(spec('Greets').replace('- Fixes  the', '- Fixes the'), ['mixed-use-of-spaces-and-tabs']), [
    'mixed-use-of-spaces-and-tabs warning 16:1-16:16 Mixed use of spaces and tabs (spaces: line 16, tab: line 11)',
  ]);
  // Through the service, the second version re-uses the lines' memos (changelog lines share theirs).
  const service = createLanguageService();
  const ctx = { settings: normalizeSettings({}), host: { now: () => new Date(Date.UTC(2026, 10, 29)) } as unknown as Host, trusted: false };
  for (const [v, text] of [[1, spec('Greets')], [2, spec('Greets you')]] as const) {
    const found = (await service.diagnostics({ uri: 'file:///m.spec', languageId: 'rpm-spec', version: v, text }, ctx)).filter((f) => f.code === 'mixed-use-of-spaces-and-tabs');
    assert.deepEqual(found.map((f) => [f.span.start, f.span.end]), [[text.indexOf('- Fixes'), text.indexOf('- Fixes') + 18]], `version ${v}`);
  }
});

test('hardcoded-library-path: lib64 paths, with the replacement', () => {
  assert.deepEqual(diag(BASE + '%install\nrm %{buildroot}/usr/lib64/*.la\nls /lib64/x\n%files\n/usr/lib64/libx.so.1\n/usr/lib/systemd/system/x.service\n', ['hardcoded-library-path']), [
    'hardcoded-library-path warning 10:4-10:26 Hard-coded library path %{buildroot}/usr/lib64: use %{buildroot}%{_libdir}',
    'hardcoded-library-path warning 11:4-11:10 Hard-coded library path /lib64: use /%{_lib}',
    'hardcoded-library-path warning 13:1-13:11 Hard-coded library path /usr/lib64: use %{_libdir}',
  ]);
});

test('hardcoded-prefix-tag; obsolete BuildRoot, Group, %clean and %defattr are faded hints', () => {
  const text = withTags('Prefix: /usr\nBuildRoot: %{_tmppath}/x\nGroup: Applications') + '%clean\nrm -rf x\n%files\n%defattr(-,root,root,-)\n';
  assert.deepEqual(diag(text, ['hardcoded-prefix-tag', 'buildroot-tag', 'group-tag', 'superfluous-%clean-section', 'defattr-is-default']), [
    'hardcoded-prefix-tag warning 6:9-6:13 Hard-coded Prefix tag /usr: remove it to allow relocation',
    'buildroot-tag hint 7:1-7:25 BuildRoot is ignored by rpm >= 4.6 and can be removed',
    'group-tag hint 8:1-8:20 The Group tag is not used by Fedora or EL and can be removed',
    'superfluous-%clean-section hint 12:1-12:7 The %clean section is not needed: rpm cleans the build root itself',
    'defattr-is-default hint 15:1-15:24 %defattr(-,root,root,-) is the default since rpm 4.4 and can be removed',
  ]);
});

test('unversioned explicit Provides and Obsoletes; paths, versions and macros are fine', () => {
  const text = withTags('Provides: foo, bar = 1.0, /usr/bin/x, %{name}-compat\nObsoletes: old < 2, older');
  assert.deepEqual(diag(text, ['unversioned-explicit-provides', 'unversioned-explicit-obsoletes']), [
    'unversioned-explicit-provides warning 6:11-6:14 Unversioned Provides: foo (add a version, e.g. foo = %{version}-%{release})',
    'unversioned-explicit-obsoletes warning 7:21-7:26 Unversioned Obsoletes: older (add a version, e.g. older < 1.0-1)',
  ]);
  assert.deepEqual(depTokens('a(x) >= 1, (b or c)', 0).map((d) => [d.name, d.versioned]), [['a(x)', true], ['(b or c)', false]]);
});

test('comparison-operator-in-deptoken: an operator without spaces makes one name of the token (rpmlint\'s own test spec)', () => {
  // Lines like rpmlint's test/spec/SpecCheckTemp.spec and comparison-operator-in-deptoken.spec (corpus).
  const text = withTags('BuildRequires:  something>2.0\nRequires(post): Someotherthing<1.0, ok >= 1\nConflicts:      Someotherthing<=2.0\nProvides:       a(x)=1\nRequires:       %{name}-libs%{?_isa}=%{version}');
  assert.deepEqual(diag(text, ['comparison-operator-in-deptoken', 'unversioned-explicit-provides']), [
    'comparison-operator-in-deptoken warning 6:17-6:30 Dependency token something>2.0 contains a comparison operator: rpm reads it as one name; put spaces around the operator: something > 2.0',
    'comparison-operator-in-deptoken warning 7:17-7:35 Dependency token Someotherthing<1.0 contains a comparison operator: rpm reads it as one name; put spaces around the operator: Someotherthing < 1.0',
    'comparison-operator-in-deptoken warning 8:17-8:36 Dependency token Someotherthing<=2.0 contains a comparison operator: rpm reads it as one name; put spaces around the operator: Someotherthing <= 2.0',
    'comparison-operator-in-deptoken warning 9:17-9:23 Dependency token a(x)=1 contains a comparison operator: rpm reads it as one name; put spaces around the operator: a(x) = 1',
    'comparison-operator-in-deptoken warning 10:17-10:48 Dependency token %{name}-libs%{?_isa}=%{version} contains a comparison operator: rpm reads it as one name; put spaces around the operator: %{name}-libs%{?_isa} = %{version}',
  ]);
  // Spaced operators, rich dependencies, operators inside a macro, and Summary text are fine.
  const fine = withTags('Requires: a >= 1, b\nRequires: (c >= 1 or d)\nRequires: %{?with_x:x>=1}\nRecommends: e%{?x:>=1}');
  assert.deepEqual(diag(fine, ['comparison-operator-in-deptoken']), []);
});

test('setup-not-quiet, configure-without-libdir-spec, rpm-buildroot-usage', () => {
  const text = BASE + '%prep\n%setup -n x\n%setup -q -T -c\n\n%build\n./configure \\\n  --prefix=/usr\nmake DESTDIR=%{buildroot}\necho %%{buildroot}\n';
  assert.deepEqual(diag(text, ['setup-not-quiet', 'configure-without-libdir-spec', 'rpm-buildroot-usage']), [
    'setup-not-quiet warning 10:1-10:7 Use %setup -q to avoid useless output from unpacking the sources',
    'configure-without-libdir-spec warning 14:1-14:12 ./configure is run without --libdir=%{_libdir}',
    'rpm-buildroot-usage warning 16:14-16:26 $RPM_BUILD_ROOT or %{buildroot} must not be used in %build: it breaks short-circuit builds',
  ]);
  // Longer names that start with the build root's are other macros and variables (kernel.spec's %{buildroot_unstripped}).
  const other = BASE + '%build\nrm -rf %{buildroot_unstripped} $RPM_BUILD_ROOT_X %buildroot_save\ncp a ${RPM_BUILD_ROOT}/b\n';
  assert.deepEqual(diag(other, ['rpm-buildroot-usage']), [
    'rpm-buildroot-usage warning 11:6-11:23 $RPM_BUILD_ROOT or %{buildroot} must not be used in %build: it breaks short-circuit builds',
  ]);
});

test('patch-not-applied unless applied by number, -P, %autosetup or %autopatch', () => {
  const tags = withTags('Patch0: a.patch\nPatch1: b.patch\nPatch2: c.patch\nPatch3: d.patch');
  assert.deepEqual(diag(tags + '%prep\n%setup -q\n%patch0 -p1\n%patch -P 1 -p1\n%patch 2 -p1\n', ['patch-not-applied']), [
    'patch-not-applied warning 9:1-9:16 Patch3 (d.patch) is declared but never applied',
  ]);
  assert.deepEqual(diag(tags + '%prep\n%autosetup -p1\n', ['patch-not-applied']), []);
  assert.deepEqual(diag(tags + '%prep\n%autosetup -N\n%autopatch -p1\n', ['patch-not-applied']), []);
});

test('use-of-RPM_SOURCE_DIR once', () => {
  assert.deepEqual(diag(BASE + '%install\ncp $RPM_SOURCE_DIR/a .\ncp %{_sourcedir}/b .\n', ['use-of-RPM_SOURCE_DIR']), [
    'use-of-RPM_SOURCE_DIR warning 10:4-10:19 $RPM_SOURCE_DIR used: refer to sources as %{SOURCEn} instead',
  ]);
});

test('deprecated PreReq and BuildPreReq', () => {
  assert.deepEqual(diag(withTags('PreReq: a\nBuildPreReq: b'), ['prereq-use', 'buildprereq-use']), [
    'prereq-use warning 6:1-6:7 PreReq is deprecated: use Requires, or Requires(pre)/Requires(post)',
    'buildprereq-use warning 7:1-7:12 BuildPreReq is deprecated: use BuildRequires',
  ]);
});

test('setup-not-in-prep, %autosetup-/%autopatch-not-in-prep, make-check-outside-check-section', () => {
  const text = BASE + '%prep\n%setup -q\n%build\n%autopatch -p1\nmake check\n%{__make} test\n# make check\n%install\n%setup -q -T\n%check\nmake check\n';
  assert.deepEqual(diag(text, ['setup-not-in-prep', '%autosetup-not-in-prep', '%autopatch-not-in-prep', 'make-check-outside-check-section']), [
    '%autopatch-not-in-prep warning 12:1-12:11 %autopatch belongs in %prep, not in %build',
    'make-check-outside-check-section warning 13:1-13:11 "make check" runs tests in %build: move it to %check, which rpmbuild --nocheck skips',
    'make-check-outside-check-section warning 14:1-14:15 "%{__make} test" runs tests in %build: move it to %check, which rpmbuild --nocheck skips',
    'setup-not-in-prep warning 17:1-17:7 %setup belongs in %prep, not in %install',
  ]);
});

test('non-break-space on every line (also %changelog), deprecated-grep in scripts, python-setup-test in %check', () => {
  const nb = '\u00a0';
  const text = BASE.replace('Summary:        Greets', `Summary:        Greets${nb}you`) +
    '%build\negrep -q x y | fgrep z\n# egrep in a comment\necho pgrep egrepx\n%check\npython3 setup.py test\n# python3 setup.py test\n' +
    `%files\n%{_bindir}/egrep\n%changelog\n* Mon Jan 01 2024 J <j@x.org> - 1.0-1\n-${nb}Initial\n`;
  assert.deepEqual(diag(text, ['non-break-space', 'deprecated-grep', 'python-setup-test']), [
    'non-break-space warning 4:23-4:24 Non-breaking space (U+00A0): rpm and the shell read it as part of a word; write a plain space',
    'deprecated-grep warning 10:1-10:6 egrep is deprecated (GNU grep 3.8 warns each time it runs): use grep -E',
    'deprecated-grep warning 10:16-10:21 fgrep is deprecated (GNU grep 3.8 warns each time it runs): use grep -F',
    'python-setup-test warning 14:9-14:22 "setup.py test" is deprecated (setuptools 72 removed it): run the tests with %pytest or %tox',
    'non-break-space warning 20:2-20:3 Non-breaking space (U+00A0): rpm and the shell read it as part of a word; write a plain space',
  ]);
});

test('hardcoded-packager-tag, patch-fuzz-is-changed, %ifarch-applied-patch, libdir-macro-in-noarch-package', () => {
  const text = withTags('Packager:       Jane <j@x.org>\nPatch1:         a.patch\nPatch2:         b.patch\nBuildArch:      noarch') +
    '%global _default_patch_fuzz 2\n%package data\nSummary: d\n%description data\nD.\n' +
    '%prep\n%setup -q\n%patch -P 1 -p1\n%ifarch x86_64\n%patch -P 2 -p1\n%endif\n' +
    '%files\n%{_datadir}/x\n%{_libdir}/y\n# %{_libdir} in a comment\n%files data\n%{_lib}/z\n';
  assert.deepEqual(diag(text, ['hardcoded-packager-tag', 'patch-fuzz-is-changed', '%ifarch-applied-patch', 'libdir-macro-in-noarch-package']), [
    "hardcoded-packager-tag warning 6:1-6:9 Packager: Jane <j@x.org> is hardcoded: remove it, so the build system's own packager is recorded",
    'patch-fuzz-is-changed warning 13:9-13:28 %global _default_patch_fuzz changes how much fuzz patches may have: rebase the patches instead',
    '%ifarch-applied-patch warning 22:1-22:16 Patch2 applied inside %ifarch: apply patches on every architecture and make the change itself conditional',
    'libdir-macro-in-noarch-package warning 26:1-26:11 %{_libdir} in the %files of noarch package (main package): the path differs between architectures',
    'libdir-macro-in-noarch-package warning 29:1-29:8 %{_lib} in the %files of noarch package hello-data: the path differs between architectures',
  ]);
  // %autosetup applies every patch: rpmlint says nothing about %ifarch then.
  assert.deepEqual(diag(text.replace('%setup -q', '%autosetup -N\n%autopatch'), ['%ifarch-applied-patch']), []);
});
