// The spec parser: structure with exact offsets, and tolerance of broken input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec, type MacroRef } from '../../../server/src/rpm/parser';
import { scanMacroRefs } from '../../../server/src/rpm/macroRefs';
import { CLOSED, scanOpen } from '../../../server/src/rpm/reader';

const SPEC = [
  'Name:           hello',                      // 0
  'Version:        1.0',                        // 1
  'Release:        1%{?dist}',                  // 2
  'Summary:        Greets',                     // 3
  'License:        MIT',                        // 4
  'Requires(post): systemd',                    // 5
  'Source0:        hello-%{version}.tar.gz',    // 6
  '%global commit abc123',                      // 7
  '%define greet(n:) Hello %{-n*}',             // 8
  '%bcond_without docs',                        // 9
  '',                                           // 10
  '%description',                               // 11
  'Hello.',                                     // 12
  '',                                           // 13
  '%package -n python3-hello',                  // 14
  'Summary:        Bindings',                   // 15
  '%description -n python3-hello',              // 16
  'Bindings.',                                  // 17
  '%prep',                                      // 18
  '%if 0%{?fedora} >= 40',                      // 19
  'echo new',                                   // 20
  '%elif %{with docs}',                         // 21
  'echo docs',                                  // 22
  '%else',                                      // 23
  'echo old',                                   // 24
  '%endif',                                     // 25
  '%files -n python3-hello -f files.list',      // 26
  '%post -p /sbin/ldconfig',                    // 27
  '%changelog',                                 // 28
  '* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-1', // 29
  '- First',                                    // 30
].join('\n');

const off = (line: number, col: number) => SPEC.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + col;

test('preamble tags with qualifier, number and exact spans', () => {
  const doc = parseSpec(SPEC);
  const names = doc.tags.map((t) => `${t.name}:${t.pkg}`);
  assert.deepEqual(names, ['Name:0', 'Version:0', 'Release:0', 'Summary:0', 'License:0', 'Requires:0', 'Source0:0', 'Summary:1']);
  const req = doc.tags[5];
  assert.equal(req.key, 'requires');
  assert.equal(req.qualifier, 'post');
  assert.deepEqual(req.qualifierSpan, { start: off(5, 9), end: off(5, 13) });
  assert.deepEqual(req.valueSpan, { start: off(5, 16), end: off(5, 23) });
  const src = doc.tags[6];
  assert.equal(src.key, 'source');
  assert.equal(src.number, 0);
  assert.deepEqual(src.nameSpan, { start: off(6, 0), end: off(6, 7) });
  assert.equal(doc.packages[0].name, 'hello');
});

test('packages, sections with options, and which package each section is about', () => {
  const doc = parseSpec(SPEC);
  assert.deepEqual(doc.packages.map((p) => p.name), ['hello', 'python3-hello']);
  assert.deepEqual(doc.sections.map((s) => `${s.name}@${s.line}-${s.endLine}:${s.pkg}`), [
    'description@11-13:0', 'package@14-15:1', 'description@16-17:1', 'prep@18-25:0', 'files@26-26:1', 'post@27-27:0', 'changelog@28-30:0',
  ]);
  const files = doc.sections[4];
  assert.deepEqual(files.options.map((o) => [o.flag, o.value]), [['-n', 'python3-hello'], ['-f', 'files.list']]);
  assert.deepEqual(files.pkgRef, { name: 'python3-hello', full: true, span: { start: off(26, 10), end: off(26, 23) } });
  assert.equal(doc.sections[5].options[0].value, '/sbin/ldconfig');
  assert.equal(doc.packages[1].descriptions.length, 1);
  assert.equal(doc.preambleEndLine, 11);
});

test('macro definitions (parametric too), bconds and references', () => {
  const doc = parseSpec(SPEC);
  assert.deepEqual(doc.defines.map((d) => [d.kind, d.name, d.params, d.body]), [
    ['global', 'commit', undefined, 'abc123'],
    ['define', 'greet', 'n:', 'Hello %{-n*}'],
  ]);
  assert.deepEqual(doc.defines[1].nameSpan, { start: off(8, 8), end: off(8, 13) });
  assert.deepEqual(doc.bconds.map((b) => [b.kind, b.name, b.defaultOn]), [['bcond_without', 'docs', true]]);
  const dist = doc.macroRefs.find((r) => r.name === 'dist')!;
  assert.equal(dist.conditional, true);
  assert.equal(dist.form, 'braced');
  assert.deepEqual([dist.start, dist.end, dist.nameStart, dist.nameEnd], [off(2, 17), off(2, 25), off(2, 20), off(2, 24)]);
  const fedora = doc.macroRefs.find((r) => r.name === 'fedora')!;
  assert.deepEqual([fedora.start, fedora.end], [off(19, 5), off(19, 15)]);
});

test('macro references: offsets of the whole, the name and the argument, with nesting', () => {
  const text = 'Release: 1%{?fedora:.fc%{fedora}} %(echo hi) %!?x\n';
  const doc = parseSpec(text);
  const at = (s: string) => text.indexOf(s);
  const rows = doc.macroRefs.map((r) => [r.form, r.name, r.start, r.end, r.nameStart, r.nameEnd, r.arg, r.argStart, r.argEnd, r.conditional, r.negated, r.depth]);
  assert.deepEqual(rows, [
    ['braced', 'fedora', at('%{?fedora'), at(' %('), at('fedora:'), at(':.fc'), '.fc%{fedora}', at('.fc'), at('}} ') + 1, true, false, 0],
    ['braced', 'fedora', at('%{fedora}'), at('%{fedora}') + 9, at('%{fedora}') + 2, at('%{fedora}') + 8, undefined, -1, -1, false, false, 1],
    ['shell', '', at('%('), at(' %!?x'), at('%('), at('%(') + 2, undefined, -1, -1, false, false, 0],
    ['plain', 'x', at('%!?x'), at('%!?x') + 4, at('%!?x') + 3, at('%!?x') + 4, undefined, -1, -1, true, true, 0],
  ]);
});

test('a reference scan stays inside its stretch', () => {
  const text = 'a %{x} b\n%{y} %(z)\n';
  const out: MacroRef[] = [];
  scanMacroRefs(text, 0, text.indexOf('\n'), () => 0, out); // stops before the next line's %{y}
  assert.deepEqual(out.map((r) => [r.name, r.start, r.end]), [['x', 2, 6]]);
  scanMacroRefs(text, 4, 6, () => 0, out); // inside %{x}: no % in [4, 6)
  assert.equal(out.length, 1);
  scanMacroRefs(text, 9, text.length, () => 1, out);
  assert.deepEqual(out.slice(1).map((r) => [r.form, r.start, r.end]), [['braced', 9, 13], ['shell', 14, 18]]);
});

test('open macro counts over a line, also when stretches with nothing open are skipped', () => {
  const cases: Array<[string, [number, number, number, boolean]]> = [
    ['%{_datadir}/big/file.txt', [0, 0, 0, false]],
    ['%{_datadir}/x %{?a:{b}', [1, 0, 0, false]],
    ['x %%{not} %(echo (a) %[1 + (2', [0, 2, 1, false]], // inside %( any ( counts
    ['{ } ( ) [ ] %{a}', [0, 0, 0, false]],
  ];
  for (const [line, want] of cases) {
    for (const fast of [false, true]) {
      const o = scanOpen(line, 0, line.length, CLOSED, fast);
      assert.deepEqual([o.bc, o.pc, o.xc, o.nc], want, `${line} (skipping: ${fast})`);
    }
  }
  // A continued line (backslash at the end) is scanned character by character.
  const continued = '%define x a \\';
  assert.equal(scanOpen(continued, 0, continued.length, CLOSED).nc, true);
});

test('a macro named like package or subpkg may write %package sections', () => {
  const base = 'Name: a\nVersion: 1\n%description\nA.\n';
  const cases: Array<[string, boolean]> = [
    ['%my_package_macro\n', true],
    ['%{?build_subpkg}\n', true],
    ['%{_texdir}/package/x\n', false], // a path after the macro
    ['%files\n%{_datadir}/packages\n', false],
    ['%changelog\n%{package_in_changelog}\n', false],
  ];
  for (const [lines, want] of cases) assert.equal(parseSpec(base + lines).macroPackages, want, lines);
});

test('conditionals: branches with expressions and body spans, nesting paths', () => {
  const doc = parseSpec(SPEC);
  assert.equal(doc.conditionals.length, 1);
  const c = doc.conditionals[0];
  assert.deepEqual(c.branches.map((b) => [b.keyword, b.expr, b.line]), [['if', '0%{?fedora} >= 40', 19], ['elif', '%{with docs}', 21], ['else', '', 23]]);
  assert.deepEqual(c.branches[0].exprSpan, { start: off(19, 4), end: off(19, 21) });
  assert.deepEqual(c.branches[0].bodySpan, { start: off(20, 0), end: off(21, 0) });
  assert.deepEqual(c.endifSpan, { start: off(25, 0), end: off(25, 6) });
  assert.equal(c.endLine, 25);
});

test('changelog entries with header parts', () => {
  const doc = parseSpec(SPEC);
  const e = doc.changelog[0];
  assert.equal(e.weekday, 'Mon');
  assert.equal(e.month, 'Jan');
  assert.equal(e.day, 1);
  assert.equal(e.year, 2024);
  assert.equal(e.author, 'Jane Doe');
  assert.equal(e.email, 'jane@example.org');
  assert.equal(e.evr, '1.0-1');
  assert.deepEqual(e.evrSpan, { start: off(29, 48), end: off(29, 53) });
  assert.equal(e.bodyLines, 1);
  assert.equal(e.dashed, true);
  assert.equal(doc.text.slice(e.firstText!.span.start, e.firstText!.span.end), '- First');
  assert.deepEqual([e.firstText!.line, e.lastText!.line], [30, 30]);
  assert.notEqual(e.firstText, e.lastText);
});

test('multi-line macros are one logical line; their content is not parsed as tags or sections', () => {
  const text = 'Name: a\n%global desc %{expand:\nSummary: not a tag\n%description not a section\n}\nVersion: 1\n';
  const doc = parseSpec(text);
  assert.deepEqual(doc.tags.map((t) => t.name), ['Name', 'Version']);
  assert.equal(doc.sections.length, 0);
  assert.equal(doc.defines[0].body, '%{expand:\nSummary: not a tag\n%description not a section\n}');
  assert.ok(doc.tagsInMacros.has('summary'));
});

test('rpm quirks: case-insensitive sections, tags only at column 0, %ifarch needs an argument', () => {
  const doc = parseSpec('Name: a\n Version: 1\n%Description\nx\n%build\n%ifarch\n%endif\n');
  assert.deepEqual(doc.tags.map((t) => t.name), ['Name']);
  assert.deepEqual(doc.preambleStray.map((s) => s.line), [1]);
  assert.deepEqual(doc.sections.map((s) => s.name), ['description', 'build']);
  assert.deepEqual(doc.problems.map((p) => [p.code, p.line]), [['endif-without-if', 6]]);
});

test('structural problems: stray %else/%endif, unclosed %if and macro', () => {
  const doc = parseSpec('%else\n%if 1\n%{foo\n');
  assert.deepEqual(doc.problems.map((p) => [p.code, p.line, p.span.start, p.span.end]), [
    ['else-without-if', 0, 0, 5], ['unclosed-macro', 2, 12, 17], ['unclosed-if', 1, 6, 9],
  ]);
});

test('never throws and keeps offsets inside the text on garbage, CRLF, BOM and NULs', () => {
  const inputs = ['', '%', '%{', '%(', '%[', '\uFEFFName: x\r\nVersion: 1\r\n', '\u0000\u0001%if\u0000', '}}}{{{%%%', '%package\n%description -n\n%files -f\n', '* * *\n%changelog\n* \n*'];
  for (const text of inputs) {
    const doc = parseSpec(text);
    for (const t of doc.tags) assert.ok(t.span.start >= 0 && t.span.end <= text.length);
    for (const r of doc.macroRefs) assert.ok(r.start >= 0 && r.end <= text.length && r.start <= r.end && r.start <= r.nameStart && r.nameEnd <= r.end);
    for (const s of doc.sections) assert.ok(s.bodySpan.start <= s.bodySpan.end && s.bodySpan.end <= text.length);
  }
  const crlf = parseSpec('Name: a\r\nVersion: 1\r\n');
  assert.equal(crlf.tags[1].value, '1');
  assert.deepEqual(crlf.tags[1].valueSpan, { start: 18, end: 19 });
});
