/**
 * `release-without-dist`: the Release the profile's build gets has no dist tag. Fedora's guidelines ask for
 * `%{?dist}`, and in a shared Koji such as CBS the dist tag (`.hs.el9`) is what keeps a SIG's build apart
 * from another's build of the same version: Koji refuses a second build of one name-version-release.
 * The value is the package identity's (identity.ts: a macro that carries the dist counts); `%autorelease` carries it;
 * a value that needs code or an undefined macro is not judged.
 */
import type { Finding } from '../../../common/findings';
import type { DistroProfile } from '../../../rpm/profiles';
import type { PackageIdentity } from '../identity';

export function releaseDistFindings(profile: DistroProfile, id: PackageIdentity): Finding[] {
  const dist = profile.macros.dist;
  const { release, releaseValue } = id;
  if (!dist || !release || id.autorelease || releaseValue === undefined || releaseValue.includes(dist)) return [];
  return [{
    code: 'release-without-dist', severity: 'warning', source: 'rpm-spec', span: { start: release.valueStart, end: release.valueEnd },
    message: `Release is ${releaseValue} under ${profile.id}, without the dist tag ${dist}: add %{?dist} (Koji refuses a second build of one name-version-release, and the dist tag keeps this build apart)`,
    data: { replacement: `${release.value}%{?dist}` },
  }];
}
