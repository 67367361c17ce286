// Benchmark: our full analysis (parse + all diagnostics) against `rpmspec -P` and `rpmlint` on the same
// corpus files, in one run on one machine; LSP edit latency and memory on the largest spec; the CLI over
// the whole corpus against rpmspec -P over it; KIWI validation with the Fedora comps.
//
//   npm run bench                 (builds first)
//   node bench/run.mjs --quick    (fewer files and repetitions)
//
// Prints a table and writes bench/results.json. Note: rpmspec -P and rpmlint run the corpus files'
// %(...) shell and Lua code; they are run in a throw-away directory with a throw-away HOME.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.CORPUS_DIR ?? '/work/shared/corpus';
const SPECS = path.join(CORPUS, 'specs');
const KIWI = path.join(CORPUS, 'kiwi');
const QUICK = process.argv.includes('--quick');
const REPS = QUICK ? 3 : 5;
const PEER_REPS = QUICK ? 1 : 3;
const SAMPLE = QUICK ? 8 : 20;
const TMP = mkdtempSync(path.join(os.tmpdir(), 'bench-'));

if (!existsSync(SPECS)) {
  console.error(`corpus not found at ${SPECS} (set CORPUS_DIR)`);
  process.exit(2);
}
const { createLanguageService } = require(path.join(ROOT, 'out/server/src/service/index.js'));
const { normalizeSettings } = require(path.join(ROOT, 'out/server/src/service/settings.js'));
const { createNodeHost } = require(path.join(ROOT, 'out/server/src/node/host.js'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function timePeer(cmd, args) {
  const times = [];
  let status = 0;
  let firstError = '';
  for (let i = 0; i < PEER_REPS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: TMP, env: { ...process.env, HOME: TMP }, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 28 });
    times.push(ms(t0));
    status = r.status ?? -1;
    firstError = (r.stderr ?? '').split('\n').find((l) => /^error:/i.test(l)) ?? '';
  }
  return { ms: median(times), status, firstError };
}

const settings = normalizeSettings({});
const host = createNodeHost({ workspaceFolders: () => [], log: () => {} });
const service = createLanguageService();
let uriSeq = 0;

async function ours(file, text, reps = REPS) {
  const times = [];
  let findings = [];
  for (let i = 0; i < reps; i++) {
    // A fresh URI each time so no cache can answer.
    const doc = { uri: pathToFileURL(file).href + `?run=${uriSeq++}`, languageId: 'rpm-spec', version: 1, text };
    const t0 = process.hrtime.bigint();
    findings = await service.diagnostics(doc, { settings, host, trusted: false });
    times.push(ms(t0));
    service.closed(doc.uri); // as an editor closing it: the tree is not kept
  }
  return { ms: median(times), findings: findings.length };
}

// ---- 1. per-file comparison -------------------------------------------------------------------
const all = readdirSync(SPECS).filter((f) => f.endsWith('.spec')).sort();
const lines = new Map(all.map((f) => [f, readFileSync(path.join(SPECS, f), 'utf8').split('\n').length]));
const largest = [...all].sort((a, b) => lines.get(b) - lines.get(a)).slice(0, 10);
const rest = all.filter((f) => !largest.includes(f));
const step = Math.max(1, Math.floor(rest.length / SAMPLE));
const sample = rest.filter((_, i) => i % step === 0).slice(0, SAMPLE);
const rpmlintOk = has('rpmlint');
const rpmspecOk = has('rpmspec');

// A language server runs for hours: measure with the JIT warm (one unmeasured pass over the files).
for (const f of [...largest, ...sample]) await ours(path.join(SPECS, f), readFileSync(path.join(SPECS, f), 'utf8'), 1);

const perFile = [];
for (const f of [...largest, ...sample]) {
  const file = path.join(SPECS, f);
  const text = readFileSync(file, 'utf8');
  const o = await ours(file, text);
  const rs = rpmspecOk ? timePeer('rpmspec', ['-P', file]) : null;
  const rl = rpmlintOk ? timePeer('rpmlint', [file]) : null;
  perFile.push({
    file: f, lines: lines.get(f), largest: largest.includes(f), oursMs: o.ms, findings: o.findings,
    rpmspecMs: rs?.ms ?? null, rpmspecStatus: rs?.status ?? null, rpmspecError: rs?.firstError || undefined,
    rpmlintMs: rl?.ms ?? null,
  });
  process.stderr.write('.');
}
process.stderr.write('\n');

// The EL kernel spec has a stray %endif (line 794) that makes rpmspec stop early; also time rpmspec on a
// copy with that line removed so the ratio compares full processing with full processing.
const fixes = [];
const kernel = 'openela-main__kernel__SPECS__kernel.spec';
if (rpmspecOk && all.includes(kernel)) {
  const src = readFileSync(path.join(SPECS, kernel), 'utf8').split('\n');
  if (/^%endif\b/.test(src[793] ?? '')) {
    src.splice(793, 1);
    const fixed = path.join(TMP, 'kernel-fixed.spec');
    writeFileSync(fixed, src.join('\n'));
    const rs = timePeer('rpmspec', ['-P', fixed]);
    const o = await ours(fixed, src.join('\n'));
    fixes.push({ file: `${kernel} (line 794 removed)`, lines: src.length, oursMs: o.ms, rpmspecMs: rs.ms, rpmspecStatus: rs.status, rpmspecError: rs.firstError || undefined });
  }
}

// ---- 2. LSP edit latency and memory on the largest spec ----------------------------------------
/** Edits paced `gapMs` after each publication (100 ms: a fast typist; 0: a burst, back to back). */
async function lspLatency(file, measureMemory, gapMs) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
  // Started as the VS Code client starts it (with its node options).
  const { SERVER_NODE_ARGS } = require(path.join(ROOT, 'out/server/src/protocol.js'));
  const proc = spawn(process.execPath, [...SERVER_NODE_ARGS, path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (w) { waiting.delete(p.version); w(); }
  });
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  let version = 1;
  const published = (v) => new Promise((res, rej) => { waiting.set(v, res); setTimeout(() => rej(new Error(`no diagnostics for v${v}`)), 30000); });
  let p = published(1);
  let t0 = process.hrtime.bigint();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version, text } });
  await p;
  const openMs = ms(t0);
  // Editing starts a second after the file's diagnostics arrived, as when a user opens a file and then types
  // (the server warms its edit path up in that time).
  await new Promise((r) => setTimeout(r, 1000));
  const lineCount = text.split('\n').length;
  const paste = Array.from({ length: 1000 }, (_, i) => `Requires: pasted-package-${i} >= 1.0`).join('\n') + '\n';
  const kinds = { keystroke: [], lineInsert: [], paste1000: [], ifTyping: [], packageTyping: [] };
  const edits = [];
  for (let i = 0; i < (QUICK ? 10 : 40); i++) edits.push(['keystroke', { line: Math.floor(lineCount / 2), character: 0 }, 'x']);
  for (let i = 0; i < (QUICK ? 5 : 20); i++) edits.push(['lineInsert', { line: 100 + i * 50, character: 0 }, '%global bench_macro_' + i + ' 1\n']);
  for (let i = 0; i < (QUICK ? 2 : 6); i++) edits.push(['paste1000', { line: 200 + i, character: 0 }, paste]);
  // A new line with `%if 0%{?rhel}` typed into it (the editor closes the brace), and six lines further down
  // one with `%endif`: until then the rest of the file is inside the new %if.
  const typeLine = (line, pieces) => {
    edits.push(['ifTyping', { line, character: 0 }, '\n']);
    let character = 0;
    for (const piece of pieces) {
      edits.push(['ifTyping', { line, character }, piece]);
      character += piece === '{}' ? 1 : piece.length;
    }
  };
  const ifAt = Math.floor(lineCount / 3);
  typeLine(ifAt, ['%', 'i', 'f', ' ', '0', '%', '{}', '?', 'r', 'h', 'e', 'l']);
  if (!QUICK) typeLine(ifAt + 7, [...'%endif']);
  // Characters typed at the end of a `%package` line in the second half (renaming that subpackage).
  const lines = text.split('\n');
  const pkgLine = lines.findIndex((l, i) => i > lineCount / 2 && /^%package \S+$/.test(l));
  if (pkgLine > 0) {
    // Every edit before these is above that line: it has moved down by the lines they inserted.
    const moved = edits.reduce((n, [, , insert]) => n + insert.split('\n').length - 1, 0);
    for (let i = 0; i < (QUICK ? 3 : 6); i++) edits.push(['packageTyping', { line: pkgLine + moved, character: lines[pkgLine].length + i }, '-x'.charAt(i % 2)]);
  }
  const inOrder = [];
  const rssNow = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let typingPeakMb = rssNow();
  const sampler = setInterval(() => { typingPeakMb = Math.max(typingPeakMb, rssNow()); }, 10);
  for (const [kind, pos, insert] of edits) {
    if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
    version++;
    p = published(version);
    t0 = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: pos, end: pos }, text: insert }],
    });
    await p;
    kinds[kind].push(ms(t0));
    inOrder.push(ms(t0));
  }
  clearInterval(sampler);
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  typingPeakMb = Math.max(typingPeakMb, rssMb);
  // The server collects garbage after 3 s without work; V8 gives the emptied pages back to the system
  // some seconds later. Its memory once the user stops typing, after 10 s and after 30 s:
  let idleRssMb = null;
  let settledRssMb = null;
  const afterPauseMs = [];
  if (measureMemory) {
    await new Promise((r) => setTimeout(r, 10000));
    idleRssMb = rssNow();
    await new Promise((r) => setTimeout(r, 20000));
    settledRssMb = rssNow();
    // Keystrokes after pauses: each comes 4 s after the last diagnostics, after the server's idle collection
    // (which once threw the analysis' optimized code away; see server/src/common/keepShape.ts).
    for (let i = 0; i < 3; i++) {
      if (i) await new Promise((r) => setTimeout(r, 4000));
      version++;
      p = published(version);
      t0 = process.hrtime.bigint();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: Math.floor(lineCount / 3), character: 0 }, end: { line: Math.floor(lineCount / 3), character: 0 } }, text: 'y' }],
      });
      await p;
      afterPauseMs.push(ms(t0));
    }
  }
  conn.dispose();
  proc.kill();
  const all = Object.values(kinds).flat();
  return {
    file: path.basename(file), lines: lineCount, openMs,
    p50: median(all), p95: pct(all, 95),
    // The first edits after opening would run cold code without the server's warm-up.
    firstEditsMs: inOrder.slice(0, 3), steadyP95: pct(inOrder.slice(3), 95),
    byKind: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, { n: v.length, p50: median(v), p95: pct(v, 95) }])),
    gapMs, rssMb, typingPeakMb, peakRssMb: hwmMb, idleRssMb, settledRssMb, afterPauseMs, retainedMb: measureMemory ? retainedHeap(file) : null,
  };
}

/** The heap the language service keeps for one analysed document (a fresh process, after collections). */
function retainedHeap(file) {
  const script = `
    const { exposeGc } = require(${JSON.stringify(path.join(ROOT, 'out/server/src/node/idleGc.js'))});
    const { createLanguageService } = require(${JSON.stringify(path.join(ROOT, 'out/server/src/service/index.js'))});
    const { normalizeSettings } = require(${JSON.stringify(path.join(ROOT, 'out/server/src/service/settings.js'))});
    const { createNodeHost } = require(${JSON.stringify(path.join(ROOT, 'out/server/src/node/host.js'))});
    const text = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const gc = exposeGc();
    const svc = createLanguageService();
    const ctx = { settings: normalizeSettings({}), host: createNodeHost({ workspaceFolders: () => [], log: () => {} }), trusted: false };
    (async () => {
      await svc.diagnostics({ uri: 'file:///warm.spec', languageId: 'rpm-spec', version: 1, text: 'Name: x' }, ctx);
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      const found = await svc.diagnostics({ uri: 'file:///big.spec', languageId: 'rpm-spec', version: 1, text }, ctx);
      gc(); gc();
      console.log(JSON.stringify({ mb: (process.memoryUsage().heapUsed - before) / 1e6, findings: found.length, keep: typeof svc }));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (process.env.BENCH_DEBUG) console.error(r.stderr);
  try {
    return JSON.parse(r.stdout).mb;
  } catch {
    return null;
  }
}
const biggest = largest[0];
// Latency on this kind of shared machine varies by a third from run to run: three server runs, each
// figure the median of the runs' (memory from the first run). The edits come as from a fast typist,
// 100 ms after the previous edit's diagnostics; one more run sends them back to back (a burst).
const LSP_RUNS = QUICK ? 1 : 3;
const TYPING_GAP_MS = 100;
let lsp = null;
if (existsSync(path.join(ROOT, 'dist/server.js'))) {
  const runs = [];
  for (let i = 0; i < LSP_RUNS; i++) runs.push(await lspLatency(path.join(SPECS, biggest), i === 0, TYPING_GAP_MS));
  const burst = await lspLatency(path.join(SPECS, biggest), false, 0);
  const mid = (k) => median(runs.map((x) => x[k]));
  lsp = {
    ...runs[0], runs: runs.length, openMs: mid('openMs'), p50: mid('p50'), p95: mid('p95'), steadyP95: mid('steadyP95'),
    typingPeakMb: mid('typingPeakMb'), typingPeakPerRun: runs.map((x) => x.typingPeakMb),
    p95PerRun: runs.map((x) => x.p95), firstEditsMs: [0, 1, 2].map((i) => median(runs.map((x) => x.firstEditsMs[i]))),
    byKindPerRun: runs.map((x) => x.byKind),
    burst: { p50: burst.p50, p95: burst.p95, typingPeakMb: burst.typingPeakMb, byKind: burst.byKind },
  };
  delete lsp.byKind;
}

// ---- 3. CLI over the whole corpus vs rpmspec -P over it ----------------------------------------
let t0 = process.hrtime.bigint();
const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), SPECS], { encoding: 'utf8', maxBuffer: 1 << 28 });
const cliMs = ms(t0);
let rpmspecAllMs = null;
if (rpmspecOk && !QUICK) {
  t0 = process.hrtime.bigint();
  for (const f of all) spawnSync('rpmspec', ['-P', path.join(SPECS, f)], { cwd: TMP, env: { ...process.env, HOME: TMP }, timeout: 120000, stdio: 'ignore' });
  rpmspecAllMs = ms(t0);
}

// ---- 4. KIWI: largest description with the Fedora comps ----------------------------------------
let kiwi = null;
try {
  // Descriptions (not fragments) per the corpus index, XML only.
  const rowsTsv = readFileSync(path.join(KIWI, 'SOURCES.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const head = rowsTsv.shift();
  const col = (n) => head.indexOf(n);
  const descs = rowsTsv.filter((r) => r[col('kind')] === 'description').map((r) => path.join(KIWI, r[col('corpus_file')]));
  const big = descs.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const comps = readdirSync(path.join(KIWI, 'fedora-riscv__fedora-comps')).filter((n) => /^comps-f\d+\.xml\.in$/.test(n)).map((n) => path.join(KIWI, 'fedora-riscv__fedora-comps', n));
  const kSettings = normalizeSettings({ kiwi: { compsFiles: comps } });
  const kHost = createNodeHost({ workspaceFolders: () => [path.dirname(big)], log: () => {} });
  const text = readFileSync(big, 'utf8');
  const doc = (v) => ({ uri: pathToFileURL(big).href, languageId: 'kiwi', version: v, text });
  t0 = process.hrtime.bigint();
  await service.diagnostics(doc(1), { settings: kSettings, host: kHost, trusted: false });
  const firstMs = ms(t0);
  const times = [];
  for (let i = 0; i < REPS; i++) {
    t0 = process.hrtime.bigint();
    await service.diagnostics(doc(i + 2), { settings: kSettings, host: kHost, trusted: false });
    times.push(ms(t0));
  }
  kiwi = { file: path.relative(KIWI, big), bytes: statSync(big).size, comps: comps.map((c) => path.basename(c)), firstMs, warmMs: median(times) };
} catch (e) {
  kiwi = { error: String(e) };
}

// ---- report ------------------------------------------------------------------------------------
const fmt = (x) => (x == null ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '-' : (a / b).toFixed(1) + '×');
const rows = [...perFile, ...fixes];
console.log('\nPer file (median ms): ours = parse + all diagnostics in-process; peers are whole processes');
console.log(['file', 'lines', 'ours', 'rpmspec -P', 'ratio', 'rpmlint', 'ratio', 'note'].join(' | '));
for (const r of rows) {
  console.log([r.file.slice(0, 60), r.lines, fmt(r.oursMs), fmt(r.rpmspecMs), ratio(r.rpmspecMs, r.oursMs), fmt(r.rpmlintMs), ratio(r.rpmlintMs, r.oursMs),
    r.rpmspecStatus ? `rpmspec exit ${r.rpmspecStatus}: ${(r.rpmspecError ?? '').slice(0, 60)}` : ''].join(' | '));
}
const med = (key) => median(perFile.map((r) => r[key]).filter((x) => x != null));
const medRatio = (key) => median(perFile.filter((r) => r[key] != null).map((r) => r[key] / r.oursMs));
console.log(`\nmedians: ours ${fmt(med('oursMs'))} ms, rpmspec -P ${fmt(med('rpmspecMs'))} ms (median ratio ${fmt(medRatio('rpmspecMs'))}×), rpmlint ${fmt(med('rpmlintMs'))} ms (median ratio ${fmt(medRatio('rpmlintMs'))}×)`);
if (lsp) {
  console.log(`\nLSP on ${lsp.file} (${lsp.lines} lines): open->diagnostics ${fmt(lsp.openMs)} ms; edit->diagnostics p50 ${fmt(lsp.p50)} ms, p95 ${fmt(lsp.p95)} ms (median of ${lsp.runs} runs: ${lsp.p95PerRun.map(fmt).join(', ')}; first three edits ${lsp.firstEditsMs.map(fmt).join(', ')} ms; p95 after them ${fmt(lsp.steadyP95)} ms); edits ${lsp.gapMs} ms apart; RSS peak while typing ${fmt(lsp.typingPeakMb)} MB (runs: ${lsp.typingPeakPerRun.map(fmt).join(', ')}), ${fmt(lsp.rssMb)} MB after the edits (process peak ${fmt(lsp.peakRssMb)} MB), ${fmt(lsp.idleRssMb)} MB after 10 s idle, ${fmt(lsp.settledRssMb)} MB after 30 s; heap kept for the document ${fmt(lsp.retainedMb)} MB`);
  console.log(`  keystrokes 4 s after the last diagnostics (after the idle collection): ${lsp.afterPauseMs.map(fmt).join(', ')} ms`);
  console.log(`  burst (edits back to back): p50 ${fmt(lsp.burst.p50)} ms, p95 ${fmt(lsp.burst.p95)} ms, RSS peak ${fmt(lsp.burst.typingPeakMb)} MB`);
  lsp.byKindPerRun.forEach((byKind, i) => {
    for (const [k, v] of Object.entries(byKind)) console.log(`  run ${i + 1} ${k}: n=${v.n} p50 ${fmt(v.p50)} ms p95 ${fmt(v.p95)} ms`);
  });
}
console.log(`\nCLI over ${all.length} corpus specs: ${fmt(cliMs)} ms; rpmspec -P over them one by one: ${rpmspecAllMs == null ? 'skipped (--quick)' : fmt(rpmspecAllMs) + ' ms'}`);
console.log(`KIWI: ${kiwi?.error ? kiwi.error : `${kiwi.file} with ${kiwi.comps.join(', ')}: first ${fmt(kiwi.firstMs)} ms (builds the comps index), then ${fmt(kiwi.warmMs)} ms`}`);

const rpmVersion = spawnSync('rpm', ['--version'], { encoding: 'utf8' }).stdout?.trim();
const rpmlintVersion = spawnSync('rpmlint', ['--version'], { encoding: 'utf8' }).stdout?.trim();
const results = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version, rpm: rpmVersion, rpmlint: rpmlintVersion },
  quick: QUICK,
  perFile: rows,
  medians: { oursMs: med('oursMs'), rpmspecMs: med('rpmspecMs'), rpmlintMs: med('rpmlintMs'), rpmspecRatio: medRatio('rpmspecMs'), rpmlintRatio: medRatio('rpmlintMs') },
  lsp,
  corpus: { files: all.length, cliMs, rpmspecAllMs, cliExit: cli.status },
  kiwi,
};
writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench/results.json');
rmSync(TMP, { recursive: true, force: true });
