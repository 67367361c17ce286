// missing-build-requires: a tool the spec builds with (make, %cmake, %meson, %ninja_*, Python's and Rust's
// macros) whose package is not in the BuildRequires the profile takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { quickFixes } from '../../../../server/src/service/spec/actions';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { BASE, diag } from './helpers';
import { createLanguageService } from '../../../../server/src/service';
import { context, memoryHost } from '../memoryHost';

const CODE = ['missing-build-requires'];
const MAKE_WHY = "Fedora's build roots have had no make since Fedora 34, and the packaging guidelines require it";
const withBr = (brs: string[]) => BASE.replace('License:        MIT', ['License:        MIT', ...brs.map((b) => `BuildRequires:  ${b}`)].join('\n'));

test('build macros and make without their BuildRequires: one warning per package, on the first use', () => {
  const text = withBr(['gcc']) + '%build\n%cmake\n%cmake_build\nmake -C docs V=1\n%install\n%meson_install\n%py3_install\n';
  assert.deepEqual(diag(text, CODE), [
    'missing-build-requires warning 11:1-11:7 %cmake needs BuildRequires: cmake: cmake-rpm-macros defines these macros, and it is not in the build root',
    `missing-build-requires warning 13:1-13:5 make needs BuildRequires: make: ${MAKE_WHY}`,
    'missing-build-requires warning 15:1-15:15 %meson_install needs BuildRequires: meson: meson defines these macros, and it is not in the build root',
    'missing-build-requires warning 16:1-16:13 %py3_install needs BuildRequires: python3-devel: the Python packaging guidelines require it, and it brings the pyproject macros',
  ]);
  const ok = withBr(['gcc', 'cmake >= 3.20', 'make', '(meson or foo)', 'python%{python3_pkgversion}-devel']) + '%build\n%cmake\n%cmake_build\nmake -C docs V=1\n%install\n%meson_install\n%py3_install\n';
  assert.deepEqual(diag(ok, CODE), []);
});

test('what is not running make: other words, comments, text sections; a command after ; && or then is', () => {
  const quiet = withBr([]) + '%build\ncmake --build .\nmakeinfo x.texi\n# make all\necho make\n%description -n other\nrun make to build\n';
  assert.deepEqual(diag(quiet, CODE), []);
  const late = withBr([]) + '%build\ncd src && make\n';
  assert.deepEqual(diag(late, CODE), [`missing-build-requires warning 10:11-10:15 make needs BuildRequires: make: ${MAKE_WHY}`]);
  const assign = withBr([]) + '%check\nif true; then CFLAGS=-O2 make check; fi\n';
  assert.deepEqual(diag(assign, CODE), [`missing-build-requires warning 10:26-10:30 make needs BuildRequires: make: ${MAKE_WHY}`]);
});

test('the profile decides: branches it does not take, and EL8 whose build root has make', async () => {
  const text = withBr([]).replace('%description', '%if 0%{?rhel}\nBuildRequires:  meson\n%endif\n%description') + '%build\n%if 0%{?fedora}\n%meson\n%endif\n%make_build\n';
  assert.deepEqual(diag(text, CODE).map((l) => l.split(': ')[0]), [
    'missing-build-requires warning 14:1-14:7 %meson needs BuildRequires',
    'missing-build-requires warning 16:1-16:12 %make_build needs BuildRequires',
  ]);
  assert.deepEqual(diag(text, CODE, { spec: { profile: 'el8' } }), []); // the rhel branch's meson; make in the root
  // A value written with a macro counts with its value.
  assert.deepEqual(diag('%global tool make\n' + withBr(['%{tool}']) + '%build\n%make_build\n', CODE), []);
  // A file the spec includes may hold BuildRequires: not judged, whether it is found or not.
  const included = withBr(['gcc']).replace('BuildRequires:  gcc', 'BuildRequires:  gcc\nSource1:        deps.inc') + '%include %{SOURCE1}\n%build\n%make_build\n';
  const service = createLanguageService();
  for (const files of [{}, { '/ws/deps.inc': 'BuildRequires: make\n' }] as Array<Record<string, string>>) {
    const found = await service.diagnostics({ uri: 'file:///ws/x.spec', languageId: 'rpm-spec', version: 1, text: included }, context(memoryHost(files)));
    assert.deepEqual(found.filter((f) => f.code === 'missing-build-requires'), []);
  }
  assert.equal(diag(included, CODE).length, 1); // (without the service's look at the file, the check cannot know)
  // EL8's versioned Python stacks.
  assert.deepEqual(diag(withBr(['python39-devel']) + '%build\n%py3_build\n', CODE, { spec: { profile: 'el8' } }), []);
});

test('the quick fix adds the BuildRequires after the last one, aligned like it', () => {
  const text = withBr(['gcc']) + '%build\n%make_build\n';
  const doc = parseSpec(text);
  const f = specDiagnostics(doc, normalizeSettings({})).find((x) => x.code === 'missing-build-requires')!;
  const [fix] = quickFixes(doc, [f], f.span);
  assert.equal(fix.title, 'Add BuildRequires: make');
  const after = text.indexOf('BuildRequires:  gcc\n') + 'BuildRequires:  gcc\n'.length;
  assert.deepEqual(fix.edits, [{ span: { start: after, end: after }, newText: 'BuildRequires:  make\n' }]);
});
