/**
 * RELAX NG (XML syntax) grammars as hash-consed patterns, ready for derivative-based validation (James
 * Clark, "An algorithm for RELAX NG validation"). Supports define/ref/start (with combine), element,
 * attribute, group, interleave, choice, optional, zeroOrMore, oneOrMore, mixed, empty, text, notAllowed,
 * value, data (+params, except), list, name classes (name, anyName, nsName, choice, except), div.
 * Namespaces are ignored (KIWI uses none). Annotations (a:documentation) are kept for hover; schematron
 * rules are not evaluated. Never throws: grammar problems are listed.
 */
import { parseXml, type XNode } from '../xml';

export type NameClass =
  | { t: 'name'; name: string }
  | { t: 'any'; except?: NameClass }
  | { t: 'ns'; except?: NameClass }
  | { t: 'choice'; a: NameClass; b: NameClass };

export type Pattern =
  | { t: 'empty'; id: number }
  | { t: 'notAllowed'; id: number }
  | { t: 'text'; id: number }
  | { t: 'choice' | 'group' | 'interleave' | 'after'; id: number; a: Pattern; b: Pattern }
  | { t: 'oneOrMore' | 'list'; id: number; p: Pattern }
  | { t: 'data'; id: number; type: string; params: Array<[string, string]>; except?: Pattern }
  | { t: 'value'; id: number; type: string; value: string }
  | { t: 'attribute'; id: number; nc: NameClass; p: Pattern; doc?: string }
  | { t: 'element'; id: number; nc: NameClass; ref: string; doc?: string }
  | { t: 'ref'; id: number; name: string };

export interface Grammar {
  start: Pattern;
  /** Pattern of a define; element content is stored as a synthetic define `#elN`. */
  defines: Map<string, Pattern>;
  /** The `schemaversion` the grammar fixes (its value pattern), e.g. "7.5". */
  version?: string;
  /** Documentation per element name, and per `element@attribute`. */
  docs: Map<string, string>;
  /** Every element name the grammar knows. */
  elementNames: Set<string>;
  problems: string[];
  factory: Factory;
}

/** Builds patterns with hash-consing, so equal patterns are the same object (memoization keys). */
export class Factory {
  private next = 3;
  private table = new Map<string, Pattern>();
  readonly empty: Pattern = { t: 'empty', id: 0 };
  readonly notAllowed: Pattern = { t: 'notAllowed', id: 1 };
  readonly text: Pattern = { t: 'text', id: 2 };

  private intern<T extends Pattern>(key: string, make: (id: number) => T): Pattern {
    let p = this.table.get(key);
    if (!p) {
      p = make(this.next++);
      this.table.set(key, p);
    }
    return p;
  }

  choice(a: Pattern, b: Pattern): Pattern {
    if (a.t === 'notAllowed') return b;
    if (b.t === 'notAllowed') return a;
    if (a === b) return a;
    if (a.t === 'empty' && b.t === 'empty') return a;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    return this.intern(`c${x.id},${y.id}`, (id) => ({ t: 'choice', id, a: x, b: y }));
  }

  group(a: Pattern, b: Pattern): Pattern {
    if (a.t === 'notAllowed' || b.t === 'notAllowed') return this.notAllowed;
    if (a.t === 'empty') return b;
    if (b.t === 'empty') return a;
    return this.intern(`g${a.id},${b.id}`, (id) => ({ t: 'group', id, a, b }));
  }

  interleave(a: Pattern, b: Pattern): Pattern {
    if (a.t === 'notAllowed' || b.t === 'notAllowed') return this.notAllowed;
    if (a.t === 'empty') return b;
    if (b.t === 'empty') return a;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    return this.intern(`i${x.id},${y.id}`, (id) => ({ t: 'interleave', id, a: x, b: y }));
  }

  after(a: Pattern, b: Pattern): Pattern {
    if (a.t === 'notAllowed' || b.t === 'notAllowed') return this.notAllowed;
    return this.intern(`a${a.id},${b.id}`, (id) => ({ t: 'after', id, a, b }));
  }

  oneOrMore(p: Pattern): Pattern {
    if (p.t === 'notAllowed' || p.t === 'empty') return p;
    return this.intern(`o${p.id}`, (id) => ({ t: 'oneOrMore', id, p }));
  }

  list(p: Pattern): Pattern {
    return this.intern(`l${p.id}`, (id) => ({ t: 'list', id, p }));
  }

  data(type: string, params: Array<[string, string]>, except?: Pattern): Pattern {
    return this.intern(`d${type}|${JSON.stringify(params)}|${except?.id ?? ''}`, (id) => (except ? { t: 'data', id, type, params, except } : { t: 'data', id, type, params }));
  }

  value(type: string, value: string): Pattern {
    return this.intern(`v${type}|${value}`, (id) => ({ t: 'value', id, type, value }));
  }

  attribute(nc: NameClass, p: Pattern, doc?: string): Pattern {
    return this.intern(`@${JSON.stringify(nc)}|${p.id}`, (id) => (doc ? { t: 'attribute', id, nc, p, doc } : { t: 'attribute', id, nc, p }));
  }

  element(nc: NameClass, ref: string, doc?: string): Pattern {
    return this.intern(`e${ref}`, (id) => (doc ? { t: 'element', id, nc, ref, doc } : { t: 'element', id, nc, ref }));
  }

  ref(name: string): Pattern {
    return this.intern(`r${name}`, (id) => ({ t: 'ref', id, name }));
  }
}

const RNG_ELEMENTS = new Set(['element', 'attribute', 'group', 'interleave', 'choice', 'optional', 'zeroOrMore', 'oneOrMore', 'list', 'mixed', 'ref', 'parentRef', 'empty', 'text', 'value', 'data', 'notAllowed', 'externalRef', 'grammar', 'div', 'define', 'start', 'include', 'name', 'anyName', 'nsName', 'except', 'param']);

/** Local name of an element written with a prefix (`rng:element`) or without. */
const local = (n: XNode) => n.name.replace(/^.*:/, '');
const isRng = (n: XNode) => !n.name.includes(':') || n.name.startsWith('rng:');
const attr = (n: XNode, name: string) => n.attrs.find((a) => a.name === name)?.value ?? undefined;
const docOf = (n: XNode) => n.children.filter((c) => c.name === 'a:documentation').map((c) => c.text.replace(/\s+/g, ' ').trim()).join(' ') || undefined;

export function parseGrammar(rngText: string): Grammar {
  const f = new Factory();
  const problems: string[] = [];
  const xml = parseXml(rngText);
  for (const p of xml.problems) problems.push(p.message);
  const defines = new Map<string, Pattern>();
  const docs = new Map<string, string>();
  const elementNames = new Set<string>();
  let version: string | undefined;
  let elementCount = 0;
  const combined = new Map<string, { combine?: string; patterns: Pattern[] }>();
  let start: Pattern = f.notAllowed;

  const nameClass = (n: XNode): NameClass => {
    switch (local(n)) {
      case 'name': return { t: 'name', name: n.text.trim().replace(/^.*:/, '') };
      case 'anyName': {
        const ex = n.children.find((c) => local(c) === 'except');
        return ex ? { t: 'any', except: choiceNc(ex.children.filter(isRng)) } : { t: 'any' };
      }
      case 'nsName': {
        const ex = n.children.find((c) => local(c) === 'except');
        return ex ? { t: 'ns', except: choiceNc(ex.children.filter(isRng)) } : { t: 'ns' };
      }
      case 'choice': return choiceNc(n.children.filter(isRng));
      default:
        problems.push(`unsupported name class <${n.name}>`);
        return { t: 'any' };
    }
  };
  const choiceNc = (list: XNode[]): NameClass => list.map(nameClass).reduce((a, b) => ({ t: 'choice', a, b }));

  /** The name class of an element/attribute: its `name` attribute or first name-class child. */
  const ncOf = (n: XNode): { nc: NameClass; rest: XNode[] } => {
    const name = attr(n, 'name');
    const kids = n.children.filter((c) => isRng(c) && RNG_ELEMENTS.has(local(c)));
    if (name !== undefined) return { nc: { t: 'name', name: name.replace(/^.*:/, '') }, rest: kids };
    return { nc: nameClass(kids[0]), rest: kids.slice(1) };
  };

  const groupOf = (list: XNode[], ctx: string): Pattern => {
    const ps = list.filter((c) => isRng(c) && RNG_ELEMENTS.has(local(c))).map((c) => pattern(c, ctx));
    return ps.length === 0 ? f.empty : ps.reduce((a, b) => f.group(a, b));
  };

  const pattern = (n: XNode, ctx: string): Pattern => {
    const kids = () => n.children.filter((c) => isRng(c) && RNG_ELEMENTS.has(local(c)));
    switch (local(n)) {
      case 'empty': return f.empty;
      case 'notAllowed': return f.notAllowed;
      case 'text': return f.text;
      case 'group': return groupOf(n.children, ctx);
      case 'choice': { const ps = kids().map((c) => pattern(c, ctx)); return ps.length ? ps.reduce((a, b) => f.choice(a, b)) : f.notAllowed; }
      case 'interleave': { const ps = kids().map((c) => pattern(c, ctx)); return ps.length ? ps.reduce((a, b) => f.interleave(a, b)) : f.empty; }
      case 'optional': return f.choice(groupOf(n.children, ctx), f.empty);
      case 'zeroOrMore': return f.choice(f.oneOrMore(groupOf(n.children, ctx)), f.empty);
      case 'oneOrMore': return f.oneOrMore(groupOf(n.children, ctx));
      case 'mixed': return f.interleave(groupOf(n.children, ctx), f.text);
      case 'list': return f.list(groupOf(n.children, ctx));
      case 'ref':
      case 'parentRef': return f.ref(attr(n, 'name') ?? '');
      case 'value': {
        const v = n.text;
        if (ctx === '@schemaversion') version = v.trim();
        return f.value(attr(n, 'type') ?? 'token', v);
      }
      case 'data': {
        const params = n.children.filter((c) => local(c) === 'param').map((c): [string, string] => [attr(c, 'name') ?? '', c.text]);
        const ex = n.children.find((c) => local(c) === 'except');
        return f.data(attr(n, 'type') ?? 'string', params, ex ? groupOf(ex.children, ctx) : undefined);
      }
      case 'attribute': {
        const { nc, rest } = ncOf(n);
        const name = nc.t === 'name' ? nc.name : '*';
        const body = rest.length ? rest.map((c) => pattern(c, `@${name}`)).reduce((a, b) => f.group(a, b)) : f.text;
        const doc = docOf(n);
        if (doc && nc.t === 'name') docs.set(`${ctx}@${nc.name}`, doc);
        return f.attribute(nc, body, doc);
      }
      case 'element': {
        const { nc, rest } = ncOf(n);
        const ref = `#el${elementCount++}`;
        const name = nc.t === 'name' ? nc.name : '*';
        if (nc.t === 'name') elementNames.add(nc.name);
        const doc = docOf(n);
        if (doc && nc.t === 'name' && !docs.has(nc.name)) docs.set(nc.name, doc);
        defines.set(ref, rest.length ? rest.map((c) => pattern(c, name)).reduce((a, b) => f.group(a, b)) : f.empty);
        return f.element(nc, ref, doc);
      }
      case 'externalRef':
      case 'include':
        problems.push(`<${n.name}> is not supported (ignored)`);
        return f.notAllowed;
      default:
        problems.push(`unexpected <${n.name}>`);
        return f.notAllowed;
    }
  };

  /** Which element a define's attributes belong to is only known where it is referenced; docs use `*`. */
  const walkGrammar = (g: XNode) => {
    for (const c of g.children) {
      if (!isRng(c)) continue;
      const name = local(c);
      if (name === 'div') walkGrammar(c);
      else if (name === 'start') start = groupOf(c.children, '');
      else if (name === 'define') {
        const dname = attr(c, 'name') ?? '';
        const entry = combined.get(dname) ?? { patterns: [] };
        entry.combine = attr(c, 'combine') ?? entry.combine;
        entry.patterns.push(groupOf(c.children, defineContext(c)));
        combined.set(dname, entry);
      } else if (name === 'include' || name === 'externalRef') problems.push(`<${name}> is not supported (ignored)`);
    }
  };
  /** A define that wraps a single attribute (KIWI style `k.type.image.attribute`) documents it for any element. */
  const defineContext = (d: XNode): string => {
    const m = /^k\.([A-Za-z0-9_-]+)\./.exec(attr(d, 'name') ?? '');
    return m ? m[1] : '*';
  };
  const root = xml.root;
  if (!root || local(root) !== 'grammar') problems.push('the schema root is not <grammar>');
  else walkGrammar(root);
  for (const [name, { combine, patterns }] of combined) {
    defines.set(name, patterns.reduce((a, b) => (combine === 'interleave' ? f.interleave(a, b) : f.choice(a, b))));
  }
  return { start, defines, version, docs, elementNames, problems, factory: f };
}

export function ncMatches(nc: NameClass, name: string): boolean {
  switch (nc.t) {
    case 'name': return nc.name === name;
    case 'any': return !nc.except || !ncMatches(nc.except, name);
    case 'ns': return !nc.except || !ncMatches(nc.except, name);
    case 'choice': return ncMatches(nc.a, name) || ncMatches(nc.b, name);
  }
}

export function ncNames(nc: NameClass): string[] {
  switch (nc.t) {
    case 'name': return [nc.name];
    case 'choice': return [...ncNames(nc.a), ...ncNames(nc.b)];
    default: return [];
  }
}
