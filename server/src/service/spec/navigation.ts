/**
 * Spec hover and go-to-definition: docs for tags, sections and macros; a macro defined in the file shows
 * its definition and its value under the distro profile; `%if` shows how it evaluates for the profile.
 */
import type { MacroRef, SpecDocument } from '../../rpm/ast';
import { expandMacros } from '../../rpm/expand';
import { builtinMacro } from '../../rpm/macroData';
import { SECTION_BY_NAME } from '../../rpm/sections';
import { lookupTag } from '../../rpm/tags';
import { lineIn, sectionAtLine } from '../../rpm/query';
import { lineFacts } from './checks/rpmlintLines';
import { refAround } from '../../rpm/occurrences';
import type { Settings } from '../settings';
import type { HoverRecord, LocationRecord } from '../types';
import { conditionsFor } from './diagnostics';
import { profileFor, specMacroTable } from './macroEnv';
import { NO_EXTERNAL_MACROS, type ExternalMacros } from './macroFiles';

/** The innermost macro reference at `offset`. */
export function refAt(doc: SpecDocument, offset: number): MacroRef | undefined {
  return refAround(doc, offset, false);
}

const code = (s: string) => '```rpm-spec\n' + s + '\n```';

function definitionText(doc: SpecDocument, name: string, before: number): string | undefined {
  const defs = doc.defines.filter((d) => d.name === name && d.kind !== 'undefine');
  const d = [...defs].reverse().find((x) => x.span.start < before) ?? defs[0];
  if (!d) return undefined;
  const text = doc.text.slice(d.span.start, d.span.end);
  return `${code(text.length > 1200 ? text.slice(0, 1200) + '\n…' : text)}\nDefined on line ${d.line + 1}.`;
}

/** The definitions of `name` in the spec's macro files, for hover (at most three). */
function externalText(external: ExternalMacros, name: string): string | undefined {
  const defs = external.defs.filter((d) => d.name === name);
  if (defs.length === 0) return undefined;
  const shown = defs.slice(0, 3).map((d) => {
    const head = `%${d.name}${d.params !== undefined ? `(${d.params})` : ''} `;
    const body = d.body.length > 600 ? d.body.slice(0, 600) + '\n…' : d.body;
    return `${code(head + body)}\n${d.file}, line ${d.line + 1}${d.conditional ? ' (inside a conditional there)' : ''}.`;
  });
  if (defs.length > 3) shown.push(`…and ${defs.length - 3} more in ${defs[3].file}.`);
  return shown.join('\n\n');
}

function valueUnderProfile(doc: SpecDocument, ref: MacroRef, settings: Settings, external: ExternalMacros): string | undefined {
  if (ref.form === 'shell' || ref.form === 'lua') return 'Runs code when rpm expands it; its value is never computed here.';
  const profile = profileFor(settings.spec);
  const table = specMacroTable(doc, profile, ref.start, external);
  const source = doc.text.slice(ref.start, ref.end);
  const r = expandMacros(source, table, { maxDepth: 32, maxLength: 2000 });
  if (r.unknown) return `Under **${profile.id}** its value needs code (shell or Lua) and is not computed.`;
  if (!ref.conditional && r.text === source && !table.get(ref.name)) {
    const inFile = external.defs.find((d) => d.name === ref.name);
    return inFile
      ? `Under **${profile.id}**: defined inside a conditional in ${inFile.file}; its value is not computed.`
      : `Not defined under **${profile.id}**.`;
  }
  const v = r.text.length > 500 ? r.text.slice(0, 500) + '…' : r.text;
  return `Under **${profile.id}**: \`${source}\` → ${v === '' ? '*(empty)*' : '`' + v.replace(/`/g, "'") + '`'}`;
}

export function specHover(doc: SpecDocument, offset: number, settings: Settings, external = NO_EXTERNAL_MACROS): HoverRecord | null {
  const ref = refAt(doc, offset);
  // On a %patch line (its keyword or its options): which files it applies.
  if (!ref || /^patch\d*$/.test(ref.name)) {
    const patch = patchLineHover(doc, offset);
    if (patch) return patch;
  }
  if (ref) {
    const parts: string[] = [];
    if (ref.form === 'shell') parts.push('**%(…)** runs a shell command when the macro is expanded.');
    else if (ref.form === 'expr') parts.push('**%[…]** evaluates an expression.');
    else {
      const name = ref.name;
      parts.push(`**%${name}**`);
      const own = definitionText(doc, name, ref.start) ?? externalText(external, name);
      const b = builtinMacro(name);
      const bcond = doc.bconds.find((x) => `with_${x.name}` === name || `without_${x.name}` === name);
      if (own) parts.push(own);
      else if (bcond) parts.push(`Build conditional from \`${doc.text.slice(bcond.span.start, bcond.span.end)}\` (line ${bcond.line + 1}).`);
      else if (b) parts.push([b.doc, `*${b.from}*`].filter(Boolean).join('\n\n'));
      else if (!/^(\d+|\*\*?|#|-\w\*?)$/.test(name)) parts.push('Not defined in this spec nor known as a standard macro.');
    }
    const value = valueUnderProfile(doc, ref, settings, external);
    if (value) parts.push(value);
    return { markdown: parts.join('\n\n'), span: { start: ref.start, end: ref.end } };
  }
  const bc = doc.bconds.find((b) => b.nameSpan.start <= offset && offset <= b.nameSpan.end);
  if (bc) {
    const state = bc.defaultOn === undefined ? 'its default is an expression' : bc.defaultOn ? 'on by default' : 'off by default';
    const flip = bc.defaultOn === undefined ? `\`rpmbuild --with ${bc.name}\` or \`--without ${bc.name}\` sets it` : `\`rpmbuild --${bc.defaultOn ? 'without' : 'with'} ${bc.name}\` turns it ${bc.defaultOn ? 'off' : 'on'}`;
    return { markdown: `**Build conditional ${bc.name}**: ${state}; ${flip}. Test it with \`%{with ${bc.name}}\`.`, span: bc.nameSpan };
  }
  const tag = doc.tags.find((t) => t.start <= offset && offset <= t.nameEnd);
  if (tag) {
    const info = lookupTag(tag.name)?.info;
    const md = info ? `**${info.name}:** ${info.doc}${info.obsolete ? `\n\n*${info.obsolete}*` : ''}${info.since ? `\n\nrpm >= ${info.since}.` : ''}` : `**${tag.name}:** not a tag rpm knows.`;
    return { markdown: md, span: tag.nameSpan };
  }
  const section = doc.sections.find((s) => s.keywordSpan.start <= offset && offset <= s.keywordSpan.end);
  if (section) {
    const info = SECTION_BY_NAME.get(section.name)!;
    const pkg = section.pkg >= 0 ? doc.packages[section.pkg] : undefined;
    const about = pkg && section.pkg > 0 ? `\n\nFor package \`${pkg.name}\`.` : '';
    return { markdown: `**%${section.name}** — ${info.doc}${about}`, span: section.keywordSpan };
  }
  for (const c of doc.conditionals) {
    const bi = c.branches.findIndex((b) => b.keywordSpan.start <= offset && offset <= Math.max(b.keywordSpan.end, b.exprSpan.end));
    if (bi < 0) continue;
    const profile = profileFor(settings.spec);
    const state = conditionsFor(doc, settings, external).states[c.index][bi];
    const b = c.branches[bi];
    const words = { active: 'taken', inactive: 'not taken', unknown: 'unknown (needs code or an undefined macro)' };
    return { markdown: `**%${b.keyword}** ${b.expr ? '`' + b.expr + '`' : ''}\n\nUnder **${profile.id}** (${settings.spec.arch}): ${words[state]}.`, span: { start: b.keywordSpan.start, end: Math.max(b.keywordSpan.end, b.exprSpan.end) } };
  }
  return null;
}

/** On a `%patch` line: the patch files it applies. */
function patchLineHover(doc: SpecDocument, offset: number): HoverRecord | null {
  const li = lineIn(doc.lines, offset);
  const line = doc.lines[li];
  const text = doc.text.slice(line.start, line.end);
  const indent = /^\s*/.exec(text)![0].length;
  if (!text.startsWith('%patch', indent) || offset < line.start + indent) return null;
  const section = sectionAtLine(doc, li);
  const applied = lineFacts(line, doc.text, section?.kind, section?.name ?? '', section?.line === li).applied ?? [];
  if (applied.length === 0) return null;
  const parts = applied.map((n) => {
    const tag = doc.tags.find((t) => t.key === 'patch' && (t.number ?? 0) === n);
    return tag ? `Patch${n}: \`${tag.value}\` (line ${tag.line + 1})` : `Patch${n}: *not declared*`;
  });
  return { markdown: `**%patch** applies ${parts.join(', ')}`, span: { start: line.start + indent, end: line.end } };
}

export function specDefinition(doc: SpecDocument, offset: number, uri: string, external = NO_EXTERNAL_MACROS): LocationRecord[] {
  const ref = refAt(doc, offset);
  if (ref && ref.name) {
    const name = ref.name;
    const defs = doc.defines.filter((d) => d.name === name && d.kind !== 'undefine');
    const d = [...defs].reverse().find((x) => x.span.start < ref.start) ?? defs[0];
    if (d) return [{ uri, span: d.nameSpan }];
    const m = /^(SOURCE|PATCH)(\d+)$/.exec(name);
    if (m) {
      const tag = doc.tags.find((t) => t.key === m[1].toLowerCase() && (t.number ?? 0) === Number(m[2]));
      if (tag) return [{ uri, span: tag.span }];
    }
    const withArg = /^(with|without)$/.test(name) && ref.arg ? ref.arg.trim() : undefined;
    const bname = withArg ?? /^_?with(out)?_(\w+)$/.exec(name)?.[2];
    const b = bname ? doc.bconds.find((x) => x.name === bname) : undefined;
    if (b) return [{ uri, span: b.nameSpan }];
    const ext = external.defs.find((x) => x.name === name);
    if (ext) return [{ uri: ext.uri, range: { start: { line: ext.line, character: ext.col }, end: { line: ext.line, character: ext.col + name.length } } }];
    const tagKey = name.toLowerCase();
    const tag = ['name', 'version', 'release', 'epoch', 'summary', 'license', 'url'].includes(tagKey) ? doc.packages[0].tags.find((t) => t.key === tagKey) : undefined;
    if (tag) return [{ uri, span: tag.span }];
  }
  // %patch N / %patchN -> PatchN
  const line = doc.lines.find((l) => l.start <= offset && offset <= l.end);
  if (line) {
    const text = doc.text.slice(line.start, line.end);
    const pm = /^\s*%patch(\d*)\b(.*)$/.exec(text);
    if (pm) {
      const num = /-P\s*(\d+)/.exec(pm[2])?.[1] ?? /(?:^|\s)(\d+)(?=\s|$)/.exec(pm[2].replace(/-[pFbzdoD]\s*\S+/g, ' '))?.[1] ?? (pm[1] || '0');
      const tag = doc.tags.find((t) => t.key === 'patch' && (t.number ?? 0) === Number(num));
      if (tag) return [{ uri, span: tag.span }];
    }
  }
  const section = doc.sections.find((s) => s.pkgRef && s.pkgRef.span.start <= offset && offset <= s.pkgRef.span.end);
  if (section && section.pkg > 0) {
    const target = doc.packages[section.pkg].section;
    if (target) return [{ uri, span: target.headerSpan }];
  }
  return [];
}
