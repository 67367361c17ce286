/**
 * `release-without-dist`: the Release the profile's build gets has no dist tag. Fedora's guidelines ask for
 * `%{?dist}`, and in a shared Koji such as CBS the dist tag (`.hs.el9`) is what keeps a SIG's build apart
 * from another's build of the same version: Koji refuses a second build of one name-version-release.
 * The value is expanded under the profile (a macro that carries the dist counts); `%autorelease` carries it;
 * a value that needs code or an undefined macro is not judged.
 */
import type { Finding } from '../../../common/findings';
import { isInactive, type ConditionResult } from '../../../rpm/conditions';
import { expandMacros } from '../../../rpm/expand';
import type { SpecDocument } from '../../../rpm/ast';
import type { DistroProfile } from '../../../rpm/profiles';
import { macroTableWalker } from '../macroEnv';
import type { ExternalMacros } from '../macroFiles';

export function releaseDistFindings(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, conditions: ConditionResult): Finding[] {
  const dist = profile.macros.dist;
  const release = doc.packages[0].tags.find((t) => t.key === 'release' && !isInactive(conditions, t.start));
  if (!dist || !release || /%\{?\??autorelease\b/.test(release.value)) return [];
  const walker = macroTableWalker(doc, profile, external, { inactive: (offset) => isInactive(conditions, offset), sources: false });
  const r = release.value.includes('%') ? expandMacros(release.value, walker.at(release.start), { maxDepth: 32, maxLength: 2000 }) : { text: release.value, unknown: false, undefined: [] };
  if (r.unknown || r.undefined.length || r.text.includes('%') || r.text.includes(dist)) return [];
  return [{
    code: 'release-without-dist', severity: 'warning', source: 'rpm-spec', span: { start: release.valueStart, end: release.valueEnd },
    message: `Release is ${r.text.trim()} under ${profile.id}, without the dist tag ${dist}: add %{?dist} (Koji refuses a second build of one name-version-release, and the dist tag keeps this build apart)`,
    data: { replacement: `${release.value}%{?dist}` },
  }];
}
