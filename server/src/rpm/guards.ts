/**
 * Macros a conditional proves defined: in the body of `%if %{defined X}` (`%defined X`, `0%{?X}`,
 * `%{?X:1}`, `0%{?X} >= 8`, `"%{?X}" != ""`, each possibly one of several `&&` terms), and in the branches
 * after one whose condition says X is undefined (`%if %{undefined X}` … `%else`; `||` of such terms makes
 * each name defined there). rpm reads a use of X there only when X has a value: rust.spec's
 * `%if %defined llvm_compat_version` / `%define profiler …/%{llvm_compat_version}/…`.
 */
import type { Conditional, SpecDocument } from './ast';

const NAME = '([A-Za-z_]\\w*)';
const POSITIVE = [
  new RegExp(`^%\\{defined\\s+${NAME}\\}$`),
  new RegExp(`^%defined\\s+${NAME}$`),
  new RegExp(`^0?%\\{\\?${NAME}(?::[^{}]*)?\\}$`),
  new RegExp(`^"0?%\\{\\?${NAME}\\}"\\s*!=\\s*"0?"$`),
];
/** `0%{?X} OP N` true only when X is defined with a value (an undefined X gives 0). */
const COMPARED = new RegExp(`^0%\\{\\?${NAME}\\}\\s*(==|>=|>|!=)\\s*(\\d+)$`);
const NEGATIVE = [
  new RegExp(`^%\\{undefined\\s+${NAME}\\}$`),
  new RegExp(`^%undefined\\s+${NAME}$`),
  new RegExp(`^!\\s*%\\{defined\\s+${NAME}\\}$`),
  new RegExp(`^!\\s*%defined\\s+${NAME}$`),
  new RegExp(`^0?%\\{!\\?${NAME}:1\\}$`),
  new RegExp(`^!\\s*0%\\{\\?${NAME}\\}$`),
  new RegExp(`^"%\\{\\?${NAME}\\}"\\s*==\\s*""$`),
];

function strip(term: string): string {
  let t = term.trim();
  while (t.startsWith('(') && t.endsWith(')') && !t.slice(1, -1).includes('(')) t = t.slice(1, -1).trim();
  return t;
}

function positive(term: string): string | undefined {
  const t = strip(term);
  for (const re of POSITIVE) {
    const m = re.exec(t);
    if (m) return m[1];
  }
  const m = COMPARED.exec(t);
  if (!m) return undefined;
  const n = Number(m[3]);
  return (m[2] === '>' && n >= 0) || (m[2] !== '>' && m[2] !== '!=' && n >= 1) || (m[2] === '!=' && n === 0) ? m[1] : undefined;
}

function negative(term: string): string | undefined {
  const t = strip(term);
  for (const re of NEGATIVE) {
    const m = re.exec(t);
    if (m) return m[1];
  }
  return undefined;
}

/** The names defined wherever branch `b` of `c` is taken. */
export function provedDefined(c: Conditional, b: number): string[] {
  const out: string[] = [];
  const branch = c.branches[b];
  if (branch.keyword === 'if' || branch.keyword === 'elif') {
    if (!branch.expr.includes('||')) {
      for (const term of branch.expr.split('&&')) {
        const name = positive(term);
        if (name) out.push(name);
      }
    }
  }
  // Earlier branches were false: a name they required undefined is defined here.
  for (let i = 0; i < b; i++) {
    const earlier = c.branches[i];
    if (earlier.keyword !== 'if' && earlier.keyword !== 'elif') continue;
    if (earlier.expr.includes('&&')) continue;
    const names = earlier.expr.split('||').map(negative);
    if (names.every((n) => n)) out.push(...(names as string[]));
  }
  return out;
}

/** Whether an enclosing branch of `offset` proves `name` defined. */
export function guardedDefined(doc: SpecDocument, offset: number, name: string): boolean {
  const conds = doc.conditionals;
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i];
    if (c.span.start > offset) break;
    if (offset >= c.span.end) continue;
    for (let b = 0; b < c.branches.length; b++) {
      const body = c.branches[b].bodySpan;
      if (offset >= body.start && offset < body.end && provedDefined(c, b).includes(name)) return true;
    }
  }
  return false;
}
