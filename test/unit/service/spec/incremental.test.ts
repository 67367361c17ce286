// Diagnostics after an edit come from an incremental re-parse and per-line/per-tag memos: they must equal,
// finding for finding and in order, what a fresh analysis of the same text gives. Random edits over corpus
// specs; INCREMENTAL_SEED controls the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reparseStats } from '../../../../server/src/rpm/incremental';
import { createLanguageService } from '../../../../server/src/service';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { memoryHost } from '../memoryHost';
import { SPEC_CORPUS } from '../../../corpus';

const CORPUS = SPEC_CORPUS;
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261129);

// No files besides the spec: a spec's %include finds nothing, as in a checkout without its macro files.
const host = memoryHost({}, { now: new Date(Date.UTC(2026, 10, 29)) });
const settings = normalizeSettings({});

const EDITS = [
  (t: string, at: number) => t.slice(0, at) + 'x' + t.slice(at),
  (t: string, at: number) => t.slice(0, at) + t.slice(at + 1),
  (t: string, at: number) => t.slice(0, at) + '\n%global x 1\n' + t.slice(at),
  (t: string, at: number) => t.slice(0, at) + '\nProvides: foo\nBuildRoot: /tmp\n# %{x}\n./configure \\\n  --prefix=/usr\n' + t.slice(at),
  (t: string, at: number) => t.slice(0, at) + '\n%build\n%{_libdir} /usr/lib64\t x  y\n%package z\nSummary: z\n' + t.slice(at),
  (t: string, at: number) => t.slice(0, at) + '\n%changelog\n* Mon Nov 23 2026 A <a@b.c> - 1-1\n- %{x}\n' + t.slice(at),
  (t: string, at: number) => t.slice(0, at) + t.slice(at + 400),
  // An %if line typed before its %endif (the rest of the file is inside it), or an %endif deleted.
  (t: string, at: number) => {
    const line = t.lastIndexOf('\n', at - 1) + 1;
    return t.slice(0, line) + '%if 0%{?rhel}\n' + t.slice(line);
  },
  (t: string, at: number) => {
    const endif = t.indexOf('\n%endif', at);
    return endif < 0 ? t : t.slice(0, endif) + t.slice(endif + 7);
  },
];

test('incremental diagnostics equal a fresh analysis after every edit', { timeout: 600000 }, async () => {
  assert.ok(existsSync(CORPUS), `spec corpus not found at ${CORPUS} (set CORPUS_DIR to the folder holding specs/)`);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.spec') && statSync(join(CORPUS, f)).size < 200000).sort();
  const service = createLanguageService();
  let s = SEED >>> 0;
  const r = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  let fresh = 0;
  for (let k = 0; k < 20; k++) {
    const file = files[r(files.length)];
    const uri = `file:///incremental/${file}`;
    // Every fourth file with CRLF line ends (the edits bring LF lines in).
    let text = readFileSync(join(CORPUS, file), 'utf8');
    if (k % 4 === 3) text = text.replace(/\n/g, '\r\n');
    for (let v = 1; v <= 12; v++) {
      if (v > 1) text = EDITS[r(EDITS.length)](text, r(text.length + 1));
      const inc = await service.diagnostics({ uri, languageId: 'rpm-spec', version: v, text }, { settings, host, trusted: false });
      // A URI the service has not seen: a full parse and no memo from earlier versions.
      const full = await service.diagnostics({ uri: `file:///fresh/${fresh++}/${file}`, languageId: 'rpm-spec', version: 1, text }, { settings, host, trusted: false });
      assert.deepEqual(inc, full, `${file}, version ${v} (seed ${SEED})`);
    }
  }
});

test('a closed document is forgotten: reopening parses from scratch', async () => {
  const service = createLanguageService();
  const uri = 'file:///incremental/closed.spec';
  const spec = (n: number) => `Name: a\nVersion: ${n}\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nA.\n%files\n/x\n`;
  const ctx = { settings, host, trusted: false };
  await service.diagnostics({ uri, languageId: 'rpm-spec', version: 1, text: spec(1) }, ctx);
  const before = reparseStats.spliced + reparseStats.toEnd + reparseStats.full;
  await service.diagnostics({ uri, languageId: 'rpm-spec', version: 2, text: spec(2) }, ctx);
  assert.equal(reparseStats.spliced + reparseStats.toEnd + reparseStats.full, before + 1, 'the second version re-parses incrementally');
  service.closed(uri);
  await service.diagnostics({ uri, languageId: 'rpm-spec', version: 1, text: spec(3) }, ctx);
  assert.equal(reparseStats.spliced + reparseStats.toEnd + reparseStats.full, before + 1, 'after closing, a fresh parse');
});

test('the warm-up runs an edit and its undo on a large spec and leaves the document as it was', async () => {
  const service = createLanguageService();
  const ctx = { settings, host, trusted: false };
  const lines = ['Name: big', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT', '%description', 'Big.'];
  for (let i = 0; i < 800; i++) lines.push(`%package p${i}`, `Summary: p${i}`, `%description p${i}`, `P ${i} uses %{undefined_macro_${i % 7}}.`);
  lines.push('%files', '/x', '');
  const text = lines.join('\n');
  const doc = { uri: 'file:///incremental/warm.spec', languageId: 'rpm-spec', version: 1, text };
  const first = await service.diagnostics(doc, ctx);
  const before = { ...reparseStats };
  assert.equal(service.warm(doc, ctx), true);
  // Four incremental parses (two edits, their undos), none from scratch.
  assert.equal(reparseStats.spliced + reparseStats.toEnd - before.spliced - before.toEnd, 4);
  assert.equal(reparseStats.full, before.full);
  assert.deepEqual(await service.diagnostics(doc, ctx), first);
  const next = { ...doc, version: 2, text: text.replace('P 400 uses', 'P 400 now uses') };
  const fresh = await createLanguageService().diagnostics({ ...next, uri: 'file:///fresh/warm.spec' }, ctx);
  assert.deepEqual(await service.diagnostics(next, ctx), fresh);
  // A small spec has nothing to warm up; a KIWI description neither.
  assert.equal(service.warm({ ...doc, uri: 'file:///incremental/small.spec', text: 'Name: a\n' }, ctx), false);
  assert.equal(service.warm({ uri: 'file:///x/config.kiwi', languageId: 'kiwi', version: 1, text: '<image/>' }, ctx), false);
  // A spec with CRLF line ends takes the same incremental path.
  const crlf = { ...doc, uri: 'file:///incremental/crlf.spec', text: text.replace(/\n/g, '\r\n') };
  await service.diagnostics(crlf, ctx);
  const beforeCrlf = { ...reparseStats };
  assert.equal(service.warm(crlf, ctx), true);
  assert.equal(reparseStats.spliced + reparseStats.toEnd - beforeCrlf.spliced - beforeCrlf.toEnd, 4);
  assert.equal(reparseStats.full, beforeCrlf.full);
});
