// Which names a conditional branch proves defined (rpm/guards.ts), on the parsed %if structure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../server/src/rpm/parser';
import { provedDefined } from '../../../server/src/rpm/guards';

/** The names each branch of the spec's first conditional proves defined. */
function proved(lines: string[]): string[][] {
  const c = parseSpec(lines.join('\n') + '\n').conditionals[0];
  return c.branches.map((_, b) => provedDefined(c, b));
}

test('positive tests prove their names in their own branch only', () => {
  assert.deepEqual(proved(['%if %{defined a}', '%elif %defined b', '%else', '%endif']), [['a'], ['b'], []]);
  assert.deepEqual(proved(['%if 0%{?a} && %{?b:1} && ( 0%{?c} >= 8 )', '%endif']), [['a', 'b', 'c']]);
  assert.deepEqual(proved(['%if "%{?a}" != ""', '%endif']), [['a']]);
  assert.deepEqual(proved(['%if 0%{?a} > 0', '%elif 0%{?b} != 0', '%endif']), [['a'], ['b']]);
});

test('tests an undefined name passes prove nothing', () => {
  assert.deepEqual(proved(['%if %{defined a} || %{defined b}', '%endif']), [[]]);
  assert.deepEqual(proved(['%if 0%{?a} == 0', '%elif 0%{?b} >= 0', '%elif !%{defined c}', '%endif']), [[], [], []]);
  assert.deepEqual(proved(['%if %{?a:0}%{!?a:1}', '%endif']), [[]]);
});

test('a negative test proves its names in the later branches', () => {
  assert.deepEqual(proved(['%if %{undefined a}', '%elif !%defined b', '%else', '%endif']), [[], ['a'], ['a', 'b']]);
  assert.deepEqual(proved(['%if %{undefined a} || 0%{!?b:1}', '%else', '%endif']), [[], ['a', 'b']]);
  // With &&, the first branch may be false while only one of them is undefined.
  assert.deepEqual(proved(['%if %{undefined a} && %{undefined b}', '%else', '%endif']), [[], []]);
});
