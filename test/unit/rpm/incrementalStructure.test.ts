// Incremental re-parsing where the structure around an edit changes: macros that name packages, subpackages
// named with macros, and `%if`s typed or `%endif`s deleted above a long rest (incrementalConds.ts). Each case
// checks the tree against a full parse and whether the rest was reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reparseSpec, reparseStats } from '../../../server/src/rpm/incremental';
import { parseSpec } from '../../../server/src/rpm/parser';
import type { SpecDocument } from '../../../server/src/rpm/ast';
import { plain } from './plainTree';

/** `next` re-parsed from `old` (a tree, or a text parsed first), checked against a full parse of `next`. */
function reparsed(old: SpecDocument | string, next: string, what?: string): SpecDocument {
  const doc = reparseSpec(typeof old === 'string' ? parseSpec(old) : old, next);
  assert.deepEqual(plain(doc), plain(parseSpec(next)), what);
  return doc;
}

/**
 * Re-parses the texts `steps` one after the other from `doc`: each must give the tree a full parse gives,
 * take the splice path and parse fewer than `most` lines again. Returns the last tree.
 */
function typeSteps(doc: SpecDocument, steps: string[], most: number, label = (k: number, _text: string) => `step ${k}`): SpecDocument {
  for (const [k, next] of steps.entries()) {
    const before = { ...reparseStats };
    const what = label(k, next);
    doc = reparsed(doc, next, what);
    assert.equal(reparseStats.spliced - before.spliced, 1, `${what}: spliced`);
    assert.ok(reparseStats.reparsedLines - before.reparsedLines < most, `${what}: re-parsed ${reparseStats.reparsedLines - before.reparsedLines} lines`);
  }
  return doc;
}

test('a macro defined anew splices unless a later package name depends on it', () => {
  const spec = [
    // The description is long enough for a splice at the next header (a re-parse goes on for 8 lines after the edit).
    'Name: a', 'Version: 1', '%global sub extra', '%global other %{sub}-x', '%description', ...Array.from({ length: 10 }, (_, i) => `A, line ${i}.`), '%package -n %{other}', 'Summary: b',
    '%description -n %{other}', 'B.', '%files', '/x', '%files -n %{other}', '/y', '',
  ].join('\n');
  const cases: Array<[string, boolean]> = [
    ['%global unrelated 1\n', true], // no name mentions it
    ['%global sub changed\n', false], // %{other} mentions %{sub}: the later %files -n %{other} must be looked up again
    ['%define other y\n', false],
  ];
  for (const [insert, splices] of cases) {
    const old = parseSpec(spec);
    const before = { ...reparseStats };
    const next = spec.replace('%description\n', `${insert}%description\n`);
    reparsed(old, next, insert);
    assert.equal(reparseStats.spliced - before.spliced, splices ? 1 : 0, `${insert.trim()}: spliced`);
    assert.equal(reparseStats.toEnd - before.toEnd, splices ? 0 : 1, `${insert.trim()}: parsed to the end`);
  }
});

test('a %{name} defined anew re-parses a later suffix lookup while the spec has no Name:', () => {
  // Without a Name:, `%description extra` is looked up as `%{name}-extra`: unknowable while %{name} is not
  // defined (-2), a missing package once it is (-1).
  const spec = ['Version: 1', '%description', 'A.', ...Array.from({ length: 12 }, (_, i) => `More ${i}.`), '%files', '/x', '%description extra', 'E.', ''].join('\n');
  const next = spec.replace('A.\n', 'A.\n%define name renamed\n');
  const old = parseSpec(spec);
  assert.equal(old.sections[old.sections.length - 1].pkg, -2);
  const doc = reparsed(old, next);
  assert.equal(doc.sections[doc.sections.length - 1].pkg, -1);
});

test('an edit in a subpackage named with a macro splices while the name resolves the same', () => {
  // texlive-base.spec's `%package -n %{shortname}-a2ping`: an edit in such a section used to re-parse to the end.
  const text = (short: string, extra: string) => [
    'Name: a', 'Version: 1', 'Summary: s', 'License: MIT', `%global shortname ${short}`, '%description', 'A.',
    '%package -n %{shortname}-one', 'Summary: one', '%description -n %{shortname}-one', `One.${extra}`, ...Array.from({ length: 12 }, (_, i) => `More ${i}.`),
    '%package -n %{shortname}-two', 'Summary: two', '%description -n %{shortname}-two', 'Two.',
    // Found by its literal name: only while %{shortname} is `tl`.
    '%files -n tl-one', '/x', '%files -n %{shortname}-two', '/y', '',
  ].join('\n');
  const cases: Array<[string, string, boolean]> = [
    ['a keystroke in the description', text('tl', ' Edited.'), true],
    ['the macro the names use changed', text('tx', ''), false],
  ];
  for (const [what, next, splices] of cases) {
    const before = { ...reparseStats };
    const doc = reparsed(text('tl', ''), next, what);
    assert.equal(reparseStats.spliced - before.spliced, splices ? 1 : 0, `${what}: spliced`);
    assert.deepEqual(doc.packages.map((p) => p.resolved), ['', `${splices ? 'tl' : 'tx'}-one`, `${splices ? 'tl' : 'tx'}-two`], what);
    assert.equal(doc.sections.find((x) => x.kind === 'files')!.pkg, splices ? 1 : -1, `${what}: %files -n tl-one`);
  }
});

test('a re-parse resolves %{name} as the full parse does when Name: is empty', () => {
  // The parser (like rpm) takes the first main-package Name: even when empty: %{name} is then empty, and
  // `%files -n %{name}+missing` names a package that does not exist (not one that macros hide).
  const spec = ['Name:', 'Version: 1', '%description', 'A.', '%files -n %{name}+missing', '/x', ''].join('\n');
  const next = spec.replace('A.', 'A, edited.');
  const doc = reparsed(spec, next);
  assert.equal(doc.sections[doc.sections.length - 1].pkg, -1);
});

test('typing a %if line above a long rest, and its %endif, re-parses a few lines: the rest is reused inside it', () => {
  const pkgs = Array.from({ length: 300 }, (_, i) => [`%package p${i}`, `Summary: p${i}`, `%description p${i}`, `P ${i}.`]).flat();
  const head = ['Name: a', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%package first', 'Summary: f', '%description first', 'F.'];
  // An %if/%endif pair further down that the new %if encloses, and a section inside an %if at the end.
  const tail = ['%if 0%{?fedora}', '%package fed', 'Summary: fed', '%description fed', 'Fed.', '%endif', '%files', '/x', '%if 1', '%files first', '/f', '%endif', ''];
  const text = [...head, ...pkgs, ...tail].join('\n');
  let doc = parseSpec(text);
  const at = text.indexOf('%package first');
  const steps: string[] = [];
  // A new line before "%package first", "%if 0%{?rhel}" typed into it (the editor closes the brace as it is
  // typed: an unclosed `%{` would join the lines after it); then the same after its description, with
  // "%endif" typed into it.
  const typed = (t: string, pos: number, line: string) => Array.from({ length: line.length + 1 }, (_, i) => t.slice(0, pos) + line.slice(0, i) + '\n' + t.slice(pos));
  steps.push(...typed(text, at, '%if 0%{').map((t, i) => (i === 7 ? t.replace('%{\n', '%{}\n') : t)));
  steps.push(...['?', '?r', '?rh', '?rhe', '?rhel'].map((x) => text.slice(0, at) + `%if 0%{${x}}\n` + text.slice(at)));
  const withIf = steps[steps.length - 1];
  const after = withIf.indexOf('%package p0');
  steps.push(...typed(withIf, after, '%endif'));
  // Then delete that %endif again, character by character from its end (the rest is inside the %if again).
  const closed = steps[steps.length - 1];
  for (let i = 1; i <= '%endif'.length; i++) steps.push(closed.slice(0, after + 6 - i) + closed.slice(after + 6));
  doc = typeSteps(doc, steps, 40, (k, next) => `step ${k}: ${JSON.stringify(next.slice(at, at + 30))}`);
  // While the new %if is open, everything after it is in it: the last package, the %files, the %if at the end.
  const open = parseSpec(withIf);
  assert.deepEqual(open.problems.map((x) => [x.code, x.line]), [['unclosed-if', 7]]);
  assert.deepEqual(open.sections[open.sections.length - 1].branch.steps, [[0, 0], [2, 0]]);
  // After the %endif was deleted again: the same, one (empty) line further down.
  assert.deepEqual(doc.problems.map((x) => [x.code, x.line]), [['unclosed-if', 7]]);
  assert.deepEqual(doc.sections[doc.sections.length - 1].branch.steps, [[0, 0], [2, 0]]);
});

test('a stray %endif further down closes the %if typed above it: parsing goes on past it before reusing the rest', () => {
  const body = Array.from({ length: 200 }, (_, i) => `/file-${i}`);
  const spec = ['Name: a', 'Version: 1', '%description', 'A.', '%package b', 'Summary: b', '%description b', 'B.', '%files', ...body, '%endif', '%files b', '/y', ''].join('\n');
  const next = spec.replace('%package b', '%if 1\n%package b');
  const before = { ...reparseStats };
  const doc = reparsed(spec, next);
  // Not at the %files body's checkpoints (the old rest there has the stray %endif): at %files b after it.
  assert.equal(reparseStats.spliced - before.spliced, 1);
  assert.ok(reparseStats.reparsedLines - before.reparsedLines > 200);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual([doc.conditionals[0].line, doc.conditionals[0].endLine], [4, 210]);
});

test('typing in a %package line splices: the sections after it that name the old or the new name are looked up again', () => {
  const filler = Array.from({ length: 12 }, (_, i) => `Line ${i}.`);
  let text = [
    'Name: a', 'Version: 1', 'Summary: s', 'License: MIT', '%description', 'A.',
    '%package one', 'Summary: one', ...filler, '%package two', 'Summary: two', ...filler,
    '%description one', 'One.', ...filler, '%description two', 'Two.', ...filler,
    '%files one', '/x', '%files two', '/y', '%files -n a-one-x', '/z', '',
  ].join('\n');
  let doc = parseSpec(text);
  const at = text.indexOf('%package one') + '%package one'.length;
  const steps = ['-', '-x'].map((typed) => text.slice(0, text.indexOf('%package one')) + `%package one${typed}` + text.slice(text.indexOf('\n', at)));
  doc = typeSteps(doc, steps, 30);
  text = steps[steps.length - 1];
  // `%package one-x`: its old name's %description and %files name no package now; `-n a-one-x` names it.
  const pkgOf = (header: string) => doc.sections.find((s) => text.slice(s.headerSpan.start, s.headerSpan.end) === header)!.pkg;
  assert.deepEqual([pkgOf('%description one'), pkgOf('%files one'), pkgOf('%files two'), pkgOf('%files -n a-one-x')], [-1, -1, 2, 1]);
  // A name written with a macro in the rest cannot be looked up without macro values: parsed past it (here
  // to the end).
  const withMacro = text.replace('%files -n a-one-x', '%files -n %{name}-one-x');
  const before = { ...reparseStats };
  const renamed = withMacro.replace('%package one-x', '%package one-y');
  reparsed(withMacro, renamed);
  assert.equal(reparseStats.spliced - before.spliced, 0);
});

test('after a rename, a later section past a macro that defines packages stays unknowable, as in a full parse', () => {
  // From the `%define` on, packages may come from macros: `%files one` there is -2 (unknowable), not -1.
  const filler = Array.from({ length: 12 }, (_, i) => `Line ${i}.`);
  const text = [
    'Name: a', 'Version: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%package one', 'Summary: one', ...filler,
    '%package two', 'Summary: two', '%description two', 'Two.', ...filler, '%define mkpkg() %package %1', '%files one', '/x', '',
  ].join('\n');
  const next = text.replace('%package one', '%package onex');
  const doc = reparsed(text, next);
  assert.equal(doc.sections[doc.sections.length - 1].pkg, -2);
});

test('edits far below an %if left open, and its %endif typed there, re-parse from the nearest checkpoint inside it', () => {
  const pkgs = Array.from({ length: 300 }, (_, i) => [`%package p${i}`, `Summary: p${i}`, `%description p${i}`, `P ${i}.`]).flat();
  const open = ['Name: a', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%if 0%{?rhel}', ...pkgs, '%files', '/x', ''].join('\n');
  let doc = parseSpec(open);
  const text = open;
  const far = text.indexOf('P 250.');
  const steps = [
    text.slice(0, far) + 'Edited: ' + text.slice(far),
    ...Array.from({ length: '%endif'.length }, (_, i) => text.slice(0, far) + 'Edited: ' + text.slice(far, far + 6) + '\n' + '%endif'.slice(0, i + 1) + text.slice(far + 6)),
  ];
  doc = typeSteps(doc, steps, 40);
  // The %endif closes the %if: what follows is outside it again.
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.sections[doc.sections.length - 1].branch.steps, []);
});
