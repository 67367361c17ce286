/**
 * rpm's expression language (rpmio/expression.c), as used by `%if`, `%elif` and `%[…]`, evaluated on
 * already macro-expanded text: integers, "strings", v"versions", `! - * / + - < > <= >= == != && ||`,
 * `?:` and parentheses. Anything rpm would reject, or that still contains a `%`, is "unknown".
 */
import { rpmvercmp } from './vercmp';
import { keepShape } from '../common/keepShape';

export type ExprValue =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'version'; value: string }
  | { kind: 'unknown'; reason: string };

class Unknown extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ver'; v: string } | { t: 'op'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let e = i;
      while (e < s.length && /[0-9]/.test(s[e])) e++;
      if (e < s.length && /[A-Za-z_.]/.test(s[e])) throw new Unknown(`bad number near '${s.slice(i, e + 1)}'`);
      out.push({ t: 'num', v: Number(s.slice(i, e)) });
      i = e;
      continue;
    }
    if (c === '"' || (c === 'v' && s[i + 1] === '"')) {
      const start = c === 'v' ? i + 2 : i + 1;
      const end = s.indexOf('"', start);
      if (end < 0) throw new Unknown('unterminated string');
      out.push(c === 'v' ? { t: 'ver', v: s.slice(start, end) } : { t: 'str', v: s.slice(start, end) });
      i = end + 1;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('!<>+-*/()?:'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    throw new Unknown(`unexpected '${c}'`);
  }
  return out;
}

type V = Exclude<ExprValue, { kind: 'unknown' }>;

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): V {
    const v = this.ternary();
    if (this.i < this.toks.length) throw new Unknown('trailing tokens');
    return v;
  }

  private peek(v: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.t === 'op' && t.v === v;
  }

  private take(v: string): boolean {
    if (this.peek(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  private ternary(): V {
    const c = this.or();
    if (!this.take('?')) return c;
    const a = this.ternary();
    if (!this.take(':')) throw new Unknown("expected ':'");
    const b = this.ternary();
    return truthy(c) ? a : b;
  }

  private or(): V {
    let l = this.and();
    while (this.take('||')) {
      const r = this.and();
      l = truthy(l) ? l : r;
    }
    return l;
  }

  private and(): V {
    let l = this.cmp();
    while (this.take('&&')) {
      const r = this.cmp();
      l = truthy(l) ? r : l;
    }
    return l;
  }

  private cmp(): V {
    let l = this.add();
    for (;;) {
      const op = ['==', '!=', '<=', '>=', '<', '>'].find((o) => this.peek(o));
      if (!op) return l;
      this.i++;
      const r = this.add();
      if (l.kind !== r.kind) throw new Unknown('types must match');
      const c = l.kind === 'number' ? Math.sign((l.value as number) - (r.value as number))
        : l.kind === 'version' ? rpmvercmp(l.value as string, r.value as string)
        : (l.value as string) < (r.value as string) ? -1 : (l.value as string) > (r.value as string) ? 1 : 0;
      const res = op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      l = { kind: 'number', value: res ? 1 : 0 };
    }
  }

  private add(): V {
    let l = this.mul();
    for (;;) {
      if (this.take('+')) {
        const r = this.mul();
        if (l.kind === 'number' && r.kind === 'number') l = { kind: 'number', value: l.value + r.value };
        else if (l.kind === 'string' && r.kind === 'string') l = { kind: 'string', value: l.value + r.value };
        else throw new Unknown('types must match');
      } else if (this.take('-')) {
        const r = this.mul();
        if (l.kind !== 'number' || r.kind !== 'number') throw new Unknown('- needs numbers');
        l = { kind: 'number', value: l.value - r.value };
      } else return l;
    }
  }

  private mul(): V {
    let l = this.unary();
    for (;;) {
      const op = this.take('*') ? '*' : this.take('/') ? '/' : '';
      if (!op) return l;
      const r = this.unary();
      if (l.kind !== 'number' || r.kind !== 'number') throw new Unknown(`${op} needs numbers`);
      if (op === '/' && r.value === 0) throw new Unknown('division by zero');
      l = { kind: 'number', value: op === '*' ? l.value * r.value : Math.trunc(l.value / r.value) };
    }
  }

  private unary(): V {
    if (this.take('!')) {
      const v = this.unary();
      return { kind: 'number', value: truthy(v) ? 0 : 1 };
    }
    if (this.take('-')) {
      const v = this.unary();
      if (v.kind !== 'number') throw new Unknown('- needs a number');
      return { kind: 'number', value: -v.value };
    }
    return this.primary();
  }

  private primary(): V {
    const t = this.toks[this.i++];
    if (!t) throw new Unknown('unexpected end of expression');
    if (t.t === 'num') return { kind: 'number', value: t.v };
    if (t.t === 'str') return { kind: 'string', value: t.v };
    if (t.t === 'ver') return { kind: 'version', value: t.v };
    if (t.v === '(') {
      const v = this.ternary();
      if (!this.take(')')) throw new Unknown("expected ')'");
      return v;
    }
    throw new Unknown(`unexpected '${t.v}'`);
  }
}

function truthy(v: V): boolean {
  return v.kind === 'number' ? v.value !== 0 : v.value !== '';
}

/**
 * Evaluates an already-expanded expression. `%` left in the text (an undefined macro, shell, Lua)
 * makes the result unknown, as do syntax and type errors. Never throws.
 */
export function evaluateExpression(text: string, _expand?: (s: string) => string): ExprValue {
  if (text.includes('%')) return { kind: 'unknown', reason: 'unexpanded macro' };
  try {
    const toks = tokenize(text);
    if (toks.length === 0) return { kind: 'unknown', reason: 'empty expression' };
    return new Parser(toks).parse();
  } catch (e) {
    return { kind: 'unknown', reason: e instanceof Unknown ? e.message : 'parse error' };
  }
}

/** Truth of an `%if` condition: true, false, or undefined when it cannot be known. */
export function conditionValue(v: ExprValue): boolean | undefined {
  if (v.kind === 'unknown') return undefined;
  return truthy(v);
}

keepShape(new Parser([]));
