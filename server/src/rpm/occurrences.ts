/**
 * Where a spec's own names occur: a macro (`%global foo` and every `%foo`, `%{?foo}`, `%{defined foo}`…)
 * and a build conditional (`%bcond_with foo`, `%{with foo}`, `%{?with_foo}`, `%{?_without_foo}`…). For
 * references, highlights and rename. Pure; never throws.
 *
 * Also found, as text inside macro bodies and `%{…:…}` arguments: definitions there (`%{!?foo: %global foo 1}`,
 * `%{expand:%%global foo 1}`), escaped references that a later expansion turns into uses (`%%{foo}`), and in
 * Lua `%{foo}`, `macros.foo`, `macros["foo"]` and `rpm.define("foo …")`.
 */
import type { Span } from '../common/findings';
import type { MacroRef, SpecDocument } from './ast';

export type NameKind = 'macro' | 'bcond';

export interface NameTarget {
  kind: NameKind;
  name: string;
  /** The name under the cursor. */
  span: Span;
}

export interface Occurrence {
  span: Span;
  /** A definition (`%global`, `%define`, `%undefine`, `%bcond…`) or a use. */
  definition: boolean;
}

/** `%{with foo}`, `%{defined foo}`: the macros whose argument is a name, and what kind of name. */
const NAME_ARG: Record<string, NameKind> = { with: 'bcond', without: 'bcond', defined: 'macro', undefined: 'macro' };
const BCOND_MACRO = /^_?with(?:out)?_(\w+)$/;

/** The argument of `%{with foo}` without its blanks, or undefined when it is not one plain name. */
function argName(ref: MacroRef): { name: string; span: Span } | undefined {
  if (ref.arg === undefined) return undefined;
  const m = /^(\s*)(\w+)\s*$/.exec(ref.arg);
  if (!m) return undefined;
  const start = ref.argStart + m[1].length;
  return { name: m[2], span: { start, end: start + m[2].length } };
}

/** The innermost reference containing `offset`; with `atEnd`, also the one ending there (the cursor right after a name). */
export function refAround(doc: SpecDocument, offset: number, atEnd = true): MacroRef | undefined {
  let best: MacroRef | undefined;
  for (const r of doc.macroRefs) {
    if (r.start <= offset && (offset < r.end || (atEnd && offset === r.end)) && (!best || r.depth > best.depth)) best = r;
  }
  return best;
}

const inside = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

/** The macro or bcond name at `offset`, if any. */
export function nameTargetAt(doc: SpecDocument, offset: number): NameTarget | undefined {
  for (const d of doc.defines) if (inside(d.nameSpan, offset)) return { kind: 'macro', name: d.name, span: d.nameSpan };
  for (const b of doc.bconds) if (inside(b.nameSpan, offset)) return { kind: 'bcond', name: b.name, span: b.nameSpan };
  const ref = refAround(doc, offset);
  if (!ref || !ref.name || ref.form === 'shell' || ref.form === 'expr' || ref.form === 'lua') return undefined;
  const kind = NAME_ARG[ref.name];
  if (kind) {
    const a = argName(ref);
    return a && inside(a.span, offset) ? { kind, name: a.name, span: a.span } : undefined;
  }
  // `%1`, `%*`, `%-x`, `%#` are a parametric macro's arguments, not names of the spec.
  if (!inside({ start: ref.nameStart, end: ref.nameEnd }, offset) || !/^[A-Za-z_]\w*$/.test(ref.name)) return undefined;
  const b = BCOND_MACRO.exec(ref.name);
  if (b && doc.bconds.some((x) => x.name === b[1])) return { kind: 'bcond', name: b[1], span: { start: ref.nameEnd - b[1].length, end: ref.nameEnd } };
  return { kind: 'macro', name: ref.name, span: { start: ref.nameStart, end: ref.nameEnd } };
}

/** Every occurrence of the name, in file order. */
export function occurrencesOf(doc: SpecDocument, target: { kind: NameKind; name: string }): Occurrence[] {
  const { kind, name } = target;
  const out: Occurrence[] = [];
  if (kind === 'macro') {
    for (const d of doc.defines) if (d.name === name) out.push({ span: d.nameSpan, definition: true });
  } else {
    for (const b of doc.bconds) if (b.name === name) out.push({ span: b.nameSpan, definition: true });
  }
  for (const ref of doc.macroRefs) {
    if (NAME_ARG[ref.name] === kind) {
      const a = argName(ref);
      if (a?.name === name) out.push({ span: a.span, definition: false });
    } else if (kind === 'macro' && ref.name === name) {
      out.push({ span: { start: ref.nameStart, end: ref.nameEnd }, definition: false });
    } else if (kind === 'bcond' && ref.name.endsWith(name) && BCOND_MACRO.exec(ref.name)?.[1] === name) {
      out.push({ span: { start: ref.nameEnd - name.length, end: ref.nameEnd }, definition: false });
    }
  }
  if (kind === 'macro' && /^[A-Za-z_]\w*$/.test(name)) {
    // Nested regions overlap (a reference inside a body): each place once.
    const seen = new Set(out.map((o) => o.span.start));
    for (const o of nestedOccurrences(doc, name)) if (!seen.has(o.span.start)) { seen.add(o.span.start); out.push(o); }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The name written inside macro bodies and reference arguments, where the parser sees text (see the top). */
function nestedOccurrences(doc: SpecDocument, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  const text = doc.text;
  const definition = new RegExp(`%+(?:global|define|undefine)[ \\t]+${name}(?!\\w)`, 'g');
  const escaped = new RegExp(`%%+(?:\\{[?!]*)?${name}(?!\\w)`, 'g');
  const lua = new RegExp(`(?:%+\\{?[?!]*|\\bmacros\\.|\\bmacros\\[\\s*["']|\\brpm\\.define\\(\\s*["'])${name}(?!\\w)`, 'g');
  const scan = (start: number, end: number, re: RegExp, isDefinition: boolean) => {
    if (end <= start) return;
    const part = text.slice(start, end);
    if (!part.includes(name)) return;
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const at = start + m.index + m[0].length - name.length;
      out.push({ span: { start: at, end: at + name.length }, definition: isDefinition });
    }
  };
  const regions: Array<[number, number, boolean]> = doc.defines.map((d) => [d.bodySpan.start, d.bodySpan.end, false]);
  for (const r of doc.macroRefs) if (r.arg !== undefined) regions.push([r.argStart, r.argEnd, r.form === 'lua']);
  for (const [start, end, isLua] of regions) {
    scan(start, end, definition, true);
    scan(start, end, isLua ? lua : escaped, false);
  }
  return out;
}

/** Why `newName` cannot replace the target's name, or undefined when it can. */
export function renameProblem(doc: SpecDocument, target: NameTarget, newName: string): string | undefined {
  if (target.kind === 'macro') {
    const tag = /^(name|version|release|epoch|summary|license|url|(?:SOURCE|PATCH)\d+)$/i.exec(target.name)?.[1];
    if (tag && !doc.defines.some((d) => d.name === target.name)) {
      return `%${target.name} is the value of the ${tag[0].toUpperCase() + tag.slice(1).toLowerCase()}: tag, so it cannot be renamed`;
    }
    const defined = doc.defines.some((d) => d.name === target.name && d.kind !== 'undefine') || nestedOccurrences(doc, target.name).some((o) => o.definition);
    if (!defined) {
      return `%${target.name} is not defined in this spec (rpm, the distribution or an included file defines it), so it cannot be renamed here`;
    }
    if (!/^[A-Za-z_]\w*$/.test(newName) || /^_*$/.test(newName)) return `'${newName}' is not a macro name (letters, digits and _, not starting with a digit)`;
    if (newName !== target.name && (doc.defines.some((d) => d.name === newName) || nestedOccurrences(doc, newName).some((o) => o.definition))) return `%${newName} is already defined in this spec`;
    return undefined;
  }
  if (!/^\w+$/.test(newName)) return `'${newName}' is not a build conditional name (letters, digits and _)`;
  if (newName !== target.name && doc.bconds.some((b) => b.name === newName)) return `the build conditional '${newName}' already exists in this spec`;
  return undefined;
}
