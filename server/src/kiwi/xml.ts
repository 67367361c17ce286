/**
 * XML for KIWI: @xml-tools/parser (error-tolerant, with positions) turned into a small tree of our own
 * with half-open offset spans. A DOCTYPE is blanked out before parsing (same offsets) and entities are
 * never expanded: `&e;` stays literal text, so external entities and entity bombs do nothing.
 */
import type { XMLElement } from '@xml-tools/ast';
import type { Span } from '../common/findings';

interface XmlTools {
  parse: typeof import('@xml-tools/parser').parse;
  buildAst: typeof import('@xml-tools/ast').buildAst;
}
let tools: XmlTools | undefined;

/**
 * @xml-tools, loaded on first use: loading it (chevrotain's grammar set-up) takes about 70 ms, half of the
 * server's start, and a session with only spec files never needs it.
 */
function xmlTools(): XmlTools {
  return (tools ??= { parse: require('@xml-tools/parser').parse, buildAst: require('@xml-tools/ast').buildAst });
}

export interface XAttr {
  name: string;
  nameSpan: Span;
  /** null when the attribute has no value (`<a b>`). */
  value: string | null;
  /** The value without its quotes. */
  valueSpan?: Span;
  span: Span;
}

export interface XNode {
  name: string;
  nameSpan: Span;
  /** From `<` to the end of the closing tag (or of what was parsed). */
  span: Span;
  /** Offset just after the `>` of the start tag. */
  openEnd: number;
  selfClosing: boolean;
  attrs: XAttr[];
  children: XNode[];
  /** Character data directly inside the element (entities left as written). */
  text: string;
  textSpans: Span[];
  parent?: XNode;
}

export interface XmlProblem {
  message: string;
  span: Span;
}

export interface XmlDoc {
  root?: XNode;
  problems: XmlProblem[];
  /** The DOCTYPE declaration, which is ignored (never resolved). */
  doctype?: Span;
}

const TOKEN_NAMES: Record<string, string> = {
  CLOSE: "'>'", SLASH_CLOSE: "'/>'", EQUALS: "'='", STRING: 'a quoted value', SLASH_OPEN: "'</'", OPEN: "'<'",
  Name: 'a name', SLASH: "'/'", TEXT: 'text',
};

/** Blanks `<!DOCTYPE …[…]>` with spaces (keeping line breaks and offsets). */
function blankDoctype(text: string): { text: string; span?: Span } {
  const start = text.search(/<!DOCTYPE\b/i);
  if (start < 0) return { text };
  let i = start + 9;
  let depth = 0;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) break;
  }
  const end = Math.min(text.length, i + 1);
  const blank = text.slice(start, end).replace(/[^\n\r]/g, ' ');
  return { text: text.slice(0, start) + blank + text.slice(end), span: { start, end } };
}

function friendly(message: string): string {
  const m = /Expecting token of type --> (\w+) <-- but found --> '(.*)' <--/s.exec(message);
  if (m) return `XML syntax error: expected ${TOKEN_NAMES[m[1]] ?? m[1]} but found ${m[2] ? `'${m[2]}'` : 'the end of the file'}`;
  const u = /unexpected character: ->(.)<-/.exec(message);
  if (u) return `XML syntax error: unexpected character '${u[1]}'`;
  const e = /Expecting: one of these possible Token sequences:/.exec(message);
  if (e) return 'XML syntax error: unexpected content';
  return `XML syntax error: ${message.split('\n')[0]}`;
}

function convert(el: XMLElement, text: string, parent?: XNode): XNode {
  const open = el.syntax.openName;
  const start = el.position.startOffset;
  const end = Math.min(text.length, el.position.endOffset + 1);
  const nameSpan = open ? { start: open.startOffset, end: open.endOffset + 1 } : { start: start + 1, end: start + 1 };
  const openBody = el.syntax.openBody;
  const node: XNode = {
    // The qualified name as written (`a:documentation`); the AST keeps only the local part in `name`.
    name: open?.image ?? el.name ?? '',
    nameSpan,
    span: { start, end },
    openEnd: openBody ? openBody.endOffset + 1 : end,
    selfClosing: el.syntax.isSelfClosing === true,
    attrs: [],
    children: [],
    text: '',
    textSpans: [],
    parent,
  };
  for (const a of el.attributes) {
    const k = a.syntax.key;
    const v = a.syntax.value;
    const attr: XAttr = {
      name: a.key ?? '',
      nameSpan: k ? { start: k.startOffset, end: k.endOffset + 1 } : { start: a.position.startOffset, end: a.position.startOffset },
      value: a.value,
      span: { start: a.position.startOffset, end: a.position.endOffset + 1 },
    };
    if (v && a.value !== null) attr.valueSpan = { start: v.startOffset + 1, end: Math.max(v.startOffset + 1, v.endOffset) };
    node.attrs.push(attr);
  }
  for (const t of el.textContents) {
    if (t.text === null) continue;
    node.text += t.text;
    node.textSpans.push({ start: t.position.startOffset, end: t.position.endOffset + 1 });
  }
  node.children = el.subElements.map((c) => convert(c, text, node));
  return node;
}

/** Parses XML text; never throws. */
export function parseXml(text: string): XmlDoc {
  const { text: clean, span: doctype } = blankDoctype(text);
  const problems: XmlProblem[] = [];
  if (doctype) problems.push({ message: 'DOCTYPE declarations are ignored: entities are never expanded', span: doctype });
  try {
    const r = xmlTools().parse(clean);
    for (const e of r.lexErrors) problems.push({ message: friendly(e.message), span: { start: e.offset, end: e.offset + Math.max(1, e.length) } });
    for (const e of r.parseErrors) {
      const at = Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length;
      const end = Number.isFinite(e.token.endOffset) ? (e.token.endOffset ?? at) + 1 : at;
      problems.push({ message: friendly(e.message), span: { start: Math.min(at, text.length), end: Math.min(Math.max(end, at), text.length) } });
    }
    // Error recovery cascades: after the first syntax error the rest are mostly consequences.
    const syntax = problems.filter((p) => p.message.startsWith('XML syntax')).sort((a, b) => a.span.start - b.span.start);
    for (const extra of syntax.slice(1)) problems.splice(problems.indexOf(extra), 1);
    const ast = xmlTools().buildAst(r.cst as never, r.tokenVector);
    const root = ast.rootElement ? convert(ast.rootElement, text) : undefined;
    return { root, problems, doctype };
  } catch (e) {
    problems.push({ message: `XML could not be parsed: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: Math.min(1, text.length) } });
    return { problems, doctype };
  }
}

/** Attribute by name. */
export function attr(node: XNode, name: string): XAttr | undefined {
  return node.attrs.find((a) => a.name === name);
}

/** Attribute value by name (undefined when absent or valueless). */
export function attrValue(node: XNode, name: string): string | undefined {
  return attr(node, name)?.value ?? undefined;
}

/** Direct children with a name. */
export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** All descendants (depth-first, document order) with a name. */
export function descendants(node: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The element whose start tag or content contains `offset`, innermost first. */
export function nodeAt(node: XNode | undefined, offset: number): XNode | undefined {
  if (!node || offset < node.span.start || offset > node.span.end) return undefined;
  for (const c of node.children) {
    const hit = nodeAt(c, offset);
    if (hit) return hit;
  }
  return node;
}

/** The text of an element trimmed, with its span. */
export function trimmedText(node: XNode): { text: string; span: Span } | undefined {
  const first = node.textSpans.find((s) => s.end > s.start);
  if (!first) return undefined;
  const raw = node.text;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return undefined;
  const last = node.textSpans[node.textSpans.length - 1];
  return { text, span: { start: first.start + lead, end: Math.max(first.start + lead, last.end - (raw.length - raw.trimEnd().length)) } };
}
