/**
 * rpmlint's `incoherent-version-in-changelog` (TagsCheck): the latest %changelog entry names another
 * [Epoch:]Version-Release than the package has — the usual slip after bumping the release for a SIG
 * rebuild (`2` -> `2.1`) without a new entry. Like rpmlint, the entry may leave the dist tag out
 * (`1.0-2` or `1.0-2.fc46`), and must carry the epoch when there is one. The values are the package
 * identity under the profile (identity.ts); a Release of %autorelease, a %changelog of %autochangelog, or a
 * value that needs code or an undefined macro is not judged.
 */
import type { Finding } from '../../../common/findings';
import { isInactive, type ConditionResult } from '../../../rpm/conditions';
import type { SpecDocument } from '../../../rpm/ast';
import type { DistroProfile } from '../../../rpm/profiles';
import type { PackageIdentity } from '../identity';

/** A dist tag in a release: `.fc46`, `.el9`, `.el9_3`, `.hs.el9`, `.hsx.el10`, `.eln145`. */
const DIST_TAG = /\.(?:hsx?\.)?(?:fc\d+|el\d+(?:_\d+)*|eln\d*)(?=[._+~^-]|$)/g;

export function changelogVersionFindings(doc: SpecDocument, profile: DistroProfile, id: PackageIdentity, conditions: ConditionResult): Finding[] {
  const entry = doc.changelog[0];
  // A header that ends in something else than a version (`… <mail> -`) is not judged.
  if (!entry?.evr || !entry.evrSpan || !/\d/.test(entry.evr) || isInactive(conditions, entry.headerSpan.start)) return [];
  if (!id.version || !id.release || id.autorelease) return [];
  const { versionValue: v, releaseValue: r, bareRelease: bare, epochValue: e } = id;
  const written = id.expandAt(entry.evr, entry.headerSpan.start);
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
