// rpm's own fatal errors, with rpm's messages, pointed at the right line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, diag } from './helpers';

test('a valid spec has no findings', () => {
  assert.deepEqual(diag(BASE + '%prep\n%autosetup\n\n%files\n%{_bindir}/hello\n'), []);
});

test('unknown tag, on the whole line', () => {
  assert.deepEqual(diag(BASE.replace('License:        MIT', 'License:        MIT\nFoo: bar'), ['unknown-tag']), [
    'unknown-tag error 6:1-6:9 Unknown tag: Foo: bar',
  ]);
  assert.deepEqual(diag('Copyright: GPL\n' + BASE, ['unknown-tag']), ['unknown-tag error 1:1-1:15 Unknown tag: Copyright: GPL (obsolete, use License)']);
});

test('a non-tag line in the preamble, and a tag indented by a space, are unknown tags like in rpm', () => {
  assert.deepEqual(diag(BASE.replace('Summary:', 'just words\n Summary:'), ['unknown-tag']), [
    'unknown-tag error 4:1-4:11 Unknown tag: just words',
    'unknown-tag error 5:1-5:24 Unknown tag:  Summary:        Greets',
  ]);
});

test('missing required tags: on the Name line for the main package, on %package for a subpackage', () => {
  assert.deepEqual(diag(BASE.replace('License:        MIT\n', ''), ['missing-tag']), [
    'missing-tag error 1:1-1:22 License field must be present in package: (main package)',
  ]);
  assert.deepEqual(diag(BASE + '%package devel\nRequires: x\n%description devel\nx\n', ['missing-tag']), [
    'missing-tag error 9:1-9:15 Summary field must be present in package: hello-devel',
  ]);
  assert.deepEqual(diag('Version: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nx\n', ['missing-tag']), [
    'missing-tag error 1:1-1:11 Name field must be present in package: (main package)',
  ]);
});

test('a tag set by a macro definition is not reported missing', () => {
  assert.deepEqual(diag('%define lic \\\nLicense: MIT\n' + BASE.replace('License:        MIT\n', '%{lic}\n'), ['missing-tag']), []);
});

test('missing %description for the main package and a subpackage', () => {
  assert.deepEqual(diag(BASE.replace('%description\nHello.\n', ''), ['missing-description']), [
    'missing-description error 1:1-1:22 Package has no %description: hello',
  ]);
  assert.deepEqual(diag(BASE + '%package -n libhello\nSummary: lib\n', ['missing-description']), [
    'missing-description error 9:1-9:21 Package has no %description: libhello',
  ]);
});

test('%description %{_description} idiom belongs to the main package', () => {
  const text = '%global _description %{expand:\nLong text.}\n' + BASE.replace('%description\nHello.', '%description %{_description}');
  assert.deepEqual(diag(text, ['missing-description', 'unknown-package']), []);
});

test('duplicate tag; not when the tags are in %if/%else branches', () => {
  assert.deepEqual(diag(BASE + 'Version: 2\n'.replace(/^/, ''), ['duplicate-tag']), []);
  const dup = BASE.replace('License:        MIT', 'License:        MIT\nVersion:        2.0');
  assert.deepEqual(diag(dup, ['duplicate-tag']), ['duplicate-tag error 6:1-6:20 Duplicate Version entries in package: (main package)']);
  const branches = BASE.replace('Version:        1.0', '%if 0%{?rhel}\nVersion: 1.0\n%else\nVersion: 2.0\n%endif');
  assert.deepEqual(diag(branches, ['duplicate-tag']), []);
});

test('%package of an existing subpackage', () => {
  const text = BASE + '%package devel\nSummary: d\n%description devel\nd\n%package -n hello-devel\nSummary: e\n';
  assert.deepEqual(diag(text, ['package-exists']), ['package-exists error 13:1-13:24 %package -n hello-devel: package hello-devel already exists']);
});

test('a section for a package that does not exist', () => {
  assert.deepEqual(diag(BASE + '%files doc\n', ['unknown-package']), ['unknown-package error 9:1-9:11 %files doc: package hello-doc does not exist']);
});

test('%else, %elif and %endif without %if; unclosed %if on the %if line', () => {
  assert.deepEqual(diag(BASE + '%build\n%else\n%elif 1\n%endif\n', ['else-without-if', 'elif-without-if', 'endif-without-if']), [
    'else-without-if error 10:1-10:6 %else with no %if',
    'elif-without-if error 11:1-11:6 %elif with no %if',
    'endif-without-if error 12:1-12:7 %endif with no %if',
  ]);
  assert.deepEqual(diag(BASE + '%build\n  %if 0%{?fedora}\nmake\n', ['unclosed-if']), ['unclosed-if error 10:3-10:6 Unclosed %if']);
});

test('empty tag, single-token tags, illegal characters, Epoch', () => {
  assert.deepEqual(diag(BASE.replace('Release:        1%{?dist}', 'Release:'), ['empty-tag']), ['empty-tag error 3:1-3:9 Empty tag: Release:']);
  assert.deepEqual(diag(BASE.replace('Name:           hello', 'Name:           hello world'), ['single-token-tag']), [
    'single-token-tag error 1:17-1:28 Tag takes single token only: Name:           hello world',
  ]);
  assert.deepEqual(diag(BASE.replace('1.0', '1.0-2'), ['illegal-char']), ["illegal-char error 2:20-2:21 Illegal char '-' (0x2d) in: Version:        1.0-2"]);
  assert.deepEqual(diag(BASE + 'Epoch: one\n'.replace(/^/, ''), ['bad-epoch']), []);
  assert.deepEqual(diag(BASE.replace('License:        MIT', 'License:        MIT\nEpoch: one'), ['bad-epoch']), ['bad-epoch error 6:8-6:11 Epoch field must be an unsigned number: Epoch: one']);
});

test('dependency tokens: a path cannot be obsoleted; tokens must start with a letter, digit, _ or /', () => {
  assert.deepEqual(diag(BASE.replace('License:        MIT', 'License:        MIT\nObsoletes: /usr/bin/old'), ['illegal-char']), [
    "illegal-char error 6:12-6:24 Illegal char '/' (0x2f) in: Obsoletes: /usr/bin/old",
  ]);
  assert.deepEqual(diag(BASE.replace('License:        MIT', 'License:        MIT\nRequires: -foo'), ['bad-dependency-token']), [
    "bad-dependency-token error 6:11-6:15 Dependency tokens must begin with alpha-numeric, '_' or '/': Requires: -foo",
  ]);
});

test('source or patch number defined twice', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nSource1: a.tar.gz\nSource1: b.tar.gz\nPatch3: x.patch\n%ifarch x86_64\nPatch3: y.patch\n%endif');
  assert.deepEqual(diag(text, ['duplicate-source']), ['duplicate-source error 7:1-7:8 source 1 defined multiple times', 'duplicate-source error 10:1-10:7 patch 3 defined multiple times']);
});

test('a UTF-16 spec gets one clear error', () => {
  const utf16 = '\uFFFD\uFFFDN\u0000a\u0000m\u0000e\u0000:\u0000 \u0000x\u0000\n\u0000';
  assert.deepEqual(diag(utf16), ['non-utf8-spec-file error 1:1-1:17 The spec file is UTF-16 encoded: rpm reads specs as UTF-8 text']);
});

test('NUL bytes: decided by the start of the file (byte-order mark, many NULs), not by a stray one later', () => {
  // A byte-order mark and a NUL only far into the file: still UTF-16.
  const bom = '\uFEFF' + BASE + 'x'.repeat(500) + '\u0000\n';
  assert.deepEqual(diag(bom, ['non-utf8-spec-file']), ['non-utf8-spec-file error 1:1-1:23 The spec file is UTF-16 encoded: rpm reads specs as UTF-8 text']);
  // The same without the mark: a stray NUL that rpm reads past.
  assert.deepEqual(diag(BASE + 'x'.repeat(500) + '\u0000\n', ['non-utf8-spec-file']), []);
  // Eight NULs at the start: binary.
  assert.deepEqual(diag('\u0000'.repeat(8) + BASE, ['non-utf8-spec-file']), ['non-utf8-spec-file error 1:1-1:30 The spec file contains NUL bytes: rpm reads specs as text']);
});

test('a section written twice: rpm\'s "second %build" and "Second %post" errors, its %files and %description warnings', () => {
  const codes = ['duplicate-section', 'duplicate-files', 'duplicate-description'];
  const sub = BASE.replace('%description\nHello.\n', '%description\nHello.\n%package devel\nSummary: d\n%description devel\nD.\n');
  const text = sub + [
    '%build', 'make', '%build', 'make', '%build -a', 'make more',
    '%if 0%{?rhel}', '%install', 'true', '%else', '%install', 'false', '%endif',
    '%post', 'a', '%post devel', 'b', '%post', 'c',
    '%files', '%files devel', '%files', '%description -l de', 'Hallo.', '%description devel', 'DD.',
  ].join('\n') + '\n';
  assert.deepEqual(diag(text, codes), [
    'duplicate-section error 15:1-15:7 second %build',
    'duplicate-section error 30:1-30:6 Second %post',
    "duplicate-files warning 34:1-34:7 multiple %files for package 'hello'",
    "duplicate-description warning 37:1-37:13 second Description (of package 'hello-devel')",
  ]);
});

test('a second %changelog is an error only after one that gave rpm entries (rpm checks the header)', () => {
  const entry = '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\n- x\n';
  assert.deepEqual(diag(BASE + `%changelog\n${entry}%changelog\n${entry}`, ['duplicate-section']), ['duplicate-section error 12:1-12:11 second %changelog']);
  assert.deepEqual(diag(BASE + `%changelog\n%changelog\n${entry}`, ['duplicate-section']), []);
  assert.deepEqual(diag(BASE + `%changelog\nbad\n%changelog\n${entry}`, ['duplicate-section']), []);
});
