/**
 * The package's [Epoch:]Version-Release as the profile's build gets them: the tags rpm reads for the
 * profile (a `Release:` per `%if` branch is common in SIG specs), expanded in file order with what is
 * defined above each, the Release also without its dist tag. Computed once per analysis for the checks
 * that compare against it (the changelog's latest entry, the dist tag).
 */
import { isInactive, type ConditionResult } from '../../rpm/conditions';
import { MapMacroTable } from '../../rpm/expand';
import type { SpecDocument, Tag } from '../../rpm/ast';
import type { DistroProfile } from '../../rpm/profiles';
import { expandKnown, macroTableWalker } from './macroEnv';
import type { ExternalMacros } from './macroFiles';

/** Expanded values are undefined when they need code or an undefined macro. */
export interface PackageIdentity {
  epoch?: Tag;
  version?: Tag;
  release?: Tag;
  /** Release is `%autorelease`: it has no value before a build. */
  autorelease: boolean;
  epochValue: string | undefined;
  versionValue: string | undefined;
  releaseValue: string | undefined;
  /** The Release with an empty `%{dist}`. */
  bareRelease: string | undefined;
  /** Expands `text` at `offset`, which must not come before the tags (the table walks forwards). */
  expandAt(text: string, offset: number): string | undefined;
}

export function packageIdentity(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, conditions: ConditionResult): PackageIdentity {
  const active = (key: string): Tag | undefined => doc.packages[0].tags.find((t) => t.key === key && !isInactive(conditions, t.start));
  const epoch = active('epoch');
  const version = active('version');
  const release = active('release');
  // The table is made only for a value written with macros.
  let walker: ReturnType<typeof macroTableWalker> | undefined;
  const expandAt = (text: string, offset: number, noDist = false): string | undefined => {
    if (!text.includes('%')) return text.trim();
    walker ??= macroTableWalker(doc, profile, external, { inactive: (o) => isInactive(conditions, o), sources: false });
    const table = noDist ? new MapMacroTable(walker.at(offset)).set('dist', '') : walker.at(offset);
    return expandKnown(text, table, 2000);
  };
  const autorelease = release !== undefined && /%\{?\??autorelease\b/.test(release.value);
  const values = new Map<Tag, string | undefined>();
  let bareRelease: string | undefined;
  if (!autorelease) {
    for (const t of [epoch, version, release].filter((x): x is Tag => x !== undefined).sort((a, b) => a.start - b.start)) {
      values.set(t, expandAt(t.value, t.start));
      if (t === release) bareRelease = expandAt(t.value, t.start, true);
    }
  }
  return {
    epoch, version, release, autorelease, bareRelease,
    epochValue: epoch ? values.get(epoch) : '',
    versionValue: version ? values.get(version) : undefined,
    releaseValue: release ? values.get(release) : undefined,
    expandAt: (text, offset) => expandAt(text, offset),
  };
}
