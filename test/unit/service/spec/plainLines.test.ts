// Lines without any of the strings the line checks look for skip the checks and share one facts object.
// That shortcut must give exactly what the checks compute: every line of every corpus spec, in its own
// section and in a few others, is run both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionKind } from '../../../../server/src/rpm/ast';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { ChangelogScan, plainChangelogLine } from '../../../../server/src/service/spec/checks/changelogScan';
import { CHANGELOG_TRIGGERS, CODE_TRIGGERS, isPlainLine, lineFacts, lineFactsOf } from '../../../../server/src/service/spec/checks/rpmlintLines';
import { SPEC_CORPUS } from '../../../corpus';

const CORPUS = SPEC_CORPUS;
const OTHER: Array<[SectionKind | undefined, string]> = [[undefined, ''], ['changelog', 'changelog'], ['build', 'build'], ['files', 'files'], ['description', 'description'], ['prep', 'prep']];

test('the plain-line shortcut gives what the line checks compute, on every corpus line', { timeout: 300000 }, () => {
  assert.ok(existsSync(CORPUS), `spec corpus not found at ${CORPUS} (set CORPUS_DIR to the folder holding specs/)`);
  let plain = 0;
  let lines = 0;
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.spec')).sort()) {
    const doc = parseSpec(readFileSync(join(CORPUS, file), 'utf8'));
    let si = -1;
    // The whole-text changelog searches answer what the line-by-line test does, for every line of the text.
    const scan = new ChangelogScan(doc.text, 0);
    for (let n = 0; n < doc.lines.length; n++) {
      while (si + 1 < doc.sections.length && doc.sections[si + 1].line <= n) si++;
      const s = si >= 0 ? doc.sections[si] : undefined;
      const l = doc.lines[n];
      const text = doc.text.slice(l.start, l.end);
      const header = s !== undefined && s.line === n;
      lines++;
      if (isPlainLine(text, s?.kind)) plain++;
      assert.equal(scan.plain(l.start, l.end), plainChangelogLine(text), `${file}:${n + 1} scanned`);
      for (const [kind, name] of [[s?.kind, s?.name ?? ''] as [SectionKind | undefined, string], ...OTHER]) {
        const fresh = { ...l, memo: undefined };
        assert.deepEqual(lineFacts(fresh, doc.text, kind, name, header), lineFactsOf(text, l.start, kind, name, header), `${file}:${n + 1} in ${kind ?? 'the preamble'}`);
      }
    }
  }
  // The shortcut is taken for a good share of real lines (file lists, changelog text).
  assert.ok(plain > lines / 5, `${plain} plain lines of ${lines}`);
});

test('a trigger anywhere in the line means the checks run', () => {
  for (const t of CHANGELOG_TRIGGERS) assert.equal(isPlainLine(`abc ${t}xyz`, 'changelog'), false, JSON.stringify(t));
  for (const t of CODE_TRIGGERS) assert.equal(isPlainLine(`abc ${t}xyz`, 'files'), false, JSON.stringify(t));
  assert.equal(isPlainLine('- Fix the build (rhbz#0), see %{name}', 'changelog'), false);
  assert.equal(isPlainLine('- Update to 1.2.3 (fixes CVE-2026-0001, rhbz#1)', 'changelog'), true);
  assert.equal(isPlainLine('%{_texdir}/texmf-dist/tex/latex/foo.sty', 'files'), true);
  assert.equal(isPlainLine('%{_texdir}/texmf-dist/tex/latex/foo.sty', 'changelog'), false);
  assert.equal(isPlainLine('/usr/lib/foo/bar.so.1', undefined), true);
});

test('the changelog scan: triggers at line ends, lines asked again or out of order', () => {
  const lines = ['- uses rpm.define', '(x) and macros', '.y = 1', '- a %macro', '- plain', '- rpm.define(a) here', '- tab\there', '- last.'];
  const text = lines.join('\n');
  const spans: Array<[number, number]> = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) spans.push([at, at + lines[i].length]);
  const expected = [true, true, true, false, true, false, false, true];
  assert.deepEqual(lines.map(plainChangelogLine), expected);
  for (const oneByOne of [0, 3, 64]) {
    const scan = new ChangelogScan(text, oneByOne);
    assert.deepEqual(spans.map(([a, b]) => scan.plain(a, b)), expected, `in order, ${oneByOne} one by one`);
    // Again, backwards, and skipping lines: the same answers.
    assert.deepEqual([...spans].reverse().map(([a, b]) => scan.plain(a, b)), [...expected].reverse(), `backwards, ${oneByOne}`);
    assert.deepEqual([5, 0, 3, 7].map((k) => scan.plain(...spans[k])), [5, 0, 3, 7].map((k) => expected[k]), `skipping, ${oneByOne}`);
  }
});
