/**
 * Evaluates a spec's conditionals for a target (distro profile + arch), in document order: definitions
 * in inactive branches are not applied, `%if` expressions are expanded and evaluated, `%ifarch` lists
 * are matched. Each branch is active, inactive or unknown (an expression that needs code or an
 * undefined macro). Never runs code.
 */
import type { Span, SpecDocument } from './ast';
import { expandMacros, MapMacroTable } from './expand';
import { conditionValue, evaluateExpression } from './expr';

export type BranchState = 'active' | 'inactive' | 'unknown';

export interface ConditionResult {
  /** states[conditional][branch] */
  states: BranchState[][];
  /** Sorted, merged spans of text in inactive branches. */
  inactive: Span[];
}

interface Event {
  at: number;
  order: number;
  run: () => void;
}

/**
 * `table` holds the profile's and built-in macros; the spec's definitions are layered on a child table
 * as the sweep meets them.
 */
export function evaluateConditionals(doc: SpecDocument, base: MapMacroTable | { get: MapMacroTable['get'] }, arch: string, os = 'linux'): ConditionResult {
  const table = new MapMacroTable(base);
  const states: BranchState[][] = doc.conditionals.map((c) => c.branches.map(() => 'unknown' as BranchState));
  const pathState = (steps: ReadonlyArray<readonly [number, number]>): BranchState => {
    let s: BranchState = 'active';
    for (const [c, b] of steps) {
      const st = states[c][b];
      if (st === 'inactive') return 'inactive';
      if (st === 'unknown') s = 'unknown';
    }
    return s;
  };
  const events: Event[] = [];
  let order = 0;
  const main = doc.packages[0];
  for (const t of main.tags) {
    if (['name', 'version', 'release', 'epoch'].includes(t.key)) {
      events.push({ at: t.start, order: order++, run: () => { if (pathState(t.branch.steps) !== 'inactive') table.set(t.key, t.value); } });
    }
  }
  for (const d of doc.defines) {
    events.push({
      at: d.span.start, order: order++, run: () => {
        if (pathState(d.branch.steps) === 'inactive') return;
        if (d.kind === 'undefine') table.delete(d.name);
        else table.set(d.name, d.kind === 'global' && d.params === undefined ? expandMacros(d.body, table).text : d.body, d.params);
      },
    });
  }
  for (const b of doc.bconds) {
    const on = b.kind === 'bcond_without' || (b.kind === 'bcond' && b.defaultOn === true);
    events.push({ at: b.span.start, order: order++, run: () => { if (on) table.set(`with_${b.name}`, '1'); else table.set(`without_${b.name}`, '1'); } });
  }
  for (const c of doc.conditionals) {
    c.branches.forEach((br, j) => {
      events.push({
        at: br.keywordSpan.start, order: order++, run: () => {
          const outer = pathState(c.branch.steps);
          if (outer === 'inactive') {
            states[c.index][j] = 'inactive';
            return;
          }
          const before = states[c.index].slice(0, j);
          if (before.includes('active')) {
            states[c.index][j] = 'inactive';
            return;
          }
          const own = branchValue(br.keyword, br.expr, table, arch, os);
          const allFalse = before.every((s) => s === 'inactive');
          let st: BranchState = own === false ? 'inactive' : !allFalse ? 'unknown' : own === true ? 'active' : 'unknown';
          if (st === 'active' && outer === 'unknown') st = 'unknown';
          states[c.index][j] = st;
        },
      });
    });
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of events) e.run();
  const spans: Span[] = [];
  doc.conditionals.forEach((c, i) => c.branches.forEach((b, j) => {
    if (states[i][j] === 'inactive' && b.bodySpan.end > b.bodySpan.start) spans.push(b.bodySpan);
  }));
  spans.sort((a, b) => a.start - b.start);
  const inactive: Span[] = [];
  for (const s of spans) {
    const last = inactive[inactive.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else inactive.push({ ...s });
  }
  return { states, inactive };
}

function branchValue(keyword: string, expr: string, table: MapMacroTable, arch: string, os: string): boolean | undefined {
  if (keyword === 'else') return true;
  const expanded = expandMacros(expr, table);
  if (keyword === 'if' || keyword === 'elif') {
    if (expanded.unknown) return undefined;
    return conditionValue(evaluateExpression(expanded.text));
  }
  if (expanded.unknown || expanded.text.includes('%')) return undefined;
  const items = expanded.text.split(/[\s,]+/).filter(Boolean);
  const target = keyword.includes('arch') ? arch : os;
  const hit = items.includes(target);
  return keyword === 'ifnarch' || keyword === 'ifnos' ? !hit : hit;
}

/** True when `offset` lies in an inactive branch. */
export function isInactive(result: ConditionResult, offset: number): boolean {
  const r = result.inactive;
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r[mid].end <= offset) lo = mid + 1;
    else if (r[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}
