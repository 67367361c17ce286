/**
 * The spec as a distro profile's build sees it, like `rpmspec -P` but without running anything: line for
 * line (so it sits beside the spec in a diff), with the macro references expanded with the profile's and
 * the spec's values, and blank where rpmspec -P leaves a blank: macro definitions and build conditionals,
 * the `%if`/`%else`/`%endif` lines and the branches false for the profile. What we cannot know stays as
 * written: `%(…)` and Lua (never run), a macro of the build root whose value we lack (`%{?_smp_mflags}`),
 * an undefined one (as rpm leaves it), and an `%if` that depends on such a value, with all its branches.
 */
import type { SpecDocument } from '../../rpm/ast';
import { isInactive, type ConditionResult } from '../../rpm/conditions';
import { expandMacros } from '../../rpm/expand';
import { builtinMacro, FILES_DIRECTIVES } from '../../rpm/macroData';
import { lineIn } from '../../rpm/query';
import type { DistroProfile } from '../../rpm/profiles';
import { macroTableWalker } from './macroEnv';
import type { ExternalMacros } from './macroFiles';

/**
 * Names the profile, the command line or the spec decides (the built-in table knows them so that using them
 * is no undefined-macro warning): undefined unless the profile or the spec sets them.
 */
const DECIDED = new RegExp('^(' + [
  'fedora', 'rhel', 'centos', 'centos_hs', 'eln', 'el\\d+', 'fc\\d+', 'amzn', 'suse_version', 'sle_version', 'mdkversion', 'mga', 'omvver',
  'is_opensuse', 'facebook', 'epel', 'flatpak', '_with_\\w+', '_without_\\w+', '(SOURCE|PATCH)\\d+',
  'forgeurl', 'tag', 'commit', 'shortcommit', 'gitcommit', 'commitdate', 'snapdate', 'crate', 'crate_version', 'goipath', 'pypi_name', 'srcname',
].join('|') + ')$');

/** A macro of the build root we know exists but not its value: kept as written. */
function opaque(name: string): boolean {
  return !DECIDED.test(name) && builtinMacro(name) !== undefined;
}

/** %files directives rpm reads before it expands a line (`%license` is also the License tag's macro). */
const FILE_DIRECTIVE = new RegExp(`(^|\\s)%(${FILES_DIRECTIVES.join('|')})\\b`, 'g');

export interface ExpandedSpec {
  text: string;
  /** Lines kept as written because something on them cannot be known without running code. */
  unknownLines: number;
}

export function expandedSpec(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, conditions: ConditionResult): ExpandedSpec {
  const lines = doc.lines;
  const blank = new Uint8Array(lines.length);
  const asWritten = new Uint8Array(lines.length);
  const mark = (arr: Uint8Array, start: number, end: number) => {
    const last = lineIn(lines, Math.max(start, end - 1));
    for (let l = lineIn(lines, start); l <= last; l++) arr[l] = 1;
  };
  for (const c of doc.conditionals) {
    const states = conditions.states[c.index] ?? [];
    if (states.some((s) => s === 'unknown')) continue;
    for (const b of c.branches) blank[lineIn(lines, b.keywordSpan.start)] = 1;
    if (c.endifSpan) blank[lineIn(lines, c.endifSpan.start)] = 1;
  }
  for (const d of doc.defines) mark(blank, d.span.start, d.span.end);
  for (const b of doc.bconds) mark(blank, b.span.start, b.span.end);
  // A reference over several lines (a `%{lua:…}` block, `%{expand:…}`) is shown as written, not line by line.
  for (const r of doc.macroRefs) if (r.depth === 0 && doc.text.lastIndexOf('\n', r.end - 1) >= r.start) mark(asWritten, r.start, r.end);
  const inFiles = new Uint8Array(lines.length);
  for (const sec of doc.sections) if (sec.kind === 'files') for (let l = sec.line + 1; l <= sec.endLine && l < lines.length; l++) inFiles[l] = 1;
  const walker = macroTableWalker(doc, profile, external, { inactive: (o) => isInactive(conditions, o) });
  const out: string[] = [];
  let unknownLines = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (blank[l] || isInactive(conditions, line.start)) {
      out.push('');
      continue;
    }
    const text = doc.text.slice(line.start, line.end);
    if (asWritten[l] || !text.includes('%')) {
      if (asWritten[l]) unknownLines++;
      out.push(text);
      continue;
    }
    const r = expandMacros(inFiles[l] ? text.replace(FILE_DIRECTIVE, '$1%%$2') : text, walker.at(line.start), { maxDepth: 32, maxLength: 20000, opaque });
    if (r.unknown) unknownLines++;
    out.push(r.text);
  }
  return { text: out.join('\n'), unknownLines };
}
