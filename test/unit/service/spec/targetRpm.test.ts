// Checks against the rpm of the profile's target: the %patch syntaxes (%patchN, removed in rpm 4.20; a
// positional %patch N, which applies Patch0 too before rpm 4.18; the quick fix to %patch -P N) and tags,
// sections and section options newer than that rpm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { fixAllAction, quickFixes } from '../../../../server/src/service/spec/actions';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { BASE, diag } from './helpers';

const SPEC = BASE.replace('License:        MIT', 'License:        MIT\nPatch0:         a.patch\nPatch1:         b.patch\nPatch2:         c.patch') + [
  '%prep',
  '%setup -q',
  '%patch0 -p1',
  '  %patch01 -p1 -b .orig',
  '%patch -p1 2',
  '%patch -P 1 -p1',
  '%patch -p 1 -P2',
  '%patch 1 2',
  '%build',
  '%patch1',
].join('\n') + '\n';
const CODES = ['patch-macro-old-format', 'patch-positional-number'];

test('rawhide (rpm 6.0) and Fedora 41 (rpm 4.20): %patchN in %prep is a build error', () => {
  assert.deepEqual(diag(SPEC, CODES), [
    'patch-macro-old-format error 14:1-14:8 %patch0 is a build error since rpm 4.20 (fedora-rawhide: rpm 6.0): write %patch -P 0',
    'patch-macro-old-format error 15:3-15:11 %patch01 is a build error since rpm 4.20 (fedora-rawhide: rpm 6.0): write %patch -P 1',
  ]);
  assert.equal(diag(SPEC, CODES, { spec: { profile: 'fedora-41' } })[0],
    'patch-macro-old-format error 14:1-14:8 %patch0 is a build error since rpm 4.20 (fedora-41: rpm 4.20): write %patch -P 0');
});

test('EL10 and Fedora 40 (rpm 4.19): %patchN is deprecated; positional numbers are fine', () => {
  assert.deepEqual(diag(SPEC, CODES, { spec: { profile: 'el10-hs' } }), [
    'patch-macro-old-format warning 14:1-14:8 %patch0 is deprecated since rpm 4.18 (el10-hs: rpm 4.19) and a build error from rpm 4.20: write %patch -P 0',
    'patch-macro-old-format warning 15:3-15:11 %patch01 is deprecated since rpm 4.18 (el10-hs: rpm 4.19) and a build error from rpm 4.20: write %patch -P 1',
  ]);
  assert.equal(diag(SPEC, CODES, { spec: { profile: 'fedora-40' } })[0],
    'patch-macro-old-format warning 14:1-14:8 %patch0 is deprecated since rpm 4.18 (fedora-40: rpm 4.19) and a build error from rpm 4.20: write %patch -P 0');
});

test('EL9 (rpm 4.16) and EL8 (rpm 4.14): a positional %patch N also applies Patch0; %patchN and -P are fine', () => {
  assert.deepEqual(diag(SPEC, CODES, { spec: { profile: 'el9-hs' } }), [
    'patch-positional-number warning 16:1-16:13 %patch 2 also applies Patch0 with rpm before 4.18 (el9-hs: rpm 4.16): write %patch -P 2, which every rpm reads',
    'patch-positional-number warning 19:1-19:9 %patch 1 also applies Patch0 with rpm before 4.18 (el9-hs: rpm 4.16): write %patch -P 1, which every rpm reads (one %patch -P line per patch: -P 1, -P 2)',
  ]);
  assert.equal(diag(SPEC, CODES, { spec: { profile: 'el8' } }).length, 2);
  const zero = SPEC.replace('%patch -p1 2', '%patch 0 -p1');
  assert.equal(diag(zero, CODES, { spec: { profile: 'el9' } })[0],
    'patch-positional-number warning 16:1-16:9 %patch 0 applies Patch0 twice with rpm before 4.18 (el9: rpm 4.16): write %patch -P 0, which every rpm reads');
});

test('the rpmVersion setting overrides the profile\'s rpm', () => {
  assert.deepEqual(diag(SPEC, CODES, { spec: { profile: 'el9', rpmVersion: '4.18.2' } }), [
    'patch-macro-old-format warning 14:1-14:8 %patch0 is deprecated since rpm 4.18 (el9: rpm 4.18) and a build error from rpm 4.20: write %patch -P 0',
    'patch-macro-old-format warning 15:3-15:11 %patch01 is deprecated since rpm 4.18 (el9: rpm 4.18) and a build error from rpm 4.20: write %patch -P 1',
  ]);
});

test('quick fixes write %patch -P N, which every rpm reads; several positional numbers get none', () => {
  const apply = (settings: unknown) => {
    const doc = parseSpec(SPEC);
    const found = specDiagnostics(doc, normalizeSettings(settings)).filter((f) => CODES.includes(f.code));
    const edits = found.flatMap((f) => quickFixes(doc, [f], f.span)).map((a) => ({ title: a.title, edit: a.edits[0] }));
    let text = SPEC;
    for (const { edit } of [...edits].sort((a, b) => b.edit.span.start - a.edit.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    return { titles: edits.map((e) => e.title), text };
  };
  const rawhide = apply({});
  assert.deepEqual(rawhide.titles, ['Write %patch -P 0 (every rpm reads it)', 'Write %patch -P 1 (every rpm reads it)']);
  assert.ok(rawhide.text.includes('\n%patch -P 0 -p1\n  %patch -P 1 -p1 -b .orig\n'));
  assert.deepEqual(diag(rawhide.text, CODES), []);
  const el9 = apply({ spec: { profile: 'el9' } });
  assert.deepEqual(el9.titles, ['Write %patch -p1 -P 2 (every rpm reads it)']);
  assert.ok(el9.text.includes('\n%patch -p1 -P 2\n'));
});

test('tags, sections and section options newer than the target\'s rpm are errors', () => {
  const text = BASE.replace('License:        MIT', 'License:        MIT\nSourceLicense:  MIT AND BSD-3-Clause\nBuildSystem:    cmake') + [
    '%conf',
    '%cmake',
    '%build -a',
    'make extra',
    '%preuntrans',
    'true',
  ].join('\n') + '\n';
  const codes = ['needs-newer-rpm'];
  assert.deepEqual(diag(text, codes, { spec: { profile: 'el9-hs' } }), [
    'needs-newer-rpm error 6:1-6:14 SourceLicense: needs rpm >= 4.18; el9-hs builds with rpm 4.16, which stops with "Unknown tag"',
    'needs-newer-rpm error 7:1-7:12 BuildSystem: needs rpm >= 4.20; el9-hs builds with rpm 4.16, which stops with "Unknown tag"',
    'needs-newer-rpm error 11:1-11:6 %conf needs rpm >= 4.18; el9-hs builds with rpm 4.16, which does not know this section',
    'needs-newer-rpm error 13:8-13:10 %build -a (append to the section) needs rpm >= 4.20; el9-hs builds with rpm 4.16',
    'needs-newer-rpm error 15:1-15:12 %preuntrans needs rpm >= 4.18; el9-hs builds with rpm 4.16, which does not know this section',
  ]);
  assert.deepEqual(diag(text, codes, { spec: { profile: 'el10' } }), [
    'needs-newer-rpm error 7:1-7:12 BuildSystem: needs rpm >= 4.20; el10 builds with rpm 4.19, which stops with "Unknown tag"',
    'needs-newer-rpm error 13:8-13:10 %build -a (append to the section) needs rpm >= 4.20; el10 builds with rpm 4.19',
  ]);
  assert.deepEqual(diag(text, codes), []);
});

test('%bcond (rpm 4.17.1) on EL8\'s rpm 4.14 is an unknown tag; the quick fix writes %bcond_with/%bcond_without', () => {
  const text = '%bcond tests 1\n%bcond docs 0 # not built\n%bcond gui %{without tests}\n' + BASE;
  const doc = parseSpec(text);
  const found = specDiagnostics(doc, normalizeSettings({ spec: { profile: 'el8' } })).filter((f) => f.code === 'needs-newer-rpm');
  assert.deepEqual(diag(text, ['needs-newer-rpm'], { spec: { profile: 'el8' } }), [
    'needs-newer-rpm error 1:1-1:7 %bcond needs rpm >= 4.17.1; el8 builds with rpm 4.14, which stops with "Unknown tag" (write %bcond_without tests)',
    'needs-newer-rpm error 2:1-2:7 %bcond needs rpm >= 4.17.1; el8 builds with rpm 4.14, which stops with "Unknown tag" (write %bcond_with docs)',
    'needs-newer-rpm error 3:1-3:7 %bcond needs rpm >= 4.17.1; el8 builds with rpm 4.14, which stops with "Unknown tag" (use %bcond_with or %bcond_without)',
  ]);
  const actions = found.flatMap((f) => quickFixes(doc, [f], f.span));
  assert.deepEqual(actions.map((a) => [a.title, a.edits[0].span, a.edits[0].newText]), [
    ['Write %bcond_without tests', { start: 0, end: 14 }, '%bcond_without tests'],
    ['Write %bcond_with docs', { start: 15, end: 28 }, '%bcond_with docs'],
  ]);
  // EL9 (see newerRpm.ts) and later rpms read it.
  assert.deepEqual(diag(text, ['needs-newer-rpm'], { spec: { profile: 'el9-hs' } }), []);
  assert.deepEqual(diag(text, ['needs-newer-rpm']), []);
});

test('one fix for all %patch lines, offered on each, and as source.fixAll (what editors run on save)', () => {
  const doc = parseSpec(SPEC);
  const found = specDiagnostics(doc, normalizeSettings({}));
  const on = found.find((f) => f.code === 'patch-macro-old-format')!;
  const all = quickFixes(doc, found, on.span).filter((a) => a.title.includes(' on all '));
  assert.deepEqual(all.map((a) => [a.title, a.kind, a.edits.map((e) => e.newText)]), [['Write %patch -P N on all 2 %patch lines', 'quickfix', ['%patch -P 0', '%patch -P 1']]]);
  const fixAll = fixAllAction(found);
  assert.deepEqual(fixAll.map((a) => [a.title, a.kind, a.subKind, a.edits.length]), [['Write %patch -P N on 2 %patch lines', 'source', 'source.fixAll.hyperscale', 2]]);
  // Under el9-hs the single positional number is rewritten; `%patch 1 2` (several) is left to the user.
  const el9 = specDiagnostics(parseSpec(SPEC), normalizeSettings({ spec: { profile: 'el9-hs' } }));
  assert.deepEqual(fixAllAction(el9)[0].edits.map((e) => e.newText), ['%patch -p1 -P 2']);
  assert.deepEqual(fixAllAction(specDiagnostics(parseSpec(BASE), normalizeSettings({}))), []);
});

test('%elif (rpm 4.15) and %[expr] (rpm 4.16) on EL8\'s rpm 4.14', () => {
  const text = BASE + '%build\n%if 0%{?rhel}\nmake el\n%elif 0%{?fedora}\nmake fedora\n%elifarch x86_64\nmake x86\n%endif\necho %[1 + 1]\n';
  assert.deepEqual(diag(text, ['needs-newer-rpm'], { spec: { profile: 'el8' } }), [
    'needs-newer-rpm error 12:1-12:6 %elif needs rpm >= 4.15; el8 builds with rpm 4.14, which does not know it (nest an %if in the %else)',
    'needs-newer-rpm error 14:1-14:10 %elifarch needs rpm >= 4.15; el8 builds with rpm 4.14, which does not know it (nest an %if in the %else)',
    'needs-newer-rpm error 17:6-17:8 %[…] expressions need rpm >= 4.16; el8 builds with rpm 4.14, which leaves it unexpanded (compute it with %{lua: print(…)})',
  ]);
  assert.deepEqual(diag(text, ['needs-newer-rpm'], { spec: { profile: 'el9' } }), []);
});

test('release-without-dist: the Release the profile builds has no dist tag (a macro carrying it counts); a fix appends %{?dist}', () => {
  const plain = BASE.replace('Release:        1%{?dist}', 'Release:        3');
  assert.deepEqual(diag(plain, ['release-without-dist'], { spec: { profile: 'el9-hs' } }), [
    'release-without-dist warning 3:17-3:18 Release is 3 under el9-hs, without the dist tag .hs.el9: add %{?dist} (Koji refuses a second build of one name-version-release, and the dist tag keeps this build apart)',
  ]);
  const doc = parseSpec(plain);
  const f = specDiagnostics(doc, normalizeSettings({})).find((x) => x.code === 'release-without-dist')!;
  const [fix] = quickFixes(doc, [f], f.span).filter((a) => a.title === 'Add %{?dist} to Release');
  assert.deepEqual(fix.edits, [{ span: f.span, newText: '3%{?dist}' }]);
  // A macro that carries the dist, %autorelease, and values that need code are fine.
  assert.deepEqual(diag(BASE.replace('Release:        1%{?dist}', '%global rel 3%{?dist}\nRelease:        %{rel}'), ['release-without-dist']), []);
  assert.deepEqual(diag(BASE.replace('Release:        1%{?dist}', 'Release:        %autorelease'), ['release-without-dist']), []);
  assert.deepEqual(diag(BASE.replace('Release:        1%{?dist}', 'Release:        %(date +%%s)'), ['release-without-dist']), []);
  assert.deepEqual(diag(BASE, ['release-without-dist']), []);
});
