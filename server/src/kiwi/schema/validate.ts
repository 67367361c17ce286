/**
 * Validates our XML tree against a grammar with derivatives (Clark's algorithm), recovering after each
 * error so one mistake does not hide the rest, with jing-like messages and ranges in the user's file:
 * element names, attribute names or values, text. Bounded: memoized derivatives and an operation budget.
 */
import type { Span } from '../../common/findings';
import type { XAttr, XNode } from '../xml';
import { dataAllows, valueMatches } from './datatypes';
import { ncMatches, ncNames, type Grammar, type Pattern } from './rng';
import { keepShape } from '../../common/keepShape';
import { quoteList, sliceText, trimmedSpan } from './nodeText';

export { quoteList } from './nodeText';

export interface SchemaProblem {
  kind: 'element' | 'attribute' | 'value' | 'text' | 'missing-attribute' | 'incomplete';
  message: string;
  span: Span;
  /** The element (and attribute) concerned, for the version table. */
  element: string;
  attribute?: string;
  value?: string;
}

export interface ValidateOptions {
  /** Names of root attributes/children to ignore when the document is a fragment (no schemaversion). */
  fragment?: boolean;
  maxProblems?: number;
}

class Deriv {
  private memo = new Map<string, Pattern>();
  private nullMemo = new Map<number, boolean>();
  budget = 2_000_000;

  constructor(readonly g: Grammar) {}

  private get f() {
    return this.g.factory;
  }

  deref(p: Pattern): Pattern {
    let q = p;
    for (let i = 0; q.t === 'ref' && i < 64; i++) q = this.g.defines.get(q.name) ?? this.f.notAllowed;
    return q.t === 'ref' ? this.f.notAllowed : q;
  }

  content(p: Pattern & { t: 'element' }): Pattern {
    return this.g.defines.get(p.ref) ?? this.f.empty;
  }

  nullable(p: Pattern): boolean {
    const hit = this.nullMemo.get(p.id);
    if (hit !== undefined) return hit;
    this.nullMemo.set(p.id, false); // cycle guard
    let r: boolean;
    switch (p.t) {
      case 'empty': case 'text': r = true; break;
      case 'choice': r = this.nullable(p.a) || this.nullable(p.b); break;
      case 'group': case 'interleave': r = this.nullable(p.a) && this.nullable(p.b); break;
      case 'oneOrMore': r = this.nullable(p.p); break;
      case 'ref': r = this.nullable(this.deref(p)); break;
      default: r = false;
    }
    this.nullMemo.set(p.id, r);
    return r;
  }

  private cached(key: string, compute: () => Pattern): Pattern {
    const hit = this.memo.get(key);
    if (hit) return hit;
    if (--this.budget < 0) return this.f.notAllowed;
    const r = compute();
    this.memo.set(key, r);
    return r;
  }

  applyAfter(fn: (x: Pattern) => Pattern, p: Pattern): Pattern {
    if (p.t === 'after') return this.f.after(p.a, fn(p.b));
    if (p.t === 'choice') return this.f.choice(this.applyAfter(fn, p.a), this.applyAfter(fn, p.b));
    return this.f.notAllowed;
  }

  startTagOpen(p: Pattern, name: string): Pattern {
    return this.cached(`s${p.id}|${name}`, () => {
      const f = this.f;
      switch (p.t) {
        case 'ref': return this.startTagOpen(this.deref(p), name);
        case 'choice': return f.choice(this.startTagOpen(p.a, name), this.startTagOpen(p.b, name));
        case 'element': return ncMatches(p.nc, name) ? f.after(this.content(p), f.empty) : f.notAllowed;
        case 'interleave': return f.choice(
          this.applyAfter((x) => f.interleave(x, p.b), this.startTagOpen(p.a, name)),
          this.applyAfter((x) => f.interleave(p.a, x), this.startTagOpen(p.b, name)));
        case 'oneOrMore': return this.applyAfter((x) => f.group(x, f.choice(p, f.empty)), this.startTagOpen(p.p, name));
        case 'group': {
          const x = this.applyAfter((y) => f.group(y, p.b), this.startTagOpen(p.a, name));
          return this.nullable(p.a) ? f.choice(x, this.startTagOpen(p.b, name)) : x;
        }
        case 'after': return this.applyAfter((x) => f.after(x, p.b), this.startTagOpen(p.a, name));
        default: return f.notAllowed;
      }
    });
  }

  /** Attribute derivative; `anyValue` accepts any value (recovery after reporting a bad value). */
  att(p: Pattern, a: XAttr, anyValue = false): Pattern {
    return this.cached(`@${anyValue ? '*' : ''}${p.id}|${a.name}=${a.value ?? ''}`, () => {
      const f = this.f;
      switch (p.t) {
        case 'ref': return this.att(this.deref(p), a, anyValue);
        case 'after': return f.after(this.att(p.a, a, anyValue), p.b);
        case 'choice': return f.choice(this.att(p.a, a, anyValue), this.att(p.b, a, anyValue));
        case 'group': return f.choice(f.group(this.att(p.a, a, anyValue), p.b), f.group(p.a, this.att(p.b, a, anyValue)));
        case 'interleave': return f.choice(f.interleave(this.att(p.a, a, anyValue), p.b), f.interleave(p.a, this.att(p.b, a, anyValue)));
        case 'oneOrMore': return f.group(this.att(p.p, a, anyValue), f.choice(p, f.empty));
        case 'attribute': return ncMatches(p.nc, a.name) && (anyValue || this.valueMatch(p.p, a.value ?? '')) ? f.empty : f.notAllowed;
        default: return f.notAllowed;
      }
    });
  }

  /** Like att() but ignoring the value: is the attribute name allowed at all here? */
  attName(p: Pattern, name: string): boolean {
    switch (p.t) {
      case 'ref': return this.attName(this.deref(p), name);
      case 'after': return this.attName(p.a, name);
      case 'choice': case 'group': case 'interleave': return this.attName(p.a, name) || this.attName(p.b, name);
      case 'oneOrMore': return this.attName(p.p, name);
      case 'attribute': return ncMatches(p.nc, name);
      default: return false;
    }
  }

  valueMatch(p: Pattern, s: string): boolean {
    return (this.nullable(p) && s.trim() === '') || this.nullable(this.text(p, s));
  }

  /** Text derivative; `anyValue` lets value/data patterns accept anything (recovery after a report). */
  text(p: Pattern, s: string, anyValue = false): Pattern {
    return this.cached(`t${anyValue ? '*' : ''}${p.id}|${s}`, () => {
      const f = this.f;
      switch (p.t) {
        case 'ref': return this.text(this.deref(p), s, anyValue);
        case 'choice': return f.choice(this.text(p.a, s, anyValue), this.text(p.b, s, anyValue));
        case 'interleave': return f.choice(f.interleave(this.text(p.a, s, anyValue), p.b), f.interleave(p.a, this.text(p.b, s, anyValue)));
        case 'group': {
          const x = f.group(this.text(p.a, s, anyValue), p.b);
          return this.nullable(p.a) ? f.choice(x, this.text(p.b, s, anyValue)) : x;
        }
        case 'after': return f.after(this.text(p.a, s, anyValue), p.b);
        case 'oneOrMore': return f.group(this.text(p.p, s, anyValue), f.choice(p, f.empty));
        case 'text': return p;
        case 'value': return anyValue || valueMatches(p.type, p.value, s) ? f.empty : f.notAllowed;
        case 'data': return anyValue || (dataAllows(p.type, p.params, s) && !(p.except && this.nullable(this.text(p.except, s)))) ? f.empty : f.notAllowed;
        case 'list': {
          let q = p.p;
          for (const tok of s.split(/\s+/).filter(Boolean)) q = this.text(q, tok);
          return this.nullable(q) ? f.empty : f.notAllowed;
        }
        default: return f.notAllowed;
      }
    });
  }

  startTagClose(p: Pattern, lenient: boolean): Pattern {
    return this.cached(`c${lenient ? 'l' : ''}${p.id}`, () => {
      const f = this.f;
      switch (p.t) {
        case 'ref': return this.startTagClose(this.deref(p), lenient);
        case 'after': return f.after(this.startTagClose(p.a, lenient), p.b);
        case 'choice': return f.choice(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        case 'group': return f.group(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        case 'interleave': return f.interleave(this.startTagClose(p.a, lenient), this.startTagClose(p.b, lenient));
        case 'oneOrMore': return f.oneOrMore(this.startTagClose(p.p, lenient));
        case 'attribute': return lenient ? f.empty : f.notAllowed;
        default: return p;
      }
    });
  }

  endTag(p: Pattern, lenient: boolean): Pattern {
    const f = this.f;
    switch (p.t) {
      case 'after': return lenient || this.nullable(p.a) ? p.b : f.notAllowed;
      case 'choice': return f.choice(this.endTag(p.a, lenient), this.endTag(p.b, lenient));
      default: return f.notAllowed;
    }
  }

  private decls?: Map<string, Pattern>;

  /** A choice of every element pattern with this name in the grammar. */
  declarations(name: string): Pattern | undefined {
    if (!this.decls) {
      this.decls = new Map();
      const visit = (q: Pattern, seen: Set<number>) => {
        if (seen.has(q.id)) return;
        seen.add(q.id);
        switch (q.t) {
          case 'ref': visit(this.deref(q), seen); break;
          case 'choice': case 'group': case 'interleave': case 'after': visit(q.a, seen); visit(q.b, seen); break;
          case 'oneOrMore': case 'list': visit(q.p, seen); break;
          case 'element':
            for (const n of ncNames(q.nc)) this.decls!.set(n, this.decls!.has(n) ? this.f.choice(this.decls!.get(n)!, q) : q);
            visit(this.content(q), seen);
            break;
        }
      };
      visit(this.g.start, new Set());
    }
    return this.decls.get(name);
  }

  /** Element names that may start next, and whether the content may end here. */
  expected(p: Pattern, seen = new Set<number>()): { names: Set<string>; canEnd: boolean } {
    const names = new Set<string>();
    let canEnd = false;
    const walk = (q: Pattern, inContent: boolean) => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.t) {
        case 'ref': walk(this.deref(q), inContent); break;
        case 'after': walk(q.a, true); if (this.nullable(q.a)) canEnd = true; break;
        case 'choice': case 'interleave': walk(q.a, inContent); walk(q.b, inContent); break;
        case 'group': walk(q.a, inContent); if (this.nullable(q.a)) walk(q.b, inContent); break;
        case 'oneOrMore': walk(q.p, inContent); break;
        case 'element': for (const n of ncNames(q.nc)) names.add(n); break;
      }
    };
    walk(p, false);
    return { names, canEnd };
  }

  /** Attribute names allowed in a start-tag state, and the required ones. */
  attributes(p: Pattern): { all: Set<string>; required: Set<string> } {
    const all = new Set<string>();
    const collect = (q: Pattern, seen: Set<number>) => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.t) {
        case 'ref': collect(this.deref(q), seen); break;
        case 'after': collect(q.a, seen); break;
        case 'choice': case 'group': case 'interleave': collect(q.a, seen); collect(q.b, seen); break;
        case 'oneOrMore': collect(q.p, seen); break;
        case 'attribute': for (const n of ncNames(q.nc)) all.add(n); break;
      }
    };
    collect(p, new Set());
    const required = (q: Pattern, depth: number): Set<string> => {
      if (depth > 200) return new Set();
      switch (q.t) {
        case 'ref': return required(this.deref(q), depth + 1);
        case 'after': return required(q.a, depth + 1);
        case 'group': case 'interleave': return new Set([...required(q.a, depth + 1), ...required(q.b, depth + 1)]);
        case 'choice': { const a = required(q.a, depth + 1); const b = required(q.b, depth + 1); return new Set([...a].filter((x) => b.has(x))); }
        case 'oneOrMore': return required(q.p, depth + 1);
        case 'attribute': return new Set(ncNames(q.nc));
        default: return new Set();
      }
    };
    return { all, required: required(p, 0) };
  }

  /** What values an attribute or text may take, for messages: enumerated values or a pattern. */
  valuesOf(p: Pattern, attribute: string | undefined, seen = new Set<number>()): { values: string[]; patterns: string[] } {
    const values: string[] = [];
    const patterns: string[] = [];
    const walk = (q: Pattern, inAttr: boolean) => {
      if (seen.has(q.id)) return;
      seen.add(q.id);
      switch (q.t) {
        case 'ref': walk(this.deref(q), inAttr); break;
        case 'after': walk(q.a, inAttr); break;
        case 'choice': case 'group': case 'interleave': walk(q.a, inAttr); walk(q.b, inAttr); break;
        case 'oneOrMore': walk(q.p, inAttr); break;
        case 'attribute': if (attribute !== undefined && ncMatches(q.nc, attribute)) walk(q.p, true); break;
        case 'value': if (attribute === undefined || inAttr) values.push(q.value.trim()); break;
        case 'data': if (attribute === undefined || inAttr) { const pat = q.params.find(([k]) => k === 'pattern'); patterns.push(pat ? `a string matching the regular expression "${pat[1]}"` : `a value of type ${q.type}`); } break;
      }
    };
    walk(p, false);
    return { values: [...new Set(values)].sort(), patterns: [...new Set(patterns)] };
  }
}

/** Validates `root` against the grammar's start pattern. */
export function validateTree(g: Grammar, root: XNode | undefined, opts: ValidateOptions = {}): SchemaProblem[] {
  const d = new Deriv(g);
  const problems: SchemaProblem[] = [];
  const max = opts.maxProblems ?? 200;
  const report = (p: SchemaProblem) => { if (problems.length < max) problems.push(p); };

  const element = (p: Pattern, node: XNode, isRoot: boolean): Pattern => {
    const name = node.name;
    let s = d.startTagOpen(p, name);
    if (s.t === 'notAllowed') {
      const exp = d.expected(p);
      const names = [...exp.names].sort();
      const anywhere = g.elementNames.has(name);
      const what = [exp.canEnd ? 'the element end-tag' : '', names.length ? `element ${quoteList(names)}` : ''].filter(Boolean).join(' or ');
      report({ kind: 'element', element: name, span: node.nameSpan, message: `element "${name}" not allowed ${anywhere ? 'here' : 'anywhere'}${what ? `; expected ${what}` : ''}` });
      // Like jing, still check the element itself against its declarations elsewhere in the grammar.
      const decl = anywhere ? d.declarations(name) : undefined;
      if (decl) element(decl, node, false);
      return p;
    }
    for (const a of node.attrs) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      const next = d.att(s, a);
      if (next.t !== 'notAllowed') { s = next; continue; }
      if (d.attName(s, a.name)) {
        const { values, patterns } = d.valuesOf(s, a.name);
        const must = values.length ? `must be equal to ${quoteList(values)}` : patterns.length ? `must be ${patterns[0]}` : 'invalid';
        report({ kind: 'value', element: name, attribute: a.name, value: a.value ?? '', span: a.valueSpan ?? a.nameSpan, message: `value of attribute "${a.name}" is invalid; ${must}` });
        s = d.att(s, a, true);
      } else {
        const all = [...d.attributes(s).all].sort();
        report({ kind: 'attribute', element: name, attribute: a.name, span: a.nameSpan, message: `attribute "${a.name}" not allowed here${all.length ? `; expected attribute ${quoteList(all.slice(0, 12))}${all.length > 12 ? ` (+${all.length - 12} more)` : ''}` : ''}` });
      }
    }
    let c = d.startTagClose(s, false);
    if (c.t === 'notAllowed') {
      const present = new Set(node.attrs.map((a) => a.name));
      const missing = [...d.attributes(s).required].filter((x) => !present.has(x)).sort();
      if (!(opts.fragment && isRoot)) {
        report({ kind: 'missing-attribute', element: name, attribute: missing[0], span: node.nameSpan, message: missing.length ? `element "${name}" missing required attribute${missing.length > 1 ? 's' : ''} ${quoteList(missing, 'and')}` : `element "${name}" has invalid attributes` });
      }
      c = d.startTagClose(s, true);
    }
    // Content in document order. Without child elements the whole text is one value (also when empty,
    // as data patterns must see ""); with children, each non-blank text piece must be allowed as text.
    const invalidText = (text: string, span: Span) => {
      const { values, patterns } = d.valuesOf(c, undefined);
      const must = values.length ? `must be equal to ${quoteList(values)}` : patterns.length ? `must be ${patterns[0]}` : 'text not allowed here';
      report({ kind: 'text', element: name, value: text.trim(), span, message: `character content of element "${name}" invalid; ${must}` });
      const lenient = d.text(c, text, true);
      if (lenient.t !== 'notAllowed') c = lenient;
    };
    if (node.children.length === 0) {
      const raw = node.text;
      const spans = node.textSpans;
      let span = spans.length ? { start: spans[0].start, end: spans[spans.length - 1].end } : { start: node.openEnd, end: node.openEnd };
      if (raw.trim()) span = trimmedSpan(node) ?? span;
      const next = d.text(c, raw);
      if (raw.trim() === '') {
        // Blank content is fine where nothing is required; where a value is, it is an invalid (empty) value.
        const { values, patterns } = d.valuesOf(c, undefined);
        if (next.t === 'notAllowed' && d.endTag(c, false).t === 'notAllowed' && (values.length || patterns.length)) invalidText(raw, span);
        else c = d.g.factory.choice(c, next);
      } else if (next.t !== 'notAllowed') c = next;
      else invalidText(raw, span);
    } else {
      const items: Array<{ at: number; node?: XNode; span?: Span }> = node.children.map((ch) => ({ at: ch.span.start, node: ch }));
      for (const t of node.textSpans) items.push({ at: t.start, span: t });
      items.sort((a, b) => a.at - b.at);
      for (const it of items) {
        if (it.node) { c = element(c, it.node, false); continue; }
        const piece = sliceText(node, it.span!);
        if (piece.trim() === '') continue;
        const next = d.text(c, piece);
        if (next.t === 'notAllowed') invalidText(piece, it.span!);
        else c = next;
      }
    }
    let e = d.endTag(c, false);
    if (e.t === 'notAllowed') {
      if (!(opts.fragment && isRoot)) {
        const exp = d.expected(c);
        const names = [...exp.names].sort();
        report({ kind: 'incomplete', element: name, span: node.nameSpan, message: `element "${name}" incomplete${names.length ? `; expected element ${quoteList(names)}` : ''}` });
      }
      e = d.endTag(c, true);
      if (e.t === 'notAllowed') e = p;
    }
    return e;
  };

  if (root) element(d.g.start, root, true);
  if (d.budget < 0) problems.push({ kind: 'incomplete', element: root?.name ?? '', span: root?.nameSpan ?? { start: 0, end: 0 }, message: 'schema validation stopped early: the document is too complex' });
  return problems;
}

// A validation's derivative engine is short-lived (common/keepShape.ts); a grammar is only stored by it.
keepShape(new Deriv({} as Grammar));
