/**
 * Splicing the rest of a previous parse after a subpackage was renamed in the re-parsed stretch (someone
 * types in a `%package` line): the rest's sections that name the old or the new name are looked up again,
 * as the parser would (parserState.ts `findPackage`), instead of parsing the rest again to the end. Only
 * where that lookup needs no macro values: plain names, a main package name without macros, and no
 * packages defined through macros.
 */
import type { Package, Section, SpecDocument } from './ast';

/** The lookup keys a rename touches: full (expanded) names and `%package` suffixes, old and new. */
export interface RenamedKeys {
  names: Set<string>;
  suffixes: Set<string>;
}

/** The keys of the subpackages from index `from` whose names differ between `now` and `old`; none: undefined. */
export function renamedKeys(now: Package[], old: Package[], from: number): RenamedKeys | undefined {
  let keys: RenamedKeys | undefined;
  for (let k = from; k < now.length; k++) {
    const n = now[k];
    const o = old[k];
    if (n.name === o.name && n.suffix === o.suffix && n.resolved === o.resolved) continue;
    keys ??= { names: new Set(), suffixes: new Set() };
    for (const p of [n, o]) {
      keys.names.add(p.resolved);
      if (p.suffix !== undefined) keys.suffixes.add(p.suffix);
    }
  }
  return keys;
}

/** Whether section `s` (not a `%package`) looks up one of `keys`. */
function touches(s: Section, main: string, keys: RenamedKeys): boolean {
  const ref = s.pkgRef!;
  if (ref.full) return keys.names.has(ref.name);
  return keys.suffixes.has(ref.name) || keys.names.has(`${main}-${ref.name}`);
}

/**
 * Whether the old rest's sections (from index `from`) can be looked up again without macro values: no
 * package names made by macros, a plain main name, plain names in the sections that name a package, and no
 * later `%package` that defines one of the renamed names again.
 */
export function renameFits(doc: SpecDocument, old: SpecDocument, from: number, keys: RenamedKeys): boolean {
  // Packages defined through macros (`macroPackages`, which only ever turns on) make lookups unknowable
  // from where it turns on: the old parse's final value says whether it does anywhere in the rest.
  const main = doc.packages[0].name;
  if (old.macroPackages || !main || main.includes('%')) return false;
  for (let i = from; i < old.sections.length; i++) {
    const s = old.sections[i];
    if (!s.pkgRef) continue;
    if (s.pkgRef.name.includes('%')) return false;
    if (s.kind === 'package') {
      const p = old.packages[s.pkg];
      if (!p || keys.names.has(p.resolved) || (p.suffix !== undefined && keys.suffixes.has(p.suffix))) return false;
    }
  }
  return true;
}

/** Looks the sections from index `from` that name a renamed package up again in the packages defined before them. */
export function lookUpAgain(doc: SpecDocument, from: number, keys: RenamedKeys): void {
  const main = doc.packages[0].name;
  for (let i = from; i < doc.sections.length; i++) {
    const s = doc.sections[i];
    if (!s.pkgRef || s.kind === 'package' || !touches(s, main, keys)) continue;
    const ref = s.pkgRef;
    const norm = ref.full ? ref.name : `${main}-${ref.name}`;
    // The last definition before the section wins, as in the parser's maps; a suffix first.
    let bySuffix = -1;
    let byName = -1;
    for (let k = 1; k < doc.packages.length; k++) {
      const p = doc.packages[k];
      if (p.section!.line >= s.line) break;
      if (!ref.full && p.suffix === ref.name) bySuffix = k;
      if (p.resolved === norm) byName = k;
    }
    s.pkg = bySuffix >= 0 ? bySuffix : byName >= 0 ? byName : ref.full && norm === main ? 0 : -1;
  }
}
