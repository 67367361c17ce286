/**
 * Files a spec reads macros from, and the names such a file defines: `%include file` (grub2.spec's
 * `%include %{SOURCE1}`, a spec fragment) and `%{load:file}` (vagrant.spec's `%{load:%{SOURCE4}}`, a macro
 * file). Their macros are not in the spec, so the undefined-macro check has to know them.
 */
import type { SpecDocument, Span } from './ast';
import { expandMacros, MapMacroTable } from './expand';
import { isSpecKeyword } from './sections';

export interface MacroFileRef {
  kind: 'include' | 'load';
  /** `%include …` to the end of its line, or the whole `%{load:…}`. */
  span: Span;
  line: number;
  /** The argument as written, e.g. `%{SOURCE1}`. */
  written: string;
  /** The reference for messages: `%include %{SOURCE1}`, `%{load:%{SOURCE4}}`. */
  shown: string;
  /**
   * The file's name relative to the spec's sources, when it is known without a build: `%{SOURCE4}` gives
   * Source4's file name, `%{_sourcedir}/x.inc` gives `x.inc`, a plain relative name itself.
   */
  file?: string;
}

/** The `%include` lines and `%{load:…}` references of a spec, in text order. */
export function macroFileRefs(doc: SpecDocument): MacroFileRef[] {
  const out: MacroFileRef[] = [];
  const refs = doc.macroRefs;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    if (r.depth > 0 || r.conditional) continue;
    if (r.name === 'include' && r.form === 'plain') {
      const line = doc.lines[r.line];
      const written = doc.text.slice(r.end, line.end).trim();
      if (!written || doc.text.slice(line.start, r.start).trim() !== '') continue; // only at the start of a line
      out.push(withFile(doc, { kind: 'include', span: { start: r.start, end: line.end }, line: r.line, written, shown: `%include ${written}` }));
    } else if (r.name === 'load' && r.form === 'braced' && r.arg !== undefined) {
      out.push(withFile(doc, { kind: 'load', span: { start: r.start, end: r.end }, line: r.line, written: r.arg.trim(), shown: doc.text.slice(r.start, r.end) }));
    }
  }
  return out;
}

function withFile(doc: SpecDocument, ref: MacroFileRef): MacroFileRef {
  const file = sourceFileName(doc, ref.written);
  if (file !== undefined) ref.file = file;
  return ref;
}

/** The file name `arg` stands for among the spec's sources, or undefined when a build is needed to know. */
export function sourceFileName(doc: SpecDocument, arg: string): string | undefined {
  const source = /^%\{?SOURCE(\d+)\}?$/.exec(arg);
  if (source) {
    const n = Number(source[1]);
    // Sources belong to the spec, wherever the tag is (gdb.spec declares some after a %package).
    const tag = doc.tags.find((t) => t.key === 'source' && (t.number ?? 0) === n);
    const value = tag && expandSimple(doc, tag.value);
    return value ? plainName(value.slice(value.lastIndexOf('/') + 1).replace(/^.*#/, '')) : undefined;
  }
  const inSourcedir = /^%\{?_sourcedir\}?\/(.+)$/.exec(arg);
  const name = expandSimple(doc, inSourcedir ? inSourcedir[1] : arg);
  return name ? plainName(name) : undefined;
}

/** `s` with the spec's Name/Version/Release and plain definitions expanded (`macros.%{name}`), or undefined. */
function expandSimple(doc: SpecDocument, s: string): string | undefined {
  if (!s.includes('%')) return s;
  const table = new MapMacroTable();
  for (const t of doc.packages[0].tags) if (t.key === 'name' || t.key === 'version' || t.key === 'release') table.set(t.key, t.value);
  for (const d of doc.defines) if (d.kind !== 'undefine' && d.params === undefined) table.set(d.name, d.body);
  const r = expandMacros(s, table, { maxDepth: 8, maxLength: 1000 });
  return r.unknown || r.text.includes('%') ? undefined : r.text;
}

/** A relative name without macros, quotes or a way out of the folder. */
function plainName(name: string): string | undefined {
  return /^[\w.+@-]+(\/[\w.+@-]+)*$/.test(name) && !name.split('/').includes('..') ? name : undefined;
}

/** Line-starting `%words` of a macro file that define nothing (besides spec keywords). */
const NOT_DEFINITIONS = new Set(['define', 'global', 'undefine', 'include']);

/** A definition in a macro file or spec fragment. */
export interface FileMacro {
  name: string;
  /** Getopt string of a parametric macro. */
  params?: string;
  /** The body, continuation lines joined with newlines. */
  body: string;
  /** 0-based line and UTF-16 column of the name. */
  line: number;
  col: number;
  /** Inside `%if`/`%ifarch`…: whether it applies depends on the build. */
  conditional: boolean;
}

/**
 * The definitions of a macro file (`%name body` lines) or a spec fragment (`%define`/`%global` lines, also
 * indented inside `%if`). Continuation lines of a multi-line body belong to it.
 */
export function macroDefinitionsIn(text: string): FileMacro[] {
  const out: FileMacro[] = [];
  const lines = text.split(/\r?\n/);
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const directive = /^\s*%(if\w*|endif)\b/.exec(line)?.[1];
    if (directive && (directive === 'endif' || /^if(arch|narch|os|nos)?$/.test(directive))) {
      depth = directive === 'endif' ? Math.max(0, depth - 1) : depth + 1;
      continue;
    }
    const m = /^(\s*%(?:define|global)\s+)([A-Za-z_]\w*)(?:\(([^)]*)\))?[ \t]*(.*)$/.exec(line)
      ?? /^(%)([A-Za-z_]\w*)(?:\(([^)]*)\))?[ \t]+(\S.*)$/.exec(line);
    if (!m || (m[1] === '%' && (NOT_DEFINITIONS.has(m[2]) || isSpecKeyword(m[2])))) continue;
    let body = m[4];
    const first = i;
    while (body.endsWith('\\') && i + 1 < lines.length) body = body.slice(0, -1) + '\n' + lines[++i];
    const def: FileMacro = { name: m[2], body: body.trim(), line: first, col: m[1].length, conditional: depth > 0 };
    if (m[3] !== undefined) def.params = m[3];
    out.push(def);
  }
  return out;
}

/** The names `macroDefinitionsIn` finds, once each. */
export function macroNamesDefinedIn(text: string): string[] {
  return [...new Set(macroDefinitionsIn(text).map((d) => d.name))];
}
