// %changelog checks: rpm's messages, pointed at the entry (rpm itself gives no line and drops the changelog).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, diag } from './helpers';

const CL = BASE + '%changelog\n';

test('a well-formed changelog is clean', () => {
  assert.deepEqual(diag(CL + '* Tue Jan 02 2024 Jane <j@x.org> - 1.0-2\n- Fix\n\n* Mon Jan 01 2024 Jane <j@x.org> - 1.0-1\n- First\n'), []);
});

test('weekday that does not match the date: rpm\'s "bogus date" warning on the weekday', () => {
  assert.deepEqual(diag(CL + '* Tue Jan 01 2024 Jane <j@x.org> - 1.0-1\n- First\n'), [
    'changelog-bogus-date warning 10:3-10:6 bogus date in %changelog: Tue Jan 01 2024 Jane <j@x.org> - 1.0-1 (Jan 1 2024 is a Mon)',
  ]);
});

test('bad date and entries out of order', () => {
  assert.deepEqual(diag(CL + '* Mon Foo 01 2024 Jane <j@x.org> - 1\n- x\n'), [
    'changelog-bad-date error 10:3-10:18 bad date in %changelog: Mon Foo 01 2024 Jane <j@x.org> - 1',
  ]);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1\n- x\n* Tue Jan 02 2024 Jane <j@x.org> - 2\n- y\n'), [
    'changelog-not-descending error 12:3-12:18 %changelog not in descending chronological order',
  ]);
});

test('entries must start with *; missing name; no description; no "- " item', () => {
  assert.deepEqual(diag(CL + 'Initial package\n'), ['changelog-missing-star error 10:1-10:16 %changelog entries must start with *']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024\n- x\n'), ['changelog-missing-name error 10:1-10:18 missing name in %changelog']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1'), ['changelog-no-description error 10:1-10:37 no description in %changelog']);
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1\nInitial\n'), ["changelog-item-without-dash warning 11:1-11:8 changelog entry has no '- ' item line"]);
});

test('rpm quirks: a * line right after the header is text; comments and %autochangelog are fine', () => {
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1\n* Notes\n- x\n'), []);
  assert.deepEqual(diag(CL + '# old entries below\n%autochangelog\n'), []);
});

test('macros in %changelog are expanded by rpm: rpmlint\'s macro-in-%changelog', () => {
  assert.deepEqual(diag(CL + '* Mon Jan 01 2024 Jane <j@x.org> - 1\n- Use %{_bindir} and %%{escaped}\n'), [
    'macro-in-%changelog warning 11:7-11:17 Macro expanded in %changelog: %{_bindir} (escape it as %%{_bindir})',
  ]);
});
