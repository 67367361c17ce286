/**
 * source-file-missing: a `SourceN:`/`PatchN:` whose file rpm will not find. rpm looks a source up by its
 * base name in `%{_sourcedir}` — the spec's folder in a dist-git checkout, `../SOURCES` in an rpmbuild
 * tree — and `rpmbuild -bs` (what Koji and CBS run first) stops with "Bad file: <dir>/<name>: No such file
 * or directory" when it is not there. In dist-git a tarball is there once `fedpkg sources`/`centpkg
 * sources` fetched it from the lookaside cache, so a name the `sources` file lists counts as there. The
 * folder's files come from the service (sourceFolder.ts); this check is pure. `NoSource`/`NoPatch` numbers
 * are left out of the source package, so not needed. Entries of `%sourcelist`/`%patchlist` are checked too.
 */
import type { Finding } from '../../../common/findings';
import { likelyTypos } from '../../../common/similar';
import { basename } from '../../paths';
import type { SpecDocument } from '../../../rpm/ast';

/** The files rpm can take sources from, and how to say where they were looked for. */
export interface SourceFolder {
  /** Base names: files in `%{_sourcedir}` and names the lookaside list has. */
  names: ReadonlySet<string>;
  /** `%{_sourcedir}`, for rpm's message. */
  dir: string;
  /** Where the name was looked for, completing "Patch1 x.patch is …": "not in ../SOURCES". */
  where: string;
  /** Whether a lookaside list (`sources`, `.<package>.metadata`) was read: a remote source belongs there. */
  lookaside: boolean;
  /** The names that list has. */
  listed: ReadonlySet<string>;
  /**
   * Whether a source given by URL must be there too. Not in a plain git checkout: COPR's and rpkg's builds
   * from git fetch those (spectool); in dist-git and rpmbuild trees rpm does not (`_disable_source_fetch`).
   */
  remoteToo: boolean;
  /** Changes whenever the above do (part of the diagnostics cache key). */
  key: string;
}

export function sourceFileFindings(doc: SpecDocument, folder: SourceFolder, expand: (value: string, at: number) => string | undefined): Finding[] {
  const out: Finding[] = [];
  const skipped = new Set<string>();
  for (const t of doc.tags) {
    if (t.key !== 'nosource' && t.key !== 'nopatch') continue;
    for (const n of t.value.split(/[\s,]+/)) if (/^\d+$/.test(n)) skipped.add(`${t.key === 'nosource' ? 'source' : 'patch'}${Number(n)}`);
  }
  /** One source: `written` is `text[start, end)`, named `label` in the message. */
  const check = (label: string, written: string, start: number, end: number) => {
    const value = written.includes('%') ? expand(written, start) : written;
    if (value === undefined) return;
    const name = basename(value);
    if (!name || folder.names.has(name)) return;
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
    if (remote && !folder.remoteToo) return;
    // After a version bump the list still names the old tarball: say so.
    const older = remote && folder.lookaside ? likelyTypos(name, folder.listed)[0] : undefined;
    const upload = remote && folder.lookaside
      ? ` (fedpkg/centpkg new-sources uploads it and lists it there${older ? `; it lists ${older}: a version bump without new-sources?` : ''})`
      : '';
    const finding: Finding = {
      code: 'source-file-missing', severity: 'warning', source: 'rpm-spec', span: { start, end },
      message: `${label} ${name} is ${folder.where}${upload}: rpmbuild stops with "Bad file: ${folder.dir}/${name}: No such file or directory"`,
    };
    // A misspelt name of a file that is there: the fix rewrites the name where it is written as is.
    const at = written.lastIndexOf(name);
    if (!remote && at >= 0 && at + name.length === written.length) {
      const near = likelyTypos(name, folder.names);
      if (near.length) finding.data = { nameStart: start + at, suggestions: near };
    }
    out.push(finding);
  };
  for (const t of doc.tags) {
    if ((t.key !== 'source' && t.key !== 'patch') || !t.known || t.valueEnd <= t.valueStart) continue;
    if (skipped.size && skipped.has(`${t.key}${t.number ?? 0}`)) continue;
    check(t.name, t.value, t.valueStart, t.valueEnd);
  }
  // rpm 4.15's %sourcelist and %patchlist: a file name per line (Fedora's rpm.spec lists its patches so).
  for (const s of doc.sections) {
    if (s.name !== 'sourcelist' && s.name !== 'patchlist') continue;
    for (let i = s.line + 1; i <= s.endLine && i < doc.lines.length; i++) {
      const l = doc.lines[i];
      const text = doc.text.slice(l.start, l.end);
      const lead = text.length - text.trimStart().length;
      const entry = text.trim();
      // Blank lines, comments and directives (%if…) are not entries; `%{name}-x.patch` is.
      if (!entry || entry.startsWith('#') || /^%[A-Za-z]/.test(entry)) continue;
      check(`%${s.name} entry`, entry, l.start + lead, l.start + lead + entry.length);
    }
  }
  return out;
}
