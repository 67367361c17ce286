/**
 * The preamble tags rpm's spec parser knows (build/parsePreamble.c `preambleList`, rpm 4.20), with a
 * one-line description for completion and hover.
 */

export interface TagInfo {
  /** Canonical spelling. */
  name: string;
  doc: string;
  /** May appear once per package (rpm: "Duplicate X entries in package"). */
  single?: boolean;
  /** rpm: "Tag takes single token only". */
  singleToken?: boolean;
  /** Takes a number suffix (Source0, Patch12). */
  numbered?: boolean;
  /** Accepts a `(qualifier)`. */
  qualifiers?: string[];
  /** Only meaningful in the main package. */
  mainOnly?: boolean;
  /** Accepted by rpm but obsolete or discouraged in modern Fedora/EL packaging (hint). */
  obsolete?: string;
  /** The rpm version that introduced it, when recent. */
  since?: string;
}

const SCRIPTLET_QUALIFIERS = ['pre', 'post', 'preun', 'postun', 'pretrans', 'posttrans', 'preuntrans', 'postuntrans', 'verify', 'interp', 'meta'];

export const TAGS: TagInfo[] = [
  { name: 'Name', doc: 'The package name. Used for `%{name}`.', single: true, singleToken: true },
  { name: 'Version', doc: 'The upstream version. Used for `%{version}`.', single: true, singleToken: true },
  { name: 'Release', doc: 'The package release, usually `%autorelease` or `1%{?dist}`.', single: true, singleToken: true },
  { name: 'Epoch', doc: 'An unsigned number that overrides version comparison; avoid unless needed.', single: true, singleToken: true },
  { name: 'Summary', doc: 'One-line summary of the package (no trailing period).', single: true, qualifiers: [] },
  { name: 'License', doc: 'SPDX license expression of the binary package contents.', single: true },
  { name: 'SourceLicense', doc: 'SPDX license expression of the source package, when it differs from License.', single: true, mainOnly: true, since: '4.18' },
  { name: 'URL', doc: 'Upstream project home page.', single: true, singleToken: true },
  { name: 'BugURL', doc: 'Where to report bugs.', single: true, singleToken: true },
  { name: 'VCS', doc: 'Version control location of the sources.', single: true },
  { name: 'Source', doc: 'A source file or URL; `SourceN` numbers it for `%{SOURCEN}`.', numbered: true, mainOnly: true },
  { name: 'Patch', doc: 'A patch file; `PatchN` numbers it for `%patch N` / `%{PATCHN}`.', numbered: true, mainOnly: true },
  { name: 'NoSource', doc: 'Source numbers not included in the source package.', mainOnly: true },
  { name: 'NoPatch', doc: 'Patch numbers not included in the source package.', mainOnly: true },
  { name: 'Group', doc: 'Package group; not used by Fedora or EL (ignored).', obsolete: 'The Group tag is not used in Fedora or EL and can be removed.' },
  { name: 'BuildRoot', doc: 'Ignored since rpm 4.6; the build root is always `%{buildroot}`.', obsolete: 'BuildRoot is ignored by rpm >= 4.6; remove it.' },
  { name: 'Vendor', doc: 'Vendor of the package; set by the build system.', single: true },
  { name: 'Packager', doc: 'Who packaged it; set by the build system.', single: true },
  { name: 'Distribution', doc: 'Distribution name; set by the build system.', single: true },
  { name: 'DistURL', doc: 'Distribution URL.', single: true },
  { name: 'DistTag', doc: 'Distribution tag.', single: true, singleToken: true },
  { name: 'Icon', doc: 'An icon file (GIF or XPM).', single: true, singleToken: true },
  { name: 'Requires', doc: 'Run-time dependencies. Qualifiers like `Requires(post):` order them for scriptlets.', qualifiers: SCRIPTLET_QUALIFIERS },
  { name: 'Recommends', doc: 'Weak forward dependency (installed by default, may be removed).' },
  { name: 'Suggests', doc: 'Weak forward dependency (not installed by default).' },
  { name: 'Supplements', doc: 'Weak reverse dependency (this package is pulled in by another).' },
  { name: 'Enhances', doc: 'Weak reverse dependency (this package enhances another).' },
  { name: 'OrderWithRequires', doc: 'Ordering hint without a dependency.' },
  { name: 'Provides', doc: 'Capabilities this package provides; version them: `Provides: foo = %{version}-%{release}`.' },
  { name: 'Conflicts', doc: 'Packages that cannot be installed together with this one.' },
  { name: 'Obsoletes', doc: 'Packages this one replaces; version them: `Obsoletes: foo < 1.2-3`.' },
  { name: 'PreReq', doc: 'Deprecated: use Requires (or Requires(pre)).', obsolete: 'PreReq is deprecated: use Requires, or Requires(pre)/Requires(post).', qualifiers: SCRIPTLET_QUALIFIERS },
  { name: 'BuildRequires', doc: 'Build-time dependencies.' },
  { name: 'BuildConflicts', doc: 'Packages that must not be installed while building.' },
  { name: 'BuildPreReq', doc: 'Deprecated: use BuildRequires.', obsolete: 'BuildPreReq is deprecated: use BuildRequires.' },
  { name: 'BuildArch', doc: 'Build architecture; use `noarch` for architecture-independent packages.' },
  { name: 'BuildArchitectures', doc: 'Same as BuildArch.' },
  { name: 'ExcludeArch', doc: 'Architectures this package does not build on.', mainOnly: true },
  { name: 'ExclusiveArch', doc: 'The only architectures this package builds on.', mainOnly: true },
  { name: 'ExcludeOS', doc: 'Operating systems this package does not build on.', mainOnly: true },
  { name: 'ExclusiveOS', doc: 'The only operating systems this package builds on.', mainOnly: true },
  { name: 'Prefix', doc: 'Relocation prefix (relocatable packages only).' },
  { name: 'Prefixes', doc: 'Relocation prefixes (relocatable packages only).' },
  { name: 'AutoReqProv', doc: 'Turn automatic Requires and Provides generation on or off.' },
  { name: 'AutoReq', doc: 'Turn automatic Requires generation on or off.' },
  { name: 'AutoProv', doc: 'Turn automatic Provides generation on or off.' },
  { name: 'DocDir', doc: 'Documentation directory.', single: true, singleToken: true },
  { name: 'RemovePathPostfixes', doc: 'Suffixes removed from file paths in this package.' },
  { name: 'ModularityLabel', doc: 'Modularity label (module builds).', single: true },
  { name: 'TranslationURL', doc: 'Translation URL.', single: true },
  { name: 'UpstreamReleases', doc: 'Upstream release monitoring information.', single: true },
  { name: 'BuildSystem', doc: 'Declarative build system (rpm >= 4.20), e.g. `autotools`, `cmake`, `meson`, `pyproject`.', single: true, mainOnly: true, since: '4.20' },
  { name: 'BuildOption', doc: 'Options for a declarative build system section, e.g. `BuildOption(conf): --enable-foo` (rpm >= 4.20).', mainOnly: true, since: '4.20', qualifiers: ['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean'] },
];

// Each known tag's key, one string for the map and for every tag with it (lookups by key then find the
// map's own string).
const KEYED = TAGS.map((t) => [t.name.toLowerCase(), t] as const);
const BY_KEY = new Map(KEYED);
const KEY = new Map(KEYED.map(([k, t]) => [t, k]));

/** The info of a known tag by its canonical key (`Tag.key`: `source`, `buildrequires`). */
export function tagInfo(key: string): TagInfo | undefined {
  return BY_KEY.get(key);
}

/** rpmlint's obsolete tags: rpm no longer knows them. */
export const REMOVED_TAGS: Record<string, string> = { copyright: 'License', serial: 'Epoch' };

/**
 * Looks up a tag by name as written (`Source0`, `requires`). Returns the info, its key (`Tag.key`) and the
 * number, if any.
 */
export function lookupTag(written: string): { info: TagInfo; key: string; number?: number } | undefined {
  const lower = written.toLowerCase();
  const direct = BY_KEY.get(lower);
  if (direct) return { info: direct, key: KEY.get(direct)! };
  const m = /^(source|patch)(\d+)$/.exec(lower);
  if (m) {
    const info = BY_KEY.get(m[1])!;
    return { info, key: KEY.get(info)!, number: Number(m[2]) };
  }
  return undefined;
}
