// Incremental re-parsing is differential-tested: after every random edit of a corpus spec, the tree
// `reparseSpec` builds from the previous tree equals the tree `parseSpec` builds from scratch (positions,
// lines, indices and the resume bookkeeping for the next edit), over chains of edits.
// INCREMENTAL_EDITS (default 40 per file) and INCREMENTAL_SEED control the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { changedRange, reparseSpec, reparseStats } from '../../../server/src/rpm/incremental';
import { markedByHash, parseSpec } from '../../../server/src/rpm/parser';
import { SPEC_CORPUS } from '../../corpus';
import { plain } from './plainTree';

const CORPUS = SPEC_CORPUS;
const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 40);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261129);

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

// Lines that change structure: sections, packages, conditionals, definitions, macros that stay open.
const LINES = [
  '%global bench_macro 1', 'Requires: pasted-package >= 1.0', '%package extra', '%description extra', 'text',
  '%if 0%{?rhel}', '%endif', '%else', 'Name: other', '%{', '}', '%changelog', '* Mon Jan 01 2024 A <a@b.c> - 1-1',
  '- entry', '%files -n %{name}-x', 'Source0: x.tar.gz', 'Patch1: p.patch', '%define bar(x) %{x}', '%build',
  '  %{?foo:bar}', '%bcond_with x', '# comment %{x}', '%package -n %{name}-foo', 'BuildRequires: %{name}',
  '%define name renamed', '%prep', '%autosetup -p1', '%patch 1', 'Summary: s', '%files', '%{lua: x = 1',
  'Provides: tex(x.sty) = %{tl_version}', '%undefine bench_macro', '%description -n %{name}-foo', '%ifarch x86_64',
  '%global pkgs %{expand:', 'Obsoletes: old', '%install', '%{_texdir}/texmf-dist/tex/x', '%dir %{_libdir}/x',
];

function edit(text: string, r: (n: number) => number): string {
  const at = r(text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (r(6)) {
    case 0: return text.slice(0, at) + 'x%{}\\'.charAt(r(5)) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + r(40)));
    case 2: return text.slice(0, lineStart) + LINES[r(LINES.length)] + '\n' + text.slice(lineStart);
    case 3: {
      const end = text.indexOf('\n', lineStart);
      return end < 0 ? text.slice(0, lineStart) : text.slice(0, lineStart) + text.slice(end + 1);
    }
    case 4: {
      const len = r(2000);
      const from = r(Math.max(1, text.length - len));
      return text.slice(0, lineStart) + text.slice(from, from + len) + text.slice(lineStart);
    }
    default: {
      const paste = Array.from({ length: 1 + r(30) }, () => LINES[r(LINES.length)]).join('\n') + '\n';
      return text.slice(0, lineStart) + paste + text.slice(lineStart);
    }
  }
}

test('changedRange finds the edited stretch, also in long equal runs', () => {
  const big = 'a'.repeat(200000);
  assert.deepEqual(changedRange(big, big.slice(0, 70000) + 'XY' + big.slice(70000)), { start: 70000, oldEnd: 70000, newEnd: 70002 });
  assert.deepEqual(changedRange('abc-def', 'abc+xdef'), { start: 3, oldEnd: 4, newEnd: 5 });
  assert.deepEqual(changedRange('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(changedRange('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
});

test('an edit re-parses around itself and gives the same tree as a full parse', () => {
  const spec = ['Name: a', 'Version: 1', '%description', 'A.', '%package b', 'Summary: b', '%description b', 'B.', '%files', '/x', '%files b', '/y', ''].join('\n');
  const before = { ...reparseStats };
  const old = parseSpec(spec);
  const next = spec.replace('/y', '/y\n%{_bindir}/z');
  const doc = reparseSpec(old, next);
  assert.deepEqual(plain(doc), plain(parseSpec(next)));
  assert.equal(reparseStats.spliced - before.spliced + reparseStats.toEnd - before.toEnd, 1, 'took the incremental path');
  assert.equal(doc.macroRefs.length, 1);
  assert.deepEqual([doc.macroRefs[0].start, doc.macroRefs[0].end], [next.indexOf('%{_bindir}'), next.indexOf('%{_bindir}') + 10]);
  // The same text again is the same tree.
  assert.equal(reparseSpec(doc, next), doc);
});

test('inside a long section body, an edit re-parses a few dozen lines, not the section', () => {
  const files = Array.from({ length: 3000 }, (_, i) => `%{_datadir}/big/file-${i}.txt`);
  const spec = ['Name: a', 'Version: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%files', ...files, '%changelog', ''].join('\n');
  const old = parseSpec(spec);
  const body = old.resume!.checkpoints.filter((c) => c.body);
  // About one body line in 40 is a checkpoint (by a hash of its text), none at the header.
  assert.ok(body.length > 3000 / 40 / 2 && body.length < (3000 / 40) * 2, `${body.length} body checkpoints`);
  assert.ok(body.every((c) => c.line > 6 && c.line < 7 + 3000));
  const cases: Array<[string, string, number]> = [
    ['a keystroke', spec.replace('file-1500.txt', 'file-1500x.txt'), 120],
    ['a new line with a macro', spec.replace('file-1500.txt\n', 'file-1500.txt\n%{_bindir}/new\n'), 120],
    ['a line deleted', spec.replace('%{_datadir}/big/file-1500.txt\n', ''), 120],
    // The header above changes kind: the body goes on under %post, so nothing after it can be reused.
    ['the section header changed', spec.replace('%files\n', '%post\n'), 3010],
    // A subpackage preamble whose header changes: its tags move to the new package.
    ['a %package header inserted', spec.replace('file-1500.txt\n', 'file-1500.txt\n%package extra\nSummary: e\n'), 3010],
  ];
  for (const [what, next, most] of cases) {
    const before = { ...reparseStats };
    const doc = reparseSpec(parseSpec(spec), next);
    assert.deepEqual(plain(doc), plain(parseSpec(next)), what);
    const reparsed = reparseStats.reparsedLines - before.reparsedLines;
    assert.ok(reparsed <= most, `${what}: re-parsed ${reparsed} lines`);
    if (most < 3000) assert.equal(reparseStats.spliced - before.spliced, 1, `${what}: spliced`);
  }
});

test('repeated lines get at most one body checkpoint per 9 lines', () => {
  // A line the hash marks, repeated with another one in between: a checkpoint on every second line
  // would cost memory and work on every edit.
  let marked = 0;
  while (!markedByHash(`/m${marked}`, 0, `/m${marked}`.length)) marked++;
  const files = Array.from({ length: 3000 }, (_, i) => (i % 2 ? '/other' : `/m${marked}`));
  const spec = ['Name: a', 'Version: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%files', ...files, ''].join('\n');
  const old = parseSpec(spec);
  const body = old.resume!.checkpoints.filter((c) => c.body);
  assert.ok(body.length <= 1, `${body.length} body checkpoints`);
  const next = spec.replace('/other\n', '/other2\n');
  assert.deepEqual(plain(reparseSpec(old, next)), plain(parseSpec(next)));
});

test('a body checkpoint in a subpackage preamble resumes with that package', () => {
  const reqs = Array.from({ length: 400 }, (_, i) => `Requires: dep-${i}`);
  const spec = ['Name: a', 'Version: 1', 'Summary: s', 'License: MIT', '%description', 'A.', '%package sub', 'Summary: b', ...reqs, '%description sub', 'B.', ''].join('\n');
  const old = parseSpec(spec);
  assert.ok(old.resume!.checkpoints.some((c) => c.body && c.line > 8 && c.line < 408), 'a checkpoint among the Requires');
  const next = spec.replace('Requires: dep-200\n', 'Requires: dep-200\nProvides: extra = 1\n');
  const doc = reparseSpec(old, next);
  assert.deepEqual(plain(doc), plain(parseSpec(next)));
  const provides = doc.tags.find((t) => t.key === 'provides')!;
  assert.equal(provides.pkg, 1);
  assert.equal(doc.packages[1].tags.length, 1 + 400 + 1);
});

test('differential: chains of random edits over corpus specs', { timeout: 600000 }, () => {
  assert.ok(existsSync(CORPUS), `spec corpus not found at ${CORPUS} (set CORPUS_DIR to the folder holding specs/)`);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.spec')).sort();
  const r = rng(SEED);
  // Files of every size up to 4,000 lines (the full parse of each step is the slow part), a few at random.
  const small = files.filter((f) => statSync(join(CORPUS, f)).size < 160000);
  const picked = Array.from({ length: 24 }, () => small[r(small.length)]);
  const before = { ...reparseStats };
  for (const file of picked) {
    const original = readFileSync(join(CORPUS, file), 'utf8');
    let text = original;
    let doc = parseSpec(text);
    for (let i = 0; i < EDITS; i++) {
      // Chains of 8: an unclosed macro from one edit would otherwise make every later one re-parse to the end.
      if (i % 8 === 0 && i > 0) {
        text = original;
        doc = parseSpec(text);
      }
      const next = edit(text, r);
      const inc = reparseSpec(doc, next);
      const expected = parseSpec(next);
      try {
        assert.deepEqual(plain(inc), plain(expected));
      } catch (e) {
        const { start, oldEnd, newEnd } = changedRange(text, next);
        assert.fail(`${file}, edit ${i} (seed ${SEED}): [${start}, ${oldEnd}) -> ${JSON.stringify(next.slice(start, newEnd)).slice(0, 200)}\n${e instanceof Error ? e.message.slice(0, 3000) : e}`);
      }
      text = next;
      doc = inc;
    }
  }
  const spliced = reparseStats.spliced - before.spliced;
  const toEnd = reparseStats.toEnd - before.toEnd;
  const fullParses = reparseStats.full - before.full;
  // Most edits must take the incremental path and many lines must not be parsed again (else this test would
  // prove little about it). These edits are hostile: an unbalanced %if or an unclosed %{ makes the rest of
  // the chain parse to the end.
  const share = (reparseStats.reparsedLines - before.reparsedLines) / (reparseStats.lines - before.lines);
  const counts = `spliced ${spliced}, to the end ${toEnd}, full ${fullParses}, share of lines parsed again ${share.toFixed(2)}`;
  assert.ok(spliced > picked.length * EDITS * 0.2, counts);
  assert.ok(spliced + toEnd > picked.length * EDITS * 0.6, counts);
  assert.ok(share < 0.6, counts);
  if (process.env.INCREMENTAL_VERBOSE) console.log(counts);
});

test('CR and CRLF line ends: edits that make, split and join line ends give the tree of a full parse', () => {
  const base = ['Name: a', 'Version: 1', '%description', 'A.', '%package b', 'Summary: b', '%description b', 'B.', '%files', '/x', '%files b', '/y', ''];
  const crlf = base.join('\r\n');
  const cases: Array<[string, string, string]> = [
    // [what, old text, new text]
    ['a keystroke in a CRLF text', crlf, crlf.replace('/y', '/yz')],
    ['a CRLF line inserted', crlf, crlf.replace('/x\r\n', '/x\r\n%{_bindir}/z\r\n')],
    ['text between CR and LF splits the line end', crlf, crlf.replace('/x\r\n', '/x\rq\n')],
    ['the LF of a CRLF deleted', crlf, crlf.replace('/x\r\n', '/x\r')],
    ['an LF typed after a lone CR joins them', base.join('\r'), base.join('\r').replace('\r/y', '\r\n/y')],
    ['a CR typed before an LF joins them', base.join('\n'), base.join('\n').replace('/x\n', '/x\r\n')],
    ['an LF text gets a CR line', base.join('\n'), base.join('\n').replace('/x\n', '/x\n/w\r')],
  ];
  for (const [what, text, next] of cases) {
    const before = { ...reparseStats };
    const doc = reparseSpec(parseSpec(text), next);
    assert.deepEqual(plain(doc), plain(parseSpec(next)), what);
    assert.ok(doc.lines.every((l) => !next.slice(l.start, l.end).includes('\r') && !next.slice(l.start, l.end).includes('\n')), `${what}: lines hold no line end`);
    if (what.startsWith('a keystroke') || what.startsWith('a CRLF')) {
      assert.equal(reparseStats.full, before.full, `${what}: re-parsed incrementally`);
    }
  }
});

test('differential: chains of random edits over corpus specs with CRLF and CR line ends', { timeout: 600000 }, () => {
  assert.ok(existsSync(CORPUS), `spec corpus not found at ${CORPUS} (set CORPUS_DIR to the folder holding specs/)`);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.spec') && statSync(join(CORPUS, f)).size < 80000).sort();
  const r = rng(SEED + 2);
  const before = { ...reparseStats };
  let edits = 0;
  for (let k = 0; k < 8; k++) {
    const file = files[r(files.length)];
    const lf = readFileSync(join(CORPUS, file), 'utf8');
    const original = k % 3 === 2 ? lf.replace(/\n/g, '\r') : lf.replace(/\n/g, '\r\n');
    let text = original;
    let doc = parseSpec(text);
    for (let i = 0; i < EDITS; i++, edits++) {
      if (i % 8 === 0 && i > 0) {
        text = original;
        doc = parseSpec(text);
      }
      // The usual edits (with LF line ends), or a line end of each kind typed or deleted anywhere.
      const at = r(text.length + 1);
      const next = r(3) ? edit(text, r) : r(2) ? text.slice(0, at) + ['\r', '\n', '\r\n'][r(3)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      const inc = reparseSpec(doc, next);
      try {
        assert.deepEqual(plain(inc), plain(parseSpec(next)));
      } catch (e) {
        const { start, oldEnd, newEnd } = changedRange(text, next);
        assert.fail(`${file}, edit ${i} (seed ${SEED}): [${start}, ${oldEnd}) -> ${JSON.stringify(next.slice(start, newEnd)).slice(0, 200)}\n${e instanceof Error ? e.message.slice(0, 3000) : e}`);
      }
      text = next;
      doc = inc;
    }
  }
  const incremental = reparseStats.spliced - before.spliced + reparseStats.toEnd - before.toEnd;
  assert.ok(incremental > edits * 0.5, `incremental ${incremental} of ${edits}`);
});

test('typing: single-character edits anywhere re-parse a small share of the lines', { timeout: 600000 }, () => {
  assert.ok(existsSync(CORPUS), `spec corpus not found at ${CORPUS}`);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.spec')).sort();
  const r = rng(SEED + 1);
  const before = { ...reparseStats };
  let edits = 0;
  for (let k = 0; k < 30; k++) {
    const file = files[r(files.length)];
    let text = readFileSync(join(CORPUS, file), 'utf8');
    let doc = parseSpec(text);
    for (let i = 0; i < 8; i++, edits++) {
      const at = r(text.length);
      const next = r(2) ? text.slice(0, at) + 'abc'.charAt(r(3)) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      doc = reparseSpec(doc, next);
      // Every fourth edit is compared with a full parse (the largest corpus files are here too).
      if (i % 4 === 3) assert.deepEqual(plain(doc), plain(parseSpec(next)), `${file}, typing edit ${i}`);
      text = next;
    }
  }
  const spliced = reparseStats.spliced - before.spliced;
  const share = (reparseStats.reparsedLines - before.reparsedLines) / (reparseStats.lines - before.lines);
  const counts = `spliced ${spliced} of ${edits}, share of lines parsed again ${share.toFixed(3)}`;
  if (process.env.INCREMENTAL_VERBOSE) console.log(counts);
  assert.ok(spliced >= edits * 0.7, counts);
  assert.ok(share < 0.25, counts);
});
