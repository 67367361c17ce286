// Quick fixes and the release workflow (changelog entry, release bump) for specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { nextRelease, quickFixes, releaseActions } from '../../../../server/src/service/spec/actions';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { normalizeSettings } from '../../../../server/src/service/settings';
import type { CodeActionRecord } from '../../../../server/src/service/types';
import { BASE, findings } from './helpers';

const S = normalizeSettings({ changelog: { name: 'Jane Packager', email: '<jane@example.org>' } });
const NOW = new Date(Date.UTC(2026, 10, 24));

function apply(text: string, a: CodeActionRecord): string {
  let out = text;
  for (const e of [...a.edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function fixesFor(text: string, code: string): CodeActionRecord[] {
  const doc = parseSpec(text);
  const f = specDiagnostics(doc, S).find((x) => x.code === code)!;
  assert.ok(f, `no ${code} finding`);
  return quickFixes(doc, [f], f.span);
}

test('remove obsolete tags and %defattr; the diagnostic goes away', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nGroup:          Tools');
  const [fix] = fixesFor(text, 'group-tag');
  assert.equal(fix.title, 'Remove Group');
  assert.equal(apply(text, fix), BASE);
  const files = BASE + '%files\n%defattr(-,root,root,-)\n/x\n';
  assert.equal(apply(files, fixesFor(files, 'defattr-is-default')[0]), BASE + '%files\n/x\n');
});

test('add -q to %setup; replace /usr/lib64 with %{_libdir}; escape a macro in a comment', () => {
  const setup = BASE + '%prep\n%setup -n x\n';
  assert.equal(apply(setup, fixesFor(setup, 'setup-not-quiet')[0]), BASE + '%prep\n%setup -q -n x\n');
  const lib = BASE + '%files\n/usr/lib64/libx.so.1\n';
  const [libFix] = fixesFor(lib, 'hardcoded-library-path');
  assert.equal(libFix.title, 'Replace with %{_libdir}');
  assert.equal(apply(lib, libFix), BASE + '%files\n%{_libdir}/libx.so.1\n');
  const grep = BASE + '%build\nfgrep -rl x .\n';
  const [grepFix] = fixesFor(grep, 'deprecated-grep');
  assert.equal(grepFix.title, 'Replace with grep -F');
  assert.equal(apply(grep, grepFix), BASE + '%build\ngrep -F -rl x .\n');
  const nbsp = BASE + '%build\nmake\u00a0-j2\n';
  assert.equal(apply(nbsp, fixesFor(nbsp, 'non-break-space')[0]), BASE + '%build\nmake -j2\n');
  const comment = BASE + '%build\n# see %{name}\n';
  assert.equal(apply(comment, fixesFor(comment, 'macro-in-comment')[0]), BASE + '%build\n# see %%{name}\n');
});

test('add a missing %description for a subpackage, after its preamble', () => {
  const text = BASE + '%package devel\nSummary:        Development files\n\n%prep\n';
  const [fix] = fixesFor(text, 'missing-description');
  assert.equal(fix.title, 'Add %description devel');
  const fixed = apply(text, fix);
  assert.equal(fixed, BASE + '%package devel\nSummary:        Development files\n\n%description devel\nDevelopment files.\n\n%prep\n');
  assert.deepEqual(specDiagnostics(parseSpec(fixed), S).filter((f) => f.severity === 'error'), []);
});

test('fix the weekday of a bogus changelog date; version a Provides; make an undefined macro optional', () => {
  const cl = BASE + '%changelog\n* Tue Jan 01 2024 J <j@x> - 1\n- x\n';
  assert.equal(apply(cl, fixesFor(cl, 'changelog-bogus-date')[0]), BASE + '%changelog\n* Mon Jan 01 2024 J <j@x> - 1\n- x\n');
  const prov = BASE.replace('License:        MIT', 'License:        MIT\nProvides: hello-tools');
  assert.match(apply(prov, fixesFor(prov, 'unversioned-explicit-provides')[0]), /Provides: hello-tools = %\{version\}-%\{release\}\n/);
  const op = BASE.replace('License:        MIT', 'License:        MIT\nRequires: foo>=1.2, bar');
  const [opFix] = fixesFor(op, 'comparison-operator-in-deptoken');
  assert.equal(opFix.title, 'Put spaces around the operator: foo >= 1.2');
  assert.match(apply(op, opFix), /\nRequires: foo >= 1\.2, bar\n/);
  const trailing = BASE.replace('License:        MIT', 'License:        MIT\nRequires: foo>= 1.2');
  assert.match(apply(trailing, fixesFor(trailing, 'comparison-operator-in-deptoken')[0]), /\nRequires: foo >= 1\.2\n/);
  const und = BASE + '%build\nmake %{mytarget}\n';
  const fixes = fixesFor(und, 'undefined-macro');
  assert.deepEqual(fixes.map((f) => f.title), ['Make it optional: %{?mytarget}', 'Treat %mytarget as known (setting hyperscale.spec.knownMacros)']);
  assert.equal(apply(und, fixes[0]), BASE + '%build\nmake %{?mytarget}\n');
  assert.deepEqual(fixes[1].command, { command: 'hyperscale.addKnownMacro', title: 'Add known macro', arguments: ['mytarget'] });
});

test('release numbering: +1 for Fedora, .N for a SIG rebuild', () => {
  assert.equal(nextRelease('1', false), '2');
  assert.equal(nextRelease('2.1', false), '3');
  assert.equal(nextRelease('2', true), '2.1');
  assert.equal(nextRelease('2.1', true), '2.2');
  assert.equal(nextRelease('2.9', true), '2.10');
});

test('bump release and add a changelog entry, for Fedora and for Hyperscale', () => {
  const text = BASE + '%changelog\n* Mon Jan 01 2024 J <j@x> - 1.0-1\n- x\n';
  const [bump, add] = releaseActions(parseSpec(text), S, NOW);
  assert.equal(bump.title, 'Bump Release to 2%{?dist}');
  assert.equal(add.title, 'Add %changelog entry for 1.0-1');
  const bumped = apply(text, bump);
  assert.match(bumped, /^Release: {8}2%\{\?dist\}$/m);
  const [, add2] = releaseActions(parseSpec(bumped), S, NOW);
  assert.equal(apply(bumped, add2).split('%changelog\n')[1], '* Tue Nov 24 2026 Jane Packager <jane@example.org> - 1.0-2\n- \n\n* Mon Jan 01 2024 J <j@x> - 1.0-1\n- x\n');
  const hs = normalizeSettings({ spec: { profile: 'el9-hs' } });
  const [sigBump] = releaseActions(parseSpec(text), hs, NOW);
  assert.equal(sigBump.title, 'Bump Release to 1.1%{?dist} (SIG rebuild for el9-hs)');
  assert.equal(sigBump.subKind, 'source.hyperscale.bumpRelease');
  // Both at once, and the result is coherent for the changelog check.
  const both = releaseActions(parseSpec(text), hs, NOW)[2];
  assert.equal(both.title, 'Bump Release to 1.1%{?dist} and add a %changelog entry for 1.0-1.1');
  assert.equal(both.subKind, 'source.hyperscale.bumpReleaseWithChangelog');
  const done = apply(text, both);
  assert.match(done, /^Release: {8}1\.1%\{\?dist\}$/m);
  assert.equal(done.split('%changelog\n')[1], '* Tue Nov 24 2026 Your Name <you@example.org> - 1.0-1.1\n- \n\n* Mon Jan 01 2024 J <j@x> - 1.0-1\n- x\n');
  assert.deepEqual(findings(done, { spec: { profile: 'el9-hs' } }).filter((f) => f.code === 'incoherent-version-in-changelog'), []);
});

test('%autorelease and %autochangelog: the actions say what to do instead', () => {
  const text = BASE.replace('1%{?dist}', '%autorelease') + '%changelog\n%autochangelog\n';
  const [bump, add] = releaseActions(parseSpec(text), S, NOW);
  assert.equal(bump.disabled, 'Release uses %autorelease: it is computed from the git history at build time; commit your change instead of editing Release.');
  assert.equal(add.disabled, 'The changelog uses %autochangelog: the entry comes from your commit message.');
  assert.deepEqual([bump.edits, add.edits], [[], []]);
  assert.equal(releaseActions(parseSpec(text), S, NOW).length, 2, 'no combined action');
});

test('a spec without %changelog gets one', () => {
  const [, add] = releaseActions(parseSpec(BASE), S, NOW);
  assert.equal(apply(BASE, add), BASE + '\n%changelog\n* Tue Nov 24 2026 Jane Packager <jane@example.org> - 1.0-1\n- \n');
});

test('incoherent-version-in-changelog: the quick fix writes the package\'s version-release (not preferred: a new entry may be meant)', () => {
  const cl = BASE.replace('Release:        1%{?dist}', 'Release:        2%{?dist}') + '%changelog\n* Mon Jan 01 2024 J <j@x> - 1.0-1\n- x\n';
  const [fix] = fixesFor(cl, 'incoherent-version-in-changelog');
  assert.equal(fix.title, 'Change to 1.0-2');
  assert.equal(fix.isPreferred, false);
  assert.equal(apply(cl, fix), cl.replace('- 1.0-1\n', '- 1.0-2\n'));
});

test('hardcoded-packager-tag: the quick fix removes the line', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nPackager:       Jane <j@x.org>');
  const [fix] = fixesFor(text, 'hardcoded-packager-tag');
  assert.equal(fix.title, 'Remove Packager');
  assert.equal(apply(text, fix), BASE);
});

test('undefined-macro: a typo of a known name gets "Change to" fixes, the spec\'s own names first', () => {
  const text = BASE + '%global srcdir x\n%build\ncd %{srcdri}\ninstall -d %{_libdri}/a %_bndir\n';
  const titles = (needle: string) => {
    const f = findings(text).find((x) => x.code === 'undefined-macro' && text.slice(x.span.start, x.span.end) === needle)!;
    return quickFixes(parseSpec(text), [f], f.span);
  };
  const src = titles('%{srcdri}');
  assert.deepEqual(src.map((a) => [a.title, a.isPreferred ?? false]).slice(0, 2), [['Change to %{srcdir}', true], ['Make it optional: %{?srcdri}', false]]);
  assert.equal(apply(text, src[0]), text.replace('%{srcdri}', '%{srcdir}'));
  assert.equal(titles('%{_libdri}')[0].title, 'Change to %{_libdir}');
  // A plain reference keeps its form; short names get only one-edit suggestions (`_mandir` is two away).
  const bn = titles('%_bndir');
  assert.deepEqual(bn.filter((a) => a.title.startsWith('Change')).map((a) => [a.title, a.isPreferred ?? false]), [['Change to %_bindir', true]]);
  // Several candidates: none preferred.
  const two = BASE + '%global abc_x 1\n%global abc_y 2\n%build\necho %{abc_z}\n';
  const f = findings(two).find((x) => x.code === 'undefined-macro')!;
  assert.deepEqual(quickFixes(parseSpec(two), [f], f.span).filter((a) => a.title.startsWith('Change')).map((a) => [a.title, a.isPreferred ?? false]), [['Change to %{abc_x}', false], ['Change to %{abc_y}', false]]);
});

test('unknown-tag: "Change to" a misspelt tag (numbers kept) or the replacement of a removed one; a misspelt section', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nSumary2: x\nSorce0: a.tar.gz\nRequries(post): y\nCopyright: GPL\nFrobnicate: z') + '%prep\n%buidl\n';
  const fixesAt = (needle: string, code: string) => {
    const at = text.indexOf(needle);
    const f = findings(text).find((x) => x.code === code && x.span.start === at)!;
    return quickFixes(parseSpec(text), [f], f.span).filter((a) => a.title.startsWith('Change'));
  };
  assert.deepEqual(fixesAt('Sorce0', 'unknown-tag').map((a) => [a.title, a.isPreferred, a.edits[0].newText]), [['Change to Source0:', true, 'Source0']]);
  assert.deepEqual(fixesAt('Requries', 'unknown-tag').map((a) => a.title), ['Change to Requires:']);
  assert.deepEqual(fixesAt('Copyright', 'unknown-tag').map((a) => a.title), ['Change to License:']);
  assert.deepEqual(fixesAt('Frobnicate', 'unknown-tag'), []);
  const sum = fixesAt('Sumary2', 'unknown-tag');
  assert.deepEqual(sum.map((a) => a.title), ['Change to Summary:']);
  assert.equal(apply(text, sum[0]), text.replace('Sumary2:', 'Summary:'));
  // `%buidl` at a line start: the section first.
  assert.deepEqual(fixesAt('%buidl', 'undefined-macro').map((a) => a.title)[0], 'Change to %build');
});

test('use-of-RPM_SOURCE_DIR: a file that is a SourceN gets %{SOURCEn}', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nSource0:        https://example.org/hello-1.0.tar.gz\nSource1:        hello.service') + '%install\ninstall -m644 $RPM_SOURCE_DIR/hello.service %{buildroot}/x\n';
  const [fix] = fixesFor(text, 'use-of-RPM_SOURCE_DIR');
  assert.equal(fix.title, 'Replace with %{SOURCE1}');
  assert.equal(apply(text, fix), text.replace('$RPM_SOURCE_DIR/hello.service', '%{SOURCE1}'));
  const other = text.replace('$RPM_SOURCE_DIR/hello.service', '%{_sourcedir}/other.conf');
  assert.deepEqual(fixesFor(other, 'use-of-RPM_SOURCE_DIR'), []);
});
