/**
 * An rpm macro expander that never runs code: `%(shell)`, `%{lua:…}` and file-system built-ins make the
 * result "unknown" instead of being executed. Follows rpmio/macro.c: `%%`, `%name`, `%{name}`,
 * `%{?name}`, `%{!?name:alt}`, `%{name:arg}`, `%{name args}`, parametric macros with getopt options
 * (`%1`, `%*`, `%**`, `%#`, `%0`, `%{-x}`, `%{-x*}`, `%{?-x:…}`), `%{expand:…}`, `%[expr]`, and the
 * common string built-ins. Recursion and output size are bounded; it never throws.
 */
import { evaluateExpression, type ExprValue } from './expr';
import { keepShape } from '../common/keepShape';

/** A macro definition: `params` is the getopt string of a parametric macro (`%define f(ab:) …`). */
export interface MacroDef {
  name: string;
  body: string;
  params?: string;
}

/** Where names are looked up, innermost scope first. */
export interface MacroTable {
  get(name: string): MacroDef | undefined;
}

export interface ExpandResult {
  text: string;
  /** True when something could not be known without running code (shell, Lua, files) or a limit was hit. */
  unknown: boolean;
  /** Names used without `?` that are not defined (left as written, like rpm does). */
  undefined: string[];
}

export interface ExpandOptions {
  maxDepth?: number;
  maxLength?: number;
  /**
   * Names defined where we cannot see the value (a known macro of the build root without one in our table):
   * kept as written in every form (`%x`, `%{x}`, `%{?x}`), marking the result unknown, not undefined.
   */
  opaque?: (name: string) => boolean;
}

/** A table over a plain map, with an optional parent (e.g. file definitions over a profile's). */
export class MapMacroTable implements MacroTable {
  readonly defs = new Map<string, MacroDef>();
  constructor(private readonly parent?: MacroTable) {}
  get(name: string): MacroDef | undefined {
    return this.defs.get(name) ?? this.parent?.get(name);
  }
  set(name: string, body: string, params?: string): this {
    this.defs.set(name, params === undefined ? { name, body } : { name, body, params });
    return this;
  }
  delete(name: string): void {
    this.defs.delete(name);
  }
}

const NAME_CHAR = /[A-Za-z0-9_]/;
const STRING_BUILTINS: Record<string, (arg: string) => string> = {
  lower: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  len: (s) => String(s.length),
  basename: (s) => s.replace(/\/+$/, '').replace(/^.*\//, ''),
  dirname: (s) => (s.includes('/') ? s.replace(/\/[^/]*$/, '') || '/' : '.'),
  suffix: (s) => (/\.[^./]*$/.exec(s)?.[0].slice(1) ?? ''),
  quote: (s) => s,
  shescape: (s) => `'${s.replace(/'/g, `'\\''`)}'`,
  echo: () => '',
  verbose: () => '0',
  url2path: (s) => s.replace(/^[a-z]+:\/\/[^/]*/, ''),
};
/** Built-ins whose value depends on the machine, files or code: never evaluated. */
const OPAQUE_BUILTINS = new Set(['lua', 'getenv', 'exists', 'uncompress', 'load', 'getncpus', 'warn', 'error', 'trace', 'dump', 'span', 'getconfdir', 'rpmversion']);

interface Frame {
  args: string[];
  opts: Map<string, string>;
  name: string;
}

class Expander {
  unknown = false;
  readonly undefinedNames = new Set<string>();
  private readonly maxDepth: number;
  private readonly maxLength: number;
  private readonly opaque: ((name: string) => boolean) | undefined;
  private budget = 200000;

  constructor(private readonly table: MacroTable, opts: ExpandOptions) {
    this.maxDepth = opts.maxDepth ?? 32;
    this.maxLength = opts.maxLength ?? 100000;
    this.opaque = opts.opaque;
  }

  /** Whether `name` is defined only where we cannot see it (then kept as written). */
  private hidden(name: string): boolean {
    if (!this.opaque?.(name)) return false;
    this.unknown = true;
    return true;
  }

  expand(s: string, depth: number, frame?: Frame): string {
    if (depth > this.maxDepth || --this.budget < 0) {
      this.unknown = true;
      return s;
    }
    let out = '';
    let i = 0;
    while (i < s.length) {
      const pct = s.indexOf('%', i);
      if (pct < 0) {
        out += s.slice(i);
        break;
      }
      out += s.slice(i, pct);
      i = this.one(s, pct, depth, frame, (t) => (out += t));
      if (out.length > this.maxLength) {
        this.unknown = true;
        return out.slice(0, this.maxLength);
      }
    }
    return out;
  }

  /** Expands the macro starting at `s[p] === '%'`; returns the index after it. */
  private one(s: string, p: number, depth: number, frame: Frame | undefined, emit: (t: string) => void): number {
    const c = s[p + 1];
    if (c === undefined) {
      emit('%');
      return p + 1;
    }
    if (c === '%') {
      emit('%');
      return p + 2;
    }
    if (c === '{' || c === '(' || c === '[') {
      const close = c === '{' ? '}' : c === '(' ? ')' : ']';
      const end = matching(s, p + 1, c, close);
      if (end < 0) {
        emit(s.slice(p));
        return s.length;
      }
      const inner = s.slice(p + 2, end);
      if (c === '(') {
        this.unknown = true; // shell: never executed
        emit(s.slice(p, end + 1));
      } else if (c === '[') {
        emit(exprText(evaluateExpression(this.expand(inner, depth + 1, frame), (x) => this.expand(x, depth + 1, frame)), () => (this.unknown = true)));
      } else {
        emit(this.braced(inner, s.slice(p, end + 1), depth, frame));
      }
      return end + 1;
    }
    // %name, %?name, %!?name, %1, %*, %**, %#, %-x
    let q = p + 1;
    let negate = false;
    let cond = false;
    while (s[q] === '!' || s[q] === '?') {
      if (s[q] === '!') negate = !negate;
      else cond = true;
      q++;
    }
    if (frame && !cond && (s[q] === '*' || s[q] === '#')) {
      if (s[q] === '#') {
        emit(String(frame.args.length));
        return q + 1;
      }
      if (s[q + 1] === '*') {
        emit([...optsToArgs(frame.opts), ...frame.args].join(' '));
        return q + 2;
      }
      emit(frame.args.join(' '));
      return q + 1;
    }
    let e = q;
    while (e < s.length && NAME_CHAR.test(s[e])) e++;
    const name = s.slice(q, e);
    if (!name) {
      emit(s.slice(p, Math.max(q, p + 1)));
      return Math.max(q, p + 1);
    }
    if (frame && /^\d+$/.test(name)) {
      emit(name === '0' ? frame.name : frame.args[Number(name) - 1] ?? '');
      return e;
    }
    const def = this.table.get(name);
    if (!def && this.hidden(name)) {
      emit(s.slice(p, e));
      return e;
    }
    if (cond) {
      if ((def !== undefined) !== negate) emit(def && !negate ? this.call(def, [], depth, '') : '');
      return e;
    }
    if (!def) {
      if (/^[A-Za-z_]/.test(name)) this.undefinedNames.add(name);
      emit(s.slice(p, e));
      return e;
    }
    if (def.params !== undefined) {
      // `%name args` takes the rest of the line as arguments.
      const nl = s.indexOf('\n', e);
      const lineEnd = nl < 0 ? s.length : nl;
      const rest = s.slice(e, lineEnd).trim();
      emit(this.call(def, splitArgs(this.expand(rest, depth + 1, frame)), depth, rest));
      return lineEnd;
    }
    emit(this.call(def, [], depth, ''));
    return e;
  }

  /** `%{…}` forms. `raw` is the whole `%{…}` text, returned when the macro is undefined. */
  private braced(inner: string, raw: string, depth: number, frame: Frame | undefined): string {
    let i = 0;
    let negate = false;
    let cond = false;
    while (inner[i] === '!' || inner[i] === '?') {
      if (inner[i] === '!') negate = !negate;
      else cond = true;
      i++;
    }
    // Option references inside a parametric macro: %{-x}, %{-x*}, %{?-x:…}, %{!?-x:…}
    if (inner[i] === '-' && frame) {
      const m = /^-([A-Za-z0-9])(\*)?(?::([\s\S]*))?$/.exec(inner.slice(i));
      if (m) {
        const has = frame.opts.has(m[1]);
        if (cond) return has !== negate ? (m[3] !== undefined ? this.expand(m[3], depth + 1, frame) : has ? optText(m[1], frame.opts.get(m[1])!, !!m[2]) : '') : '';
        return has ? optText(m[1], frame.opts.get(m[1])!, !!m[2]) : '';
      }
    }
    if (frame && !cond && (inner.slice(i) === '*' || inner.slice(i) === '**' || inner.slice(i) === '#')) {
      const t = inner.slice(i);
      return t === '#' ? String(frame.args.length) : t === '**' ? [...optsToArgs(frame.opts), ...frame.args].join(' ') : frame.args.join(' ');
    }
    let e = i;
    while (e < inner.length && (NAME_CHAR.test(inner[e]) || (e > i && inner[e] === '.'))) e++;
    const name = inner.slice(i, e);
    const sep = inner[e];
    const arg = sep === ':' || sep === ' ' || sep === '\t' ? inner.slice(e + 1) : undefined;
    if (!name || (sep !== undefined && arg === undefined)) {
      return raw; // not a macro reference rpm would expand
    }
    if (frame && /^\d+$/.test(name)) return name === '0' ? frame.name : frame.args[Number(name) - 1] ?? '';
    if (cond) {
      const def = this.table.get(name);
      if (!def && this.hidden(name)) return raw;
      const defined = def !== undefined;
      if (defined === negate) return '';
      if (arg !== undefined && sep === ':') return this.expand(arg, depth + 1, frame);
      return def && !negate ? this.call(def, [], depth, '') : '';
    }
    if (arg !== undefined && !this.table.get(name)) {
      // %{defined x} / %{defined:x}, %{with x} / %{with:x} (rpm defines them as parametric macros).
      if (name === 'defined' || name === 'undefined') {
        const d = this.table.get(this.expand(arg, depth + 1, frame).trim()) !== undefined;
        return (name === 'defined') === d ? '1' : '0';
      }
      if (name === 'with' || name === 'without') {
        const d = this.table.get('with_' + this.expand(arg, depth + 1, frame).trim()) !== undefined;
        return (name === 'with') === d ? '1' : '0';
      }
    }
    if (sep === ':' && !this.table.get(name)) {
      if (name === 'expand') return this.expand(this.expand(arg!, depth + 1, frame), depth + 1, frame);
      if (name === 'expr') return exprText(evaluateExpression(this.expand(arg!, depth + 1, frame), (x) => this.expand(x, depth + 1, frame)), () => (this.unknown = true));
      if (name === 'macrobody') return this.table.get(arg!.trim())?.body ?? '';
      const fn = STRING_BUILTINS[name];
      if (fn) return fn(this.expand(arg!, depth + 1, frame));
      if (OPAQUE_BUILTINS.has(name)) {
        this.unknown = true;
        return raw;
      }
    }
    const def = this.table.get(name);
    if (!def) {
      if (this.hidden(name)) return raw;
      if (!OPAQUE_BUILTINS.has(name)) this.undefinedNames.add(name);
      else this.unknown = true;
      return raw;
    }
    if (arg !== undefined) {
      const args = sep === ':' ? [this.expand(arg, depth + 1, frame)] : splitArgs(this.expand(arg, depth + 1, frame));
      return this.call(def, args, depth, arg);
    }
    return this.call(def, [], depth, '');
  }

  private call(def: MacroDef, argv: string[], depth: number, _rawArgs: string): string {
    if (def.params === undefined) return this.expand(def.body, depth + 1);
    const { opts, args } = getopt(argv, def.params);
    return this.expand(def.body, depth + 1, { args, opts, name: def.name });
  }
}

/** Index of the bracket closing the one at `open`, honouring nesting; -1 when unclosed. */
export function matching(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '%' && s[i + 1] === '%') {
      i++;
      continue;
    }
    if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i;
  }
  return -1;
}

function splitArgs(s: string): string[] {
  return s.split(/\s+/).filter((x) => x.length > 0);
}

function getopt(argv: string[], spec: string): { opts: Map<string, string>; args: string[] } {
  const opts = new Map<string, string>();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-[A-Za-z0-9]/.test(a)) break;
    for (let k = 1; k < a.length; k++) {
      const ch = a[k];
      const at = spec.indexOf(ch);
      if (at >= 0 && spec[at + 1] === ':') {
        opts.set(ch, a.slice(k + 1) || argv[++i] || '');
        break;
      }
      opts.set(ch, '');
    }
  }
  return { opts, args: argv.slice(i) };
}

function optText(flag: string, value: string, star: boolean): string {
  return star ? value : value ? `-${flag} ${value}` : `-${flag}`;
}

function optsToArgs(opts: Map<string, string>): string[] {
  return [...opts].flatMap(([k, v]) => (v ? [`-${k}`, v] : [`-${k}`]));
}

function exprText(v: ExprValue, onUnknown: () => void): string {
  if (v.kind === 'unknown') {
    onUnknown();
    return '';
  }
  return String(v.value);
}

/** Expands `text` with `table`. Never runs code and never throws. */
export function expandMacros(text: string, table: MacroTable, opts: ExpandOptions = {}): ExpandResult {
  const x = new Expander(table, opts);
  let out: string;
  try {
    out = x.expand(text, 0);
  } catch {
    return { text, unknown: true, undefined: [] };
  }
  return { text: out, unknown: x.unknown, undefined: [...x.undefinedNames] };
}

keepShape(new Expander(new MapMacroTable(), {}));
