// The real-world corpus (../shared/corpus/specs, verdicts of `rpmspec -P` in RPMSPEC.tsv):
// - files rpm accepts get no error-severity diagnostic except the reviewed ones rpm tolerates;
// - files rpm rejects for a reason visible in the spec get an error on rpm's line;
// - every file is analysed without throwing, in well under a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { SPEC_CORPUS } from '../../../corpus';

const CORPUS = SPEC_CORPUS;
const EXPECT = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'spec', 'corpus-expectations.json');

interface Expectations {
  acceptedWithErrors: Array<{ file: string; line: number; code: string; reason: string }>;
  rejected: Array<{ file: string; rpmError: string; flagged?: { line: number; code: string }; notFlagged?: string; reason?: string }>;
}

const REASONS = new Set(['macro-package', 'newer-rpm', 'needs-sources', 'runs-code', 'rpm-crash', 'file-name']);

test('corpus: rpm-accepted specs have no unexpected errors; rpm-rejected ones are flagged on rpm\'s line', () => {
  assert.ok(existsSync(join(CORPUS, 'RPMSPEC.tsv')), `spec corpus not found at ${CORPUS} (set CORPUS_DIR to the folder holding specs/)`);
  const expectations = JSON.parse(readFileSync(EXPECT, 'utf8')) as Expectations;
  const verdicts = readFileSync(join(CORPUS, 'RPMSPEC.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.spec'));
  assert.ok(files.length >= 390, `expected the 393-file corpus, found ${files.length}`);
  // The verdicts are rpm 4.18's: checks that follow the target's rpm version judge by the same rpm (for the
  // default fedora-rawhide profile, with rpm >= 4.20, `%patchN` is an error; rpm 4.18 only warns).
  const settings = normalizeSettings({ spec: { rpmVersion: '4.18' } });
  const rejectedByFile = new Map(expectations.rejected.map((r) => [r.file, r]));
  const unexpected: string[] = [];
  const missing: string[] = [];
  let slowest = { ms: 0, file: '' };
  for (const [file, exit] of verdicts) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const t0 = performance.now();
    const found = specDiagnostics(parseSpec(text), settings);
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, file };
    const index = new LineIndex(text);
    for (const f of found) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${file}: bad span`);
    const errors = found.filter((f) => f.severity === 'error').map((f) => ({ line: index.positionAt(f.span.start).line + 1, code: f.code }));
    if (exit === '0') {
      for (const e of errors) {
        if (!expectations.acceptedWithErrors.some((x) => x.file === file && x.line === e.line && x.code === e.code)) unexpected.push(`${file}:${e.line} ${e.code}`);
      }
      continue;
    }
    const exp = rejectedByFile.get(file);
    assert.ok(exp, `${file} is rejected by rpmspec -P but not reviewed in corpus-expectations.json`);
    if (exp.flagged) {
      if (!errors.some((e) => e.line === exp.flagged!.line && e.code === exp.flagged!.code)) missing.push(`${file}:${exp.flagged.line} ${exp.flagged.code} (rpm: ${exp.rpmError})`);
    } else {
      assert.ok(REASONS.has(exp.notFlagged ?? '') && (exp.reason ?? '').length > 20, `${file}: a not-flagged file needs a reviewed reason`);
    }
  }
  for (const x of expectations.acceptedWithErrors) {
    assert.ok(x.reason.length > 20, `${x.file}: accepted-with-errors entries need a reason`);
  }
  assert.deepEqual(unexpected, [], 'errors on specs rpm accepts');
  assert.deepEqual(missing, [], 'rpm errors we should flag on their line');
  assert.ok(slowest.ms < 1000, `slowest file ${slowest.file} took ${slowest.ms.toFixed(0)} ms`);
});
