// Parsing the real tools' output into findings, and merging without duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { mergeFindings, parseRpmlint, parseRpmspec } from '../../../../server/src/service/spec/backends';

const doc = parseSpec('Name: a\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\nFoo: x\n%description\nd\n%endif\n');

test('rpmspec stderr: errors and warnings with lines, with or without the file name', () => {
  const f = parseRpmspec('error: line 6: Unknown tag: Foo: x\nwarning: line 3: Possible unexpanded macro in: Release: %x\nerror: a.spec: line 9: %endif with no %if\nerror: query of specfile a.spec failed, can\'t parse\n', doc);
  assert.deepEqual(f.map((x) => [x.code, x.severity, x.span.start, x.message]), [
    ['rpmspec-error', 'error', 54, 'Unknown tag: Foo: x'],
    ['rpmspec-warning', 'warning', 19, 'Possible unexpanded macro in: Release: %x'],
    ['rpmspec-error', 'error', 76, '%endif with no %if'],
  ]);
});

test('rpmlint stdout: ids, severities, lines; specfile-error skipped', () => {
  const f = parseRpmlint('a.spec:6: W: some-check detail here\na.spec: E: specfile-error error: x\na.spec: W: no-%build-section\n 0 packages and 1 specfiles checked\n', doc);
  assert.deepEqual(f.map((x) => [x.code, x.severity, x.span.start, x.message, x.source]), [
    ['some-check', 'warning', 54, 'some-check detail here', 'rpmlint (backend)'],
    ['no-%build-section', 'warning', 0, 'no-%build-section', 'rpmlint (backend)'],
  ]);
});

test('merge drops what we already report on the same line', () => {
  const own = [{ code: 'unknown-tag', severity: 'error' as const, message: 'Unknown tag: Foo: x', span: { start: 54, end: 60 }, source: 'rpm' }];
  const backend = [...parseRpmspec('error: line 6: Unknown tag: Foo: x\n', doc), ...parseRpmlint('a.spec: W: no-%build-section\n', doc)];
  assert.deepEqual(mergeFindings(own, backend, doc).map((f) => f.code), ['no-%build-section', 'unknown-tag']);
});
