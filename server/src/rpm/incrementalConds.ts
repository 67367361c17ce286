/**
 * Splicing the rest of a previous parse under other open `%if`s than it had (incremental.ts): whether that
 * gives the tree a full parse gives, and how the rest's conditional indices and branch paths change.
 */
import { NODE_ARRAYS, type BranchPath, type Conditional, type ParseCheckpoint, type SpecDocument } from './ast';
import type { Parser } from './parser';
import { NO_CONDS, ROOT } from './parserState';

const CONDS = NODE_ARRAYS.indexOf('conditionals');
const PROBLEMS = NODE_ARRAYS.indexOf('problems');

/**
 * Whether the `%if`s open at the old checkpoint `c` and those open now let the old rest be reused. Outside
 * any on both sides, yes. Otherwise the old ones must run to the end of the text with no `%else`/`%elif`
 * after `c` (so the rest closes or continues none of them), and when some are open now, the rest must not
 * have a stray `%endif`/`%else` that would close or continue them. That is the state while someone types a
 * new `%if` line (the rest of the file is inside it until the `%endif` is written) or deletes an `%endif`:
 * the rest is then reused with its `%if` paths rebased (`splice`), instead of parsed again to the end.
 */
export function condsFit(p: Parser, old: SpecDocument, cp: ParseCheckpoint, c: ParseCheckpoint): boolean {
  const open = p.openCount;
  if (c.conds.length === 0 && open === 0) return true;
  for (const i of c.conds) {
    // Those opened before the re-parse started were open to the end at `cp` (`openToEnd`), and the re-parse
    // may have changed them since (they are in the new tree too).
    if (i < cp.counts[CONDS]) continue;
    if (!openToEnd(old.conditionals[i], c.line)) return false;
  }
  if (open > 0) {
    for (let i = c.counts[PROBLEMS]; i < old.problems.length; i++) {
      const code = old.problems[i].code;
      if (code === 'endif-without-if' || code === 'else-without-if' || code === 'elif-without-if') return false;
    }
  }
  return true;
}

/** Whether `%if` `x` of a parse runs to the end of its text with no `%else`/`%elif` from line `line` on. */
export function openToEnd(x: Conditional, line: number): boolean {
  return !x.endifSpan && x.branches[x.branches.length - 1].line < line;
}

/** The branch of `x` that was open at `line` before a re-parse from `cp` could add branches after it. */
function branchAt(x: Conditional, line: number): number {
  let k = x.branches.length - 1;
  while (k > 0 && x.branches[k].line >= line) k--;
  return k;
}

/** How the rest's `%if` references change when it is spliced under other open `%if`s (see `condsFit`). */
export interface Rebase {
  /** Conditional indices in the rest move by this much. */
  shift: number;
  /** The new parent of the rest's outermost `%if`s. */
  innermost: number;
  /** Some `%if` was open at the checkpoint or is open now. */
  open: boolean;
  path(b: BranchPath): BranchPath;
  conds(c: readonly number[]): readonly number[];
}

/**
 * The rebase for splicing the old rest at checkpoint `c` after the new parse's state: undefined when
 * nothing changes (no `%if` open on either side and as many conditionals before the rest).
 */
export function conditionalRebase(p: Parser, old: SpecDocument, cp: ParseCheckpoint, c: ParseCheckpoint): Rebase | undefined {
  const shift = p.doc.conditionals.length - c.counts[CONDS];
  const depth = c.conds.length;
  const open = depth > 0 || p.openCount > 0;
  if (!open && shift === 0) return undefined;
  const now = p.openConds();
  const prefix = p.branchPath.steps;
  // The rest sits in the last branch of each %if open at `c` (no branch follows it there).
  const same = shift === 0 && depth === prefix.length && c.conds.every((i, k) => prefix[k][0] === i && prefix[k][1] === (i < cp.counts[CONDS] ? branchAt(old.conditionals[i], cp.line) : old.conditionals[i].branches.length - 1));
  if (same) return { shift, innermost: now.length ? now[now.length - 1] : -1, open, path: (b) => b, conds: (x) => x };
  const paths = new Map<BranchPath, BranchPath>();
  return {
    shift,
    innermost: now.length ? now[now.length - 1] : -1,
    open,
    path(b) {
      let r = paths.get(b);
      if (!r) {
        const steps = [...prefix, ...b.steps.slice(depth).map(([i, k]) => [i + shift, k] as const)];
        r = steps.length ? { steps } : ROOT;
        paths.set(b, r);
      }
      return r;
    },
    conds: (x) => (x.length === depth && now.length === 0 ? NO_CONDS : [...now, ...x.slice(depth).map((i) => i + shift)]),
  };
}
