/**
 * Files a spec reads macros from, and the names such a file defines: `%include file` (grub2.spec's
 * `%include %{SOURCE1}`, a spec fragment) and `%{load:file}` (vagrant.spec's `%{load:%{SOURCE4}}`, a macro
 * file). Their macros are not in the spec, so the undefined-macro check has to know them.
 */
import type { SpecDocument, Span } from './ast';
import { SECTION_BY_NAME } from './sections';

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
    return tag ? plainName(tag.value.slice(tag.value.lastIndexOf('/') + 1).replace(/^.*#/, '')) : undefined;
  }
  const inSourcedir = /^%\{?_sourcedir\}?\/(.+)$/.exec(arg);
  return plainName(inSourcedir ? inSourcedir[1] : arg);
}

/** A relative name without macros, quotes or a way out of the folder. */
function plainName(name: string): string | undefined {
  return /^[\w.+@-]+(\/[\w.+@-]+)*$/.test(name) && !name.split('/').includes('..') ? name : undefined;
}

const NOT_DEFINITIONS = new Set(['define', 'global', 'undefine', 'include', 'if', 'ifarch', 'ifnarch', 'ifos', 'ifnos', 'elif', 'elifarch', 'elifos', 'else', 'endif']);

/**
 * The macro names a macro file (`%name body` lines) or a spec fragment (`%define`/`%global` lines, also
 * indented inside `%if`) defines. Continuation lines of a multi-line body are skipped.
 */
export function macroNamesDefinedIn(text: string): string[] {
  const names = new Set<string>();
  let continued = false;
  for (const line of text.split(/\r?\n/)) {
    const wasContinued = continued;
    continued = line.endsWith('\\');
    if (wasContinued) continue;
    const def = /^\s*%(?:define|global)\s+([A-Za-z_]\w*)/.exec(line);
    if (def) {
      names.add(def[1]);
      continue;
    }
    const file = /^%([A-Za-z_]\w*)(?=[\s(]|$)/.exec(line);
    if (file && !NOT_DEFINITIONS.has(file[1]) && !SECTION_BY_NAME.has(file[1].toLowerCase()) && /^%\w+(\([^)]*\))?[ \t]+\S/.test(line)) names.add(file[1]);
  }
  return [...names];
}
