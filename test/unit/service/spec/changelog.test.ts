// %changelog checks: rpm's messages, pointed at the entry (rpm itself gives no line and drops the changelog).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, describe, diag } from './helpers';
import { createLanguageService } from '../../../../server/src/service';
import { context, memoryHost } from '../memoryHost';

const CL = BASE + '%changelog\n';

test('a well-formed changelog is clean', () => {
  assert.deepEqual(diag(CL + '* Tue Jan 02 2024 Jane <j@x.org> - 1.0-1\n- Fix\n\n* Mon Jan 01 2024 Jane <j@x.org> - 1.0-0.1\n- First\n'), []);
});

test('weekday that does not match the date: rpm\'s "bogus date" warning on the weekday', () => {
  assert.deepEqual(diag(CL + '* Tue Jan 01 2024 Jane <j@x.org> - 1.0-1\n- First\n'), [
    'changelog-bogus-date warning 10:3-10:6 bogus date in %changelog: Tue Jan 01 2024 Jane <j@x.org> - 1.0-1 (Jan 1 2024 is a Mon)',
  ]);
});

test('bad date and entries out of order', () => {
  assert.deepEqual(diag(CL + '* Mon Foo 01 2024 Jane <j@x.org> - 1.0-1\n- x\n'), [
    'changelog-bad-date error 10:3-10:18 bad date in %changelog: Mon Foo 01 2024 Jane <j@x.org> - 1.0-1',
  ]);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\n- x\n* Tue Jan 02 2024 Jane <j@x.org> - 2\n- y\n'), [
    'changelog-not-descending error 12:3-12:18 %changelog not in descending chronological order',
  ]);
});

test('entries must start with *; missing name; no description; no "- " item', () => {
  assert.deepEqual(diag(CL + 'Initial package\n'), ['changelog-missing-star error 10:1-10:16 %changelog entries must start with *']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024\n- x\n'), ['changelog-missing-name error 10:1-10:18 missing name in %changelog']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1'), ['changelog-no-description error 10:1-10:41 no description in %changelog']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\nInitial\n'), ["changelog-item-without-dash warning 11:1-11:8 changelog entry has no '- ' item line"]);
});

test('rpm quirks: a * line right after the header is text; comments and %autochangelog are fine', () => {
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\n* Notes\n- x\n'), []);
  assert.deepEqual(diag(CL + '# old entries below\n%autochangelog\n'), []);
});

test('macros in %changelog are expanded by rpm: rpmlint\'s macro-in-%changelog', () => {
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\n- Use %{_bindir} and %%{escaped}\n'), [
    'macro-in-%changelog warning 11:7-11:17 Macro expanded in %changelog: %{_bindir} (escape it as %%{_bindir})',
  ]);
});

test('rpmlint\'s incoherent-version-in-changelog: the latest entry against [Epoch:]Version-Release, with or without the dist tag', () => {
  const codes = ['incoherent-version-in-changelog'];
  const entry = (evr: string) => `* Mon Jan 01 2024 Jane <j@x.org> - ${evr}\n- x\n`;
  for (const ok of ['1.0-1', '1.0-1.fc46', '1.0-1.el9_3']) assert.deepEqual(diag(CL + entry(ok), codes), [], ok);
  // After a SIG release bump (Release: 1.1) without an entry; the older entries do not count.
  const bumped = BASE.replace('Release:        1%{?dist}', 'Release:        1.1%{?dist}') + '%changelog\n' + entry('1.0-1') + entry('1.0-0.1');
  assert.deepEqual(diag(bumped, codes, { spec: { profile: 'el9-hs' } }), [
    "incoherent-version-in-changelog warning 10:36-10:41 The latest %changelog entry is for 1.0-1, but the package is 1.0-1.1 (1.0-1.1.hs.el9 with el9-hs's dist): add an entry for this release, or correct this one",
  ]);
  assert.deepEqual(diag(bumped.replace('- 1.0-1\n', '- 1.0-1.1.hs.el9\n'), codes, { spec: { profile: 'el9-hs' } }), []);
  // The epoch is part of it; macros (in the tags, and the entry) are expanded; a %global in a false branch does not count.
  const epoch = BASE.replace('Version:        1.0', '%global upver 2.4\n%if 0%{?rhel}\n%global upver 9.9\n%endif\nEpoch:          3\nVersion:        %{upver}') + '%changelog\n';
  assert.deepEqual(diag(epoch + entry('2.4-1'), codes).map((d) => d.replace(/ warning \S+/, '')), [
    'incoherent-version-in-changelog The latest %changelog entry is for 2.4-1, but the package is 3:2.4-1 (3:2.4-1.fc46 with fedora-rawhide\'s dist): add an entry for this release, or correct this one',
  ]);
  assert.deepEqual(diag(epoch + entry('3:%{upver}-1'), codes), []);
  // Not judged: %autorelease, a header without a version, a Release that needs code.
  assert.deepEqual(diag(BASE.replace('1%{?dist}', '%autorelease') + '%changelog\n' + entry('0.9-1'), codes), []);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> -\n- x\n', codes), []);
  assert.deepEqual(diag(BASE.replace('1%{?dist}', '%(date +%%s)%{?dist}') + '%changelog\n' + entry('0.9-1'), codes), []);
});

test('rpmlint\'s changelog-time-in-future / changelog-time-overflow on the latest entry (26 hours allowed for time zones)', async () => {
  const now = new Date(Date.UTC(2026, 10, 24, 12)); // Tue Nov 24 2026, noon UTC
  const run = async (entries: string) => {
    const text = CL + entries;
    const found = await createLanguageService().diagnostics({ uri: 'file:///ws/hello.spec', languageId: 'rpm-spec', version: 1, text }, context(memoryHost({}, { now })));
    return found.filter((f) => f.code.startsWith('changelog-time')).map((f) => describe(text, f));
  };
  // Today, and tomorrow (somewhere it is already tomorrow), are fine.
  assert.deepEqual(await run('* Tue Nov 24 2026 Jane <j@x.org> - 1.0-1\n- x\n'), []);
  assert.deepEqual(await run('* Wed Nov 25 2026 Jane <j@x.org> - 1.0-1\n- x\n'), []);
  assert.deepEqual(await run('* Thu Nov 26 2026 Jane <j@x.org> - 1.0-1\n- x\n'), [
    'changelog-time-in-future warning 10:3-10:18 The latest %changelog entry is dated 2026-11-26, in the future (a typo in the date?)',
  ]);
  assert.deepEqual(await run('* Fri Nov 24 2062 Jane <j@x.org> - 1.0-1\n- x\n'), [
    'changelog-time-in-future warning 10:3-10:18 The latest %changelog entry is dated 2062-11-24, in the future (a typo in the date?)',
  ]);
  assert.deepEqual(await run('* Wed Nov 24 1926 Jane <j@x.org> - 1.0-1\n- x\n'), [
    'changelog-time-overflow warning 10:3-10:18 The latest %changelog entry is dated 1926-11-24, before 1995 (a typo in the year?)',
  ]);
  // Only the latest entry counts (rpmlint reads the header's first changelog time).
  assert.deepEqual(await run('* Tue Nov 24 2026 Jane <j@x.org> - 1.0-1\n- x\n\n* Wed Nov 24 1926 Jane <j@x.org> - 0.1-1\n- y\n'), []);
});
