// Mutation fuzzing over real corpus files: random deletions, duplications, truncations and byte garbage.
// Every feature of the language service must not throw, must answer within 1 s per file, and must return
// ranges inside the document; a mutated spec analysed as the next version of the original (incremental)
// gets the findings a fresh analysis gets. FUZZ_COUNT (default 60) and FUZZ_SEED control the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';
import type { Span } from '../../server/src/common/findings';
import { context, memoryHost } from './service/memoryHost';
import { CORPUS_ROOT } from '../corpus';

const CORPUS = CORPUS_ROOT;
const COUNT = Number(process.env.FUZZ_COUNT ?? 60);
let seed = Number(process.env.FUZZ_SEED ?? 20261124);
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % Math.max(1, n);
};

const GARBAGE = ['\u0000', '\uFFFD', '\r', '\r\n', '\t', '%', '%{', '%(', '}', '<', '>', '"', '&', '<!DOCTYPE x [<!ENTITY a "b">]>', '%if', '%endif', '\\', '\uFEFF', '😀', '\u00e9'];

function mutate(text: string): string {
  let t = text;
  const n = 1 + rnd(6);
  for (let i = 0; i < n; i++) {
    const at = rnd(t.length + 1);
    switch (rnd(5)) {
      case 0: t = t.slice(0, at) + t.slice(at + rnd(400)); break; // deletion
      case 1: { const len = rnd(300); t = t.slice(0, at) + t.slice(at, at + len) + t.slice(at); break; } // duplication
      case 2: t = t.slice(0, at); break; // truncation
      case 3: t = t.slice(0, at) + GARBAGE[rnd(GARBAGE.length)] + t.slice(at); break;
      default: t = t.slice(0, at) + String.fromCharCode(rnd(0x3000)) + t.slice(at + 1); // byte garbage
    }
  }
  return t;
}

function inside(span: Span, len: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= len;
}

test('mutated corpus files: no throw, bounded time, ranges inside the document', async () => {
  const specsDir = join(CORPUS, 'specs');
  const kiwiDir = join(CORPUS, 'kiwi');
  assert.ok(existsSync(specsDir) && existsSync(kiwiDir), `corpus not found at ${CORPUS} (set CORPUS_DIR)`);
  const specs = readdirSync(specsDir).filter((f) => f.endsWith('.spec')).map((f) => join(specsDir, f));
  const kiwis: string[] = [];
  for (const d of readdirSync(kiwiDir)) {
    const p = join(kiwiDir, d);
    if (!d.endsWith('.tsv') && existsSync(p) && !d.includes('comps')) for (const f of readdirSync(p)) kiwis.push(join(p, f));
  }
  const service = createLanguageService();
  const ctx = context(memoryHost({}), { kiwi: { schemaValidation: false } });
  let slowest = 0;
  for (let i = 0; i < COUNT; i++) {
    const isSpec = i % 3 !== 2;
    const source = isSpec ? specs[rnd(specs.length)] : kiwis[rnd(kiwis.length)];
    let original = readFileSync(source, 'utf8');
    if (original.length > 200_000) original = original.slice(0, 200_000); // the big ones are for the benchmark
    const text = mutate(original);
    const doc = { uri: `file:///fuzz/${i}${isSpec ? '.spec' : '.kiwi'}`, languageId: isSpec ? 'rpm-spec' : 'kiwi', version: 1, text };
    const t0 = performance.now();
    try {
      const findings = await service.diagnostics(doc, ctx);
      for (const f of findings) assert.ok(inside(f.span, text.length), `${source}: finding ${f.code} out of range`);
      if (isSpec) {
        // The mutation as the next version of the original: the incremental path must find the same.
        const uri = `file:///fuzz/edited/${i}.spec`;
        await service.diagnostics({ uri, languageId: 'rpm-spec', version: 1, text: original }, ctx);
        assert.deepEqual(await service.diagnostics({ uri, languageId: 'rpm-spec', version: 2, text }, ctx), findings, 'incremental = fresh');
        service.closed(uri);
      }
      for (let k = 0; k < 3; k++) {
        const offset = rnd(text.length + 1);
        for (const c of await service.completion(doc, offset, ctx)) if (c.replace) assert.ok(inside(c.replace, text.length), 'completion range');
        const h = await service.hover(doc, offset, ctx);
        if (h?.span) assert.ok(inside(h.span, text.length), 'hover range');
        for (const l of await service.definition(doc, offset, ctx)) if (l.span) assert.ok(inside(l.span, text.length), 'definition range');
        for (const a of await service.codeActions(doc, { start: offset, end: offset }, ctx)) for (const e of a.edits) assert.ok(inside(e.span, text.length), 'edit range');
        for (const l of await service.references(doc, offset, true, ctx)) if (l.span) assert.ok(inside(l.span, text.length), 'reference range');
        for (const h of await service.highlights(doc, offset, ctx)) assert.ok(inside(h.span, text.length), 'highlight range');
        const prep = await service.prepareRename(doc, offset, ctx);
        if (prep && 'span' in prep) {
          assert.ok(inside(prep.span, text.length), 'rename range');
          const r = await service.rename(doc, offset, 'renamed_x', ctx);
          if ('edits' in r) for (const e of r.edits) assert.ok(inside(e.span, text.length), 'rename edit range');
        }
      }
      for (const l of await service.links(doc, ctx)) assert.ok(inside(l.span, text.length) && l.target.length > 0, 'link range');
      const walk = (list: ReturnType<typeof service.symbols>) => {
        for (const s of list) {
          assert.ok(inside(s.span, text.length) && inside(s.selectionSpan, text.length), 'symbol range');
          if (s.children) walk(s.children);
        }
      };
      walk(service.symbols(doc, ctx));
      for (const f of service.folding(doc, ctx)) assert.ok(f.start <= f.end && f.end <= text.length, 'fold range');
    } catch (e) {
      assert.fail(`mutation ${i} of ${source} (seed ${process.env.FUZZ_SEED ?? 20261124}): ${e instanceof Error ? e.stack : String(e)}`);
    }
    const ms = performance.now() - t0;
    slowest = Math.max(slowest, ms);
    assert.ok(ms < 1000, `${source} mutation ${i} took ${ms.toFixed(0)} ms`);
  }
  assert.ok(slowest > 0);
});
