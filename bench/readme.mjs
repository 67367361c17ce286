// Writes the latest bench/results.json into README.md between the bench markers (run after `npm run bench`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8'));
const f = (x) => (x == null ? '-' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const fixed = r.perFile.find((x) => /line 794 removed/.test(x.file));
const rows = [...r.perFile.filter((x) => x.largest).slice(0, 6), ...(fixed ? [fixed] : [])];
let t = '| spec (lines) | ours ms | `rpmspec -P` ms | `rpmlint` ms |\n| --- | --- | --- | --- |\n';
for (const x of rows) {
  const name = x.file.replace(/__/g, '/').replace(/^([^/]+\/){2}/, '').slice(0, 52);
  t += `| ${name} (${x.lines}) | ${f(x.oursMs)} | ${f(x.rpmspecMs)}${x.rpmspecStatus ? ' (fails early)' : ''} | ${f(x.rpmlintMs)} |\n`;
}
t += `\n- Median over the ${r.perFile.length} files: ours ${f(r.medians.oursMs)} ms, \`rpmspec -P\` ${f(r.medians.rpmspecMs)} ms (median ratio ${f(r.medians.rpmspecRatio)}×), \`rpmlint\` ${f(r.medians.rpmlintMs)} ms (${f(r.medians.rpmlintRatio)}×).\n`;
if (r.lsp) {
  const l = r.lsp;
  t += `- LSP on the ${l.lines}-line texlive.spec: open→diagnostics ${f(l.openMs)} ms; edit→diagnostics p50 ${f(l.p50)} ms, p95 ${f(l.p95)} ms (keystrokes, line inserts, 1,000-line pastes, a \`%if 0%{?rhel}\` line and its \`%endif\` typed a character at a time, characters typed at the end of a \`%package\` line, each ${l.gapMs ?? 0} ms after the previous edit's diagnostics, from a second after opening; medians of ${l.runs ?? 1} server runs, whose p95 were ${(l.p95PerRun ?? [l.p95]).map(f).join(', ')} ms; the first three edits: ${l.firstEditsMs.map(f).join(', ')} ms; p95 of the rest ${f(l.steadyP95)} ms)`;
  t += l.burst ? `; the same edits sent back to back: p50 ${f(l.burst.p50)} ms, p95 ${f(l.burst.p95)} ms.\n` : '.\n';
  if (l.byKindPerRun) {
    const names = { keystroke: 'keystrokes', lineInsert: 'line inserts', paste1000: '1,000-line pastes', ifTyping: '`%if`/`%endif` typed (the rest of the file is inside the new `%if` until its `%endif`)', packageTyping: 'typing at the end of a `%package` line (renaming the subpackage)' };
    t += `- p95 by kind, per server run: ${Object.keys(l.byKindPerRun[0]).map((k) => `${names[k] ?? k} ${l.byKindPerRun.map((b) => f(b[k]?.p95)).join(', ')} ms`).join('; ')}.\n`;
  }
  if (l.afterPauseMs?.length) t += `- A keystroke after a 4 s pause (after the server's idle garbage collection): ${l.afterPauseMs.map(f).join(', ')} ms.\n`;
  t += `- Server RSS with that file: at most ${f(l.typingPeakMb ?? l.peakRssMb)} MB while typing${l.burst ? ` (${f(l.burst.typingPeakMb)} MB with the edits back to back)` : ''}, ${f(l.idleRssMb)} MB after 10 s idle and ${f(l.settledRssMb)} MB after 30 s; the heap the service keeps for the document: ${f(l.retainedMb)} MB.\n`;
}
t += `- The CLI over all ${r.corpus.files} corpus specs: ${f(r.corpus.cliMs / 1000)} s; \`rpmspec -P\` over them one by one: ${r.corpus.rpmspecAllMs == null ? 'not measured (--quick)' : `${f(r.corpus.rpmspecAllMs / 1000)} s`}.\n`;
if (r.kiwi && !r.kiwi.error) t += `- KIWI: the largest corpus description with the Fedora comps: ${f(r.kiwi.warmMs)} ms per validation once the comps index exists (the first run builds it: ${f(r.kiwi.firstMs)} ms).\n`;
t += `\nMeasured on ${r.machine.cpu} (${r.machine.cores} cores), ${r.machine.os}, node ${r.machine.node}, ${r.date.slice(0, 10)}.`;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const out = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${t}\n<!-- bench:end -->`);
writeFileSync(path.join(ROOT, 'README.md'), out);
