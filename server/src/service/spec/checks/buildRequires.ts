/**
 * `missing-build-requires`: the spec builds with a tool whose package is not in its BuildRequires. The build
 * root has only what the build group and the BuildRequires pull in: Fedora's has had no `make` since
 * Fedora 34, and `%cmake`, `%meson`, `%py3_build`… are defined by packages outside it, so rpm leaves them
 * as written and the shell fails (`%cmake: command not found`), in Koji, an hour later. The packaging
 * guidelines require these BuildRequires explicitly. Only uses in branches the profile takes count, against
 * the BuildRequires it takes; a spec that `%include`s or `%{load:}`s a file is not judged (it may add some:
 * `external` says, from macroFiles.ts).
 */
import type { Finding } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import { isInactive, type ConditionResult } from '../../../rpm/conditions';
import type { DistroProfile } from '../../../rpm/profiles';
import { expandMacros } from '../../../rpm/expand';
import { macroTableWalker } from '../macroEnv';
import type { ExternalMacros } from '../macroFiles';

interface Need {
  /** The package to add. */
  pkg: string;
  /** BuildRequires names that bring it (the package, its alternatives, packages that require it). */
  satisfiedBy: RegExp;
  /** Macros that need it. */
  macros: readonly string[];
  /** Why, after "… needs BuildRequires: pkg". */
  why: string;
}

const NEEDS: readonly Need[] = [
  {
    pkg: 'make', satisfiedBy: /^(make|\/usr\/bin\/make|gmake)$/, macros: ['make_build', 'make_install', '__make'],
    why: "Fedora's build roots have had no make since Fedora 34, and the packaging guidelines require it",
  },
  {
    pkg: 'cmake', satisfiedBy: /^(cmake\d*|cmake-rpm-macros|extra-cmake-modules|kf[56]-rpm-macros)$/,
    macros: ['cmake', 'cmake_build', 'cmake_install', 'ctest', 'cmake3', 'cmake3_build', 'cmake3_install', 'ctest3'],
    why: 'cmake-rpm-macros defines these macros, and it is not in the build root',
  },
  {
    pkg: 'meson', satisfiedBy: /^meson$/, macros: ['meson', 'meson_build', 'meson_install', 'meson_test'],
    why: 'meson defines these macros, and it is not in the build root',
  },
  {
    pkg: 'ninja-build', satisfiedBy: /^(ninja-build|ninja|meson)$/, macros: ['ninja_build', 'ninja_install', 'ninja_test'],
    why: 'ninja-build defines these macros, and it is not in the build root',
  },
  {
    pkg: 'python3-devel', satisfiedBy: /^(python3(\d+|\.\d+)?-devel|python%\{python3_pkgversion\}-devel|pyproject-rpm-macros)$/, // python39-devel on EL8
    macros: ['py3_build', 'py3_install', 'pyproject_wheel', 'pyproject_install', 'pyproject_buildrequires', 'pyproject_save_files', 'pyproject_check_import', 'tox'],
    why: 'the Python packaging guidelines require it, and it brings the pyproject macros',
  },
  {
    pkg: 'cargo-rpm-macros', satisfiedBy: /^(cargo-rpm-macros|rust-packaging|rust-toolset|rust-srpm-macros)$/,
    macros: ['cargo_prep', 'cargo_build', 'cargo_install', 'cargo_test', 'cargo_generate_buildrequires', 'cargo_license', 'cargo_license_summary'],
    why: 'cargo-rpm-macros defines these macros (rust-toolset on EL), and it is not in the build root',
  },
];

const BY_MACRO = new Map(NEEDS.flatMap((n) => n.macros.map((m) => [m, n] as const)));
const SHELL = new Set(['prep', 'conf', 'build', 'install', 'check', 'generate_buildrequires']);

/** The package names a BuildRequires value names (rich dependencies and versions left out). */
function names(value: string): string[] {
  return value.split(/[\s,()]+/).filter((w) => w && !/^(<|>|=|<=|>=|if|else|unless|and|or|with|without)$/.test(w) && !/^[\d%]/.test(w));
}

/**
 * The first `make` run as a command in the build sections the profile takes (not `makeinfo`, `cmake`,
 * `make_build`). One search from the first build section to the end of the last: a search per section would
 * run on to the next `make` of the whole text each time.
 */
function firstMakeCommand(doc: SpecDocument, conditions: ConditionResult): number {
  const text = doc.text;
  const bodies: Array<{ start: number; end: number }> = [];
  for (const sec of doc.sections) if (SHELL.has(sec.kind)) bodies.push(sec.bodySpan);
  if (bodies.length === 0) return -1;
  const last = bodies[bodies.length - 1].end;
  for (let at = text.indexOf('make', bodies[0].start); at >= 0 && at < last; at = text.indexOf('make', at + 4)) {
    const next = text.charCodeAt(at + 4);
    if (!(next === 32 || next === 9 || next === 10 || next === 13 || Number.isNaN(next))) continue;
    if (!bodies.some((b) => at >= b.start && at < b.end)) continue;
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    // At the start of a command: the line's first word (after variable assignments), or after ; && || | ( `.
    if (before.includes('#') || !/(^|[;&|(`]|\b(then|do|else))\s*([A-Za-z_]\w*=\S*\s+)*$/.test(before)) continue;
    if (!isInactive(conditions, at)) return at;
  }
  return -1;
}

export function buildRequiresFindings(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, conditions: ConditionResult): Finding[] {
  // A file the spec reads (`%include`, `%{load:}`) may add BuildRequires: not judged.
  if (external.key !== '' || external.unread.length > 0) return [];
  // The first use of each need's macros in the build sections, in branches the profile takes (references
  // are in text order: each section's are found by a binary search, not by a walk over all of them).
  const used = new Map<Need, { start: number; end: number; what: string }>();
  const refs = doc.macroRefs;
  for (const sec of doc.sections) {
    if (!SHELL.has(sec.kind)) continue;
    const { start, end } = sec.bodySpan;
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < refs.length && refs[i].start < end; i++) {
      const r = refs[i];
      const need = r.depth === 0 ? BY_MACRO.get(r.name) : undefined;
      if (!need || used.has(need) || r.conditional || isInactive(conditions, r.start)) continue;
      used.set(need, { start: r.start, end: r.end, what: doc.text.slice(r.start, r.end) });
    }
  }
  // What the BuildRequires the profile takes name, expanded with the spec's macros where that is known.
  const have: string[] = [];
  let walker: ReturnType<typeof macroTableWalker> | undefined; // made for the first value with a macro: few have one
  for (const p of doc.packages) {
    for (const t of p.tags) {
      if (t.key !== 'buildrequires' || isInactive(conditions, t.start)) continue;
      have.push(...names(t.value));
      if (!t.value.includes('%')) continue;
      walker ??= macroTableWalker(doc, profile, external, { inactive: (o) => isInactive(conditions, o), sources: false });
      have.push(...names(expandMacros(t.value, walker.at(t.start)).text));
    }
  }
  const satisfied = (n: Need) => have.some((h) => n.satisfiedBy.test(h));
  const make = NEEDS[0];
  // EL8's build root still has make (it branched before Fedora 34 dropped it).
  const rootHasMake = Number(profile.macros.rhel) > 0 && Number(profile.macros.rhel) < 9;
  if (rootHasMake) used.delete(make);
  else if (!used.has(make) && !satisfied(make)) {
    const at = firstMakeCommand(doc, conditions);
    if (at >= 0) used.set(make, { start: at, end: at + 4, what: 'make' });
  }
  const out: Finding[] = [];
  let insert: ReturnType<typeof insertionPoint> | undefined;
  for (const [need, use] of used) {
    if (satisfied(need)) continue;
    insert ??= insertionPoint(doc, conditions);
    out.push({
      code: 'missing-build-requires',
      severity: 'warning',
      message: `${use.what} needs BuildRequires: ${need.pkg}: ${need.why}`,
      span: { start: use.start, end: use.end },
      source: 'rpm-spec',
      data: { pkg: need.pkg, insertAt: insert.at, newText: `${insert.prefix}BuildRequires:${insert.pad}${need.pkg}\n` },
    });
  }
  return out;
}

/** Where the quick fix adds a BuildRequires line: after the main package's last one (aligned like it), else after its last tag. */
function insertionPoint(doc: SpecDocument, conditions: ConditionResult): { at: number; prefix: string; pad: string } {
  const tags = doc.packages[0].tags.filter((t) => !isInactive(conditions, t.start));
  const brs = tags.filter((t) => t.key === 'buildrequires' && t.qualifier === undefined);
  const after = brs[brs.length - 1] ?? tags[tags.length - 1];
  if (!after) return { at: 0, prefix: '', pad: ' ' };
  const lineEnd = doc.text.indexOf('\n', after.end);
  const at = lineEnd < 0 ? doc.text.length : lineEnd + 1;
  const column = after.key === 'buildrequires' ? after.valueStart - after.start : 16;
  return { at, prefix: lineEnd < 0 ? '\n' : '', pad: ' '.repeat(Math.max(1, column - 'BuildRequires:'.length)) };
}
