// The macro expander: rpm's forms, never running code, checked against the installed rpm where rpm can
// answer without running anything from a spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { expandMacros, MapMacroTable } from '../../../server/src/rpm/expand';
import { conditionValue, evaluateExpression } from '../../../server/src/rpm/expr';

function table(): MapMacroTable {
  return new MapMacroTable()
    .set('name', 'hello')
    .set('version', '2.12')
    .set('fedora', '41')
    .set('dist', '.fc41')
    .set('pkg', '%{name}-%{version}')
    .set('with_docs', '1')
    .set('greet', 'hi %1 (%#) [%*] %{?-q:quiet} %{-o*}', 'qo:')
    .set('loop', '%{loop}x');
}

// The third element marks forms newer than the rpm 4.18 that Debian 12 ships (lower/upper/len: rpm >= 4.19).
const CASES: Array<[string, string, 'rpm>=4.19'?]> = [
  ['%name', 'hello'],
  ['%{name}', 'hello'],
  ['%{pkg}%{?dist}', 'hello-2.12.fc41'],
  ['%{?nosuch}', ''],
  ['%{!?nosuch:fallback}', 'fallback'],
  ['%{?fedora:yes}%{!?fedora:no}', 'yes'],
  ['%{?rhel:yes}%{!?rhel:no}', 'no'],
  ['100%%', '100%'],
  ['%[1 + 2 * 3]', '7'],
  ['%[%{fedora} >= 40]', '1'],
  ['%[0%{?rhel} > 8]', '0'],
  ['%{expand:%%{name}}', 'hello'],
  ['%{lower:HeLLo}', 'hello', 'rpm>=4.19'],
  ['%{upper:%{name}}', 'HELLO', 'rpm>=4.19'],
  ['%{len:%{name}}', '5', 'rpm>=4.19'],
  ['%{basename:/a/b/c.tar.gz}', 'c.tar.gz'],
  ['%{dirname:/a/b/c.tar.gz}', '/a/b'],
  ['%{suffix:c.tar.gz}', 'gz'],
  ['%{greet world wide}', 'hi world (2) [world wide]  '],
  ['%{greet -q -o val x}', 'hi x (1) [x] quiet val'],
  ['%{defined fedora}%{defined rhel}', '10'],
  ['%{with docs}%{without docs}', '10'],
];

test('expands rpm macro forms like rpm does', () => {
  for (const [input, expected] of CASES) {
    const r = expandMacros(input, table());
    assert.equal(r.text, expected, input);
    assert.equal(r.unknown, false, input);
  }
});

test('the same cases give the same text in the installed rpm', () => {
  const t = table();
  const defines = [...t.defs.values()].flatMap((d) => ['--define', `${d.name}${d.params !== undefined ? `(${d.params})` : ''} ${d.body}`]);
  for (const [input] of CASES.filter(([, , newer]) => !newer)) {
    const r = spawnSync('rpm', [...defines, '--eval', input], { encoding: 'utf8' });
    assert.equal(r.status, 0, `rpm must be installed; stderr: ${r.stderr}`);
    assert.equal(expandMacros(input, t).text, r.stdout.replace(/\n$/, ''), input);
  }
});

test('undefined macros are left as written and reported; shell and Lua are never run', () => {
  const r = expandMacros('%{nosuch} %other %(rm -rf /tmp/x) %{lua: os.exit(1)}', table());
  assert.equal(r.text, '%{nosuch} %other %(rm -rf /tmp/x) %{lua: os.exit(1)}');
  assert.deepEqual(r.undefined.sort(), ['nosuch', 'other']);
  assert.equal(r.unknown, true);
});

test('opaque names (defined where we cannot see the value) are kept as written in every form, as unknown', () => {
  const opaque = (n: string) => n === '_smp_build_ncpus' || n === 'make_build';
  const r = expandMacros('%make_build -j%{_smp_build_ncpus} %{?_smp_build_ncpus} %{!?make_build:x} %?make_build %{name} %{nosuch}', table(), { opaque });
  assert.equal(r.text, '%make_build -j%{_smp_build_ncpus} %{?_smp_build_ncpus} %{!?make_build:x} %?make_build hello %{nosuch}');
  assert.equal(r.unknown, true);
  assert.deepEqual(r.undefined, ['nosuch']);
  // A definition in the table wins over the opaque list.
  assert.equal(expandMacros('%{name}', table(), { opaque: () => true }).text, 'hello');
});

test('recursion and unclosed braces are bounded and never throw', () => {
  const r = expandMacros('%{loop}', table());
  assert.equal(r.unknown, true);
  assert.equal(expandMacros('%{name', table()).text, '%{name');
  assert.equal(expandMacros('%', table()).text, '%');
  assert.equal(expandMacros('%{?}', table()).text, '%{?}');
});

test('expressions: numbers, strings, versions, logic; rpm errors are unknown', () => {
  const v = (s: string) => conditionValue(evaluateExpression(s));
  assert.equal(v('0 > 40'), false);
  assert.equal(v('41 >= 40 && 1'), true);
  assert.equal(v('"a" < "b"'), true);
  assert.equal(v('v"1.10" > v"1.9"'), true);
  assert.equal(v('!(1 || 0)'), false);
  assert.equal(v('1 ? 0 : 1'), false);
  assert.equal(v('%{fedora} > 40'), undefined);
  assert.equal(v('"a" == 1'), undefined);
  assert.equal(v('1 +'), undefined);
  assert.equal(v(''), undefined);
  assert.equal(v('x86_64'), undefined);
});
