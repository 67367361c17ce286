/**
 * Schema-driven editor help for KIWI descriptions: child elements and attributes allowed for an element
 * (from every declaration of that name), enumerated attribute values, and `a:documentation` text.
 */
import type { KiwiFile } from '../model';
import { nodeAt } from '../xml';
import { ncNames, type Grammar, type Pattern } from './rng';

export interface SchemaItem {
  label: string;
  kind: 'element' | 'attribute' | 'value';
  doc?: string;
  /** Replace this range of the document. */
  start: number;
  end: number;
  /** Text to insert (snippet syntax when `snippet`). */
  insert?: string;
  snippet?: boolean;
}

interface ElementInfo {
  children: Set<string>;
  attributes: Map<string, { values: Set<string>; doc?: string }>;
}

const infoCache = new WeakMap<Grammar, Map<string, ElementInfo>>();

function deref(g: Grammar, p: Pattern): Pattern | undefined {
  let q = p;
  for (let i = 0; q.t === 'ref' && i < 64; i++) q = g.defines.get(q.name) ?? g.factory.notAllowed;
  return q.t === 'ref' ? undefined : q;
}

/** Per element name: the union of what its declarations allow. */
function elementInfo(g: Grammar): Map<string, ElementInfo> {
  let map = infoCache.get(g);
  if (map) return map;
  map = new Map();
  const seenElements = new Set<number>();
  const visitElement = (el: Pattern & { t: 'element' }) => {
    if (seenElements.has(el.id)) return;
    seenElements.add(el.id);
    const content = g.defines.get(el.ref);
    for (const name of ncNames(el.nc)) {
      const info = map!.get(name) ?? { children: new Set(), attributes: new Map() };
      map!.set(name, info);
      if (content) collect(content, info, new Set());
    }
    if (content) findElements(content, new Set());
  };
  const collect = (p: Pattern, info: ElementInfo, seen: Set<number>) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    const q = p.t === 'ref' ? deref(g, p) : p;
    if (!q) return;
    switch (q.t) {
      case 'choice': case 'group': case 'interleave': collect(q.a, info, seen); collect(q.b, info, seen); break;
      case 'oneOrMore': collect(q.p, info, seen); break;
      case 'element': for (const n of ncNames(q.nc)) info.children.add(n); break;
      case 'attribute':
        for (const n of ncNames(q.nc)) {
          const a = info.attributes.get(n) ?? { values: new Set<string>(), doc: q.doc };
          values(q.p, a.values, new Set());
          info.attributes.set(n, a);
        }
        break;
    }
  };
  const values = (p: Pattern, out: Set<string>, seen: Set<number>) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    const q = p.t === 'ref' ? deref(g, p) : p;
    if (!q) return;
    if (q.t === 'value') out.add(q.value.trim());
    else if (q.t === 'choice' || q.t === 'group') { values(q.a, out, seen); values(q.b, out, seen); }
  };
  const findElements = (p: Pattern, seen: Set<number>) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    const q = p.t === 'ref' ? deref(g, p) : p;
    if (!q) return;
    switch (q.t) {
      case 'choice': case 'group': case 'interleave': case 'after': findElements(q.a, seen); findElements(q.b, seen); break;
      case 'oneOrMore': findElements(q.p, seen); break;
      case 'element': visitElement(q); break;
    }
  };
  findElements(g.start, new Set());
  infoCache.set(g, map);
  return map;
}

function attributeDoc(g: Grammar, element: string, attribute: string): string | undefined {
  const direct = g.docs.get(`${element}@${attribute}`);
  if (direct) return direct;
  for (const [k, v] of g.docs) if (k.endsWith(`@${attribute}`)) return v;
  return elementInfo(g).get(element)?.attributes.get(attribute)?.doc;
}

/** Completion items at `offset`: element names after `<`, attribute names in a start tag, enumerated values in quotes. */
export function schemaCompletions(g: Grammar, file: KiwiFile, offset: number): SchemaItem[] {
  const text = file.text;
  const info = elementInfo(g);
  const lt = text.lastIndexOf('<', offset - 1);
  const gt = text.lastIndexOf('>', offset - 1);
  if (lt < 0 || gt > lt) return [];
  const tag = text.slice(lt + 1, offset);
  const nameMatch = /^([A-Za-z_][\w.-]*)?$/.exec(tag);
  if (nameMatch) {
    // Element name: children allowed in the enclosing element.
    let parent = nodeAt(file.root, lt);
    if (parent && parent.span.start === lt) parent = parent.parent;
    const names = parent ? [...(info.get(parent.name)?.children ?? [])] : ['image'];
    return names.sort().map((n) => ({ label: n, kind: 'element', doc: g.docs.get(n), start: lt + 1, end: offset, insert: n }));
  }
  const el = /^([A-Za-z_][\w.-]*)\s/.exec(tag)?.[1];
  if (!el) return [];
  const elInfo = info.get(el);
  if (!elInfo) return [];
  // Inside an attribute value?
  const quotes = (tag.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) {
    const m = /([\w.:-]+)\s*=\s*"([^"]*)$/.exec(tag);
    if (!m) return [];
    const vals = elInfo.attributes.get(m[1])?.values ?? new Set<string>();
    return [...vals].sort().map((v) => ({ label: v, kind: 'value', start: offset - m[2].length, end: offset, insert: v }));
  }
  if (!/\s$/.test(tag) && !/\s[\w.:-]+$/.test(tag)) return [];
  const typed = /([\w.:-]*)$/.exec(tag)![1];
  const present = new Set([...tag.matchAll(/([\w.:-]+)\s*=/g)].map((m) => m[1]));
  return [...elInfo.attributes.keys()].filter((a) => !present.has(a)).sort().map((a) => ({
    label: a, kind: 'attribute', doc: attributeDoc(g, el, a), start: offset - typed.length, end: offset, insert: `${a}="$1"`, snippet: true,
  }));
}

/** Documentation for the element or attribute name at `offset`. */
export function schemaDocumentation(g: Grammar, file: KiwiFile, offset: number): { markdown: string; start: number; end: number } | undefined {
  const node = nodeAt(file.root, offset);
  if (!node) return undefined;
  if (node.nameSpan.start <= offset && offset <= node.nameSpan.end) {
    const doc = g.docs.get(node.name);
    return doc ? { markdown: `**<${node.name}>** — ${doc}`, start: node.nameSpan.start, end: node.nameSpan.end } : undefined;
  }
  const a = node.attrs.find((x) => x.nameSpan.start <= offset && offset <= x.nameSpan.end);
  if (a) {
    const doc = attributeDoc(g, node.name, a.name);
    const vals = [...(elementInfo(g).get(node.name)?.attributes.get(a.name)?.values ?? [])];
    const values = vals.length ? `\n\nValues: ${vals.sort().map((v) => `\`${v}\``).join(', ')}` : '';
    return doc || values ? { markdown: `**${a.name}** (on <${node.name}>)${doc ? ` — ${doc}` : ''}${values}`, start: a.nameSpan.start, end: a.nameSpan.end } : undefined;
  }
  return undefined;
}
