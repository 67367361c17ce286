/**
 * The files a dist-git checkout keeps in its lookaside cache instead of in git, as its `sources` file
 * lists them: `SHA512 (name-1.0.tar.gz) = 1f…` (fedpkg, centpkg, the CentOS Stream and SIG repos) or
 * `d41d8…  name-1.0.tar.gz` (older md5 lines); and as the `.<package>.metadata` file of the
 * git.centos.org layout lists them: `da39a3…  SOURCES/name-1.0.tar.gz`. Only base names matter: rpm
 * looks a source up by its base name in `%{_sourcedir}`. Never throws; unreadable lines are skipped.
 */

const TAGGED = /^[A-Za-z0-9-]+ \((.+)\) = [0-9a-fA-F]+$/;
const PLAIN = /^[0-9a-fA-F]{32,128}\s+(\S.*)$/;

/** Base names of the files a `sources` or `.<package>.metadata` file lists. */
export function lookasideNames(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = TAGGED.exec(line) ?? PLAIN.exec(line);
    if (!m) continue;
    const name = m[1].trim().replace(/^.*\//, '');
    if (name) out.push(name);
  }
  return out;
}
