/**
 * Optional real backends for specs: `rpmspec -P` (with the distro profile's defines) and `rpmlint`, run on
 * save, only in a trusted workspace and only when enabled — both execute the spec's %() and Lua code.
 * Their findings get ranges from their line numbers; what our own checks already report is dropped.
 */
import type { Finding } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { dirname, uriToPath } from '../paths';
import type { Context, TextDoc } from '../types';
import { profileFor } from './macroEnv';

interface Stored {
  text: string;
  findings: Finding[];
}

const results = new Map<string, Stored>();

function lineSpan(doc: SpecDocument, line1: number): { start: number; end: number } {
  const l = doc.lines[Math.max(0, Math.min(doc.lines.length - 1, line1 - 1))];
  return { start: l.start, end: l.end };
}

/** `error: line 12: Unknown tag: …` / `warning: file.spec: line 3: …` from rpmspec's stderr. */
export function parseRpmspec(stderr: string, doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  for (const raw of stderr.split('\n')) {
    const m = /^(error|warning): (?:[^:]*\.spec: )?(?:line (\d+): )?(.*)$/.exec(raw.trim());
    if (!m || /^query of specfile|can't parse/.test(m[3])) continue;
    const span = m[2] ? lineSpan(doc, Number(m[2])) : lineSpan(doc, 1);
    out.push({ code: `rpmspec-${m[1]}`, severity: m[1] === 'error' ? 'error' : 'warning', message: m[3], span, source: 'rpmspec' });
  }
  return out;
}

/** `file.spec:12: W: id details` / `file.spec: E: id details` from rpmlint's stdout. */
export function parseRpmlint(stdout: string, doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  for (const raw of stdout.split('\n')) {
    const m = /^[^:\s]+\.spec:(?:(\d+):)? ([EWI]): ([\w%.+-]+)\s*(.*)$/.exec(raw.trim());
    if (!m || m[3] === 'specfile-error') continue; // rpmspec reports those (and so do we)
    out.push({
      code: m[3], severity: m[2] === 'E' ? 'error' : m[2] === 'W' ? 'warning' : 'information',
      message: `${m[3]}${m[4] ? ` ${m[4]}` : ''}`, span: lineSpan(doc, m[1] ? Number(m[1]) : 1), source: 'rpmlint (backend)',
    });
  }
  return out;
}

/** Drops backend findings that our checks already report on the same line (same code, or any error for rpmspec errors). */
export function mergeFindings(own: Finding[], backend: Finding[], doc: SpecDocument): Finding[] {
  const lineOf = (f: Finding) => doc.lines.findIndex((l) => l.start <= f.span.start && f.span.start <= l.end);
  const ownByLine = new Map<number, Finding[]>();
  for (const f of own) {
    const l = lineOf(f);
    ownByLine.set(l, [...(ownByLine.get(l) ?? []), f]);
  }
  const extra = backend.filter((b) => {
    const same = ownByLine.get(lineOf(b)) ?? [];
    if (b.source === 'rpmspec') return !same.some((o) => o.severity === 'error' || o.severity === b.severity);
    return !same.some((o) => o.code === b.code) && !own.some((o) => o.code === b.code && b.span.start === doc.lines[0].start);
  });
  return [...own, ...extra].sort((x, y) => x.span.start - y.span.start);
}

/** Runs the enabled backends on the saved file and keeps their findings for this text. */
export async function runBackends(doc: TextDoc, tree: SpecDocument, ctx: Context): Promise<void> {
  const b = ctx.settings.spec.backends;
  const path = uriToPath(doc.uri);
  if (!path || (!b.rpmspec && !b.rpmlint)) return;
  if (!ctx.trusted) {
    ctx.host.log(`rpm backends are enabled but the workspace is not trusted: not running rpmspec/rpmlint on ${path}`);
    return;
  }
  const findings: Finding[] = [];
  const first = lineSpan(tree, 1);
  const note = (tool: string, why: string) => findings.push({ code: `${tool}-unavailable`, severity: 'information', message: why, span: first, source: tool });
  if (b.rpmspec) {
    const defines = Object.entries(profileFor(ctx.settings.spec).macros).flatMap(([k, v]) => ['-D', `${k} ${v}`]);
    const r = await ctx.host.run('rpmspec', [...defines, '-P', path], { cwd: dirname(path), timeoutMs: b.timeoutMs });
    if (r.status === 'ok') findings.push(...parseRpmspec(r.stderr, tree));
    else note('rpmspec', r.status === 'missing' ? 'rpmspec is not installed (package rpm-build on Fedora/EL, rpm on Debian): the rpmspec backend is off' : r.status === 'timeout' ? `rpmspec did not finish within ${b.timeoutMs / 1000} s` : `rpmspec failed: ${r.message}`);
  }
  if (b.rpmlint) {
    const r = await ctx.host.run('rpmlint', [path], { cwd: dirname(path), timeoutMs: b.timeoutMs });
    if (r.status === 'ok') findings.push(...parseRpmlint(r.stdout, tree));
    else note('rpmlint', r.status === 'missing' ? 'rpmlint is not installed: the rpmlint backend is off' : r.status === 'timeout' ? `rpmlint did not finish within ${b.timeoutMs / 1000} s` : `rpmlint failed: ${r.message}`);
  }
  results.set(doc.uri, { text: doc.text, findings });
}

/** Backend findings for this exact text (none once the text changed after the save). */
export function backendFindings(doc: TextDoc): Finding[] {
  const r = results.get(doc.uri);
  return r && r.text === doc.text ? r.findings : [];
}
