/**
 * rpmlint's `incoherent-version-in-changelog` (TagsCheck): the latest %changelog entry names another
 * [Epoch:]Version-Release than the package has — the usual slip after bumping the release for a SIG
 * rebuild (`2` -> `2.1`) without a new entry. Like rpmlint, the entry may leave the dist tag out
 * (`1.0-2` or `1.0-2.fc46`), and must carry the epoch when there is one. The values are expanded with the
 * spec's macros under the profile; a Release of %autorelease, a %changelog of %autochangelog, or a value
 * that needs code or an undefined macro is not judged.
 */
import type { Finding } from '../../../common/findings';
import { isInactive, type ConditionResult } from '../../../rpm/conditions';
import { expandMacros, MapMacroTable } from '../../../rpm/expand';
import type { SpecDocument, Tag } from '../../../rpm/ast';
import type { DistroProfile } from '../../../rpm/profiles';
import { macroTableWalker } from '../macroEnv';
import type { ExternalMacros } from '../macroFiles';

/** A dist tag in a release: `.fc46`, `.el9`, `.el9_3`, `.hs.el9`, `.hsx.el10`, `.eln145`. */
const DIST_TAG = /\.(?:hsx?\.)?(?:fc\d+|el\d+(?:_\d+)*|eln\d*)(?=[._+~^-]|$)/g;

export function changelogVersionFindings(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, conditions: ConditionResult): Finding[] {
  const entry = doc.changelog[0];
  // A header that ends in something else than a version (`… <mail> -`) is not judged.
  if (!entry?.evr || !entry.evrSpan || !/\d/.test(entry.evr) || isInactive(conditions, entry.headerSpan.start)) return [];
  // The tags rpm reads for this profile (a Release: per %if branch is common in SIG specs).
  const active = (key: string): Tag | undefined => doc.packages[0].tags.find((t) => t.key === key && !isInactive(conditions, t.start));
  const version = active('version');
  const release = active('release');
  const epoch = active('epoch');
  if (!version || !release || /%\{?\??autorelease\b/.test(release.value)) return [];
  const walker = macroTableWalker(doc, profile, external, { inactive: (offset) => isInactive(conditions, offset), sources: false });
  const expand = (text: string, at: number, noDist = false): string | undefined => {
    if (!text.includes('%')) return text.trim();
    const table = noDist ? new MapMacroTable(walker.at(at)).set('dist', '') : walker.at(at);
    const r = expandMacros(text, table, { maxDepth: 32, maxLength: 2000 });
    return r.unknown || r.undefined.length || r.text.includes('%') ? undefined : r.text.trim();
  };
  // In file order, each with what is defined above it; the release also without the dist tag.
  const values = new Map<Tag, [string | undefined, string | undefined]>();
  for (const t of [epoch, version, release].filter((x): x is Tag => x !== undefined).sort((a, b) => a.start - b.start)) {
    values.set(t, [expand(t.value, t.start), t === release ? expand(t.value, t.start, true) : undefined]);
  }
  const [v] = values.get(version)!;
  const [r, bare] = values.get(release)!;
  const e = epoch ? values.get(epoch)![0] : '';
  const written = expand(entry.evr, entry.headerSpan.start);
  if (v === undefined || r === undefined || bare === undefined || e === undefined || written === undefined) return [];
  const head = `${e ? `${e}:` : ''}${v}-`;
  // A dist tag written in the entry need not be the profile's (`.el9_3` of a RHEL z-stream build).
  if (written === head + r || written === head + bare || written.replace(DIST_TAG, '') === head + bare) return [];
  return [{
    code: 'incoherent-version-in-changelog', severity: 'warning', source: 'rpmlint', span: entry.evrSpan,
    message: `The latest %changelog entry is for ${written}, but the package is ${head + bare}${r !== bare ? ` (${head + r} with ${profile.id}'s dist)` : ''}: add an entry for this release, or correct this one`,
    data: { replacement: head + bare },
  }];
}
