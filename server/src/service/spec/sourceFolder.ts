/**
 * Where rpm will take a spec's sources from, recognised by the folder the spec is in (through the host):
 * - a dist-git checkout (fedpkg, centpkg, CentOS Stream and SIG repos): a `sources` file next to the spec
 *   lists the lookaside files; `%{_sourcedir}` is the spec's folder;
 * - a git checkout without one: every local source is a file in git next to the spec (sources given by URL
 *   are fetched by COPR's and rpkg's builds from git);
 * - `SPECS/` beside `SOURCES/` (an rpmbuild tree, or git.centos.org's layout with its
 *   `.<package>.metadata` lookaside list): `%{_sourcedir}` is `../SOURCES`.
 * Anything else (a spec on its own, a folder of unrelated specs): unknown, and the check is off.
 * Folders are listed on each diagnostics run (a stat and a readdir); the lookaside list is parsed once per
 * version (an unsaved edit in the editor counts).
 */
import { lookasideNames } from '../../rpm/lookaside';
import { ParsedFiles } from '../parsedFiles';
import { basename, decodeText, dirname, joinPath, uriToPath } from '../paths';
import type { Host } from '../types';
import type { SourceFolder } from './checks/sourceFiles';

const lists = new ParsedFiles((bytes) => lookasideNames(decodeText(bytes)), 4 * 1024 * 1024);
/** Folders listed so far, with a trailing `/` (editors watch them for files coming and going). */
const folders = new Set<string>();
const sets = new Map<string, { key: string; names: ReadonlySet<string>; listed: ReadonlySet<string> }>();

export async function sourceFolder(uri: string, host: Host): Promise<SourceFolder | undefined> {
  const specPath = uriToPath(uri);
  if (!specPath || !host.listDir) return undefined;
  const dir = dirname(specPath);
  const here = await host.listDir(dir);
  if (!here) return undefined;
  if (here.names.includes('sources')) {
    const path = joinPath(dir, 'sources')!;
    const listed = await lists.get(host, path);
    return folder(dir, `${dir}@${here.mtimeMs}|${listed?.version ?? '-'}`, here.names, listed?.value ?? [], "neither in the spec's folder nor listed in its sources file", true);
  }
  if (basename(dir) === 'SPECS') {
    const parent = dirname(dir);
    const up = await host.listDir(parent);
    const metadata = up?.names.filter((n) => /^\..+\.metadata$/.test(n)) ?? [];
    if (up && (up.names.includes('SOURCES') || metadata.length)) {
      const sourcesDir = joinPath(parent, 'SOURCES')!;
      const there = await host.listDir(sourcesDir);
      const keys = [`${sourcesDir}@${there?.mtimeMs ?? '-'}`];
      const listedNames: string[] = [];
      for (const m of metadata) {
        const listed = await lists.get(host, joinPath(parent, m)!);
        keys.push(`${m}@${listed?.version ?? '-'}`);
        if (listed) listedNames.push(...listed.value);
      }
      const where = metadata.length ? `neither in ../SOURCES nor listed in ${metadata.join(', ')}` : 'not in ../SOURCES';
      return folder(sourcesDir, keys.join('|'), there?.names ?? [], listedNames, where, metadata.length > 0);
    }
  }
  if (here.names.includes('.git')) return folder(dir, `${dir}@${here.mtimeMs}|git`, here.names, [], "not in the spec's folder (it has no sources file listing lookaside files)", false, false);
  return undefined;
}

/** The folder rpm takes sources from, `dir`: its files and the lookaside list's names `listed` (watched from now on). */
function folder(dir: string, key: string, files: readonly string[], listed: readonly string[], where: string, lookaside: boolean, remoteToo = true): SourceFolder {
  folders.add(`${dir}/`);
  let hit = sets.get(dir);
  if (!hit || hit.key !== key) {
    hit = { key, names: new Set([...files, ...listed]), listed: new Set(listed) };
    sets.set(dir, hit);
  }
  return { names: hit.names, listed: hit.listed, dir, where, lookaside, remoteToo, key };
}

/** The lookaside lists read and the folders listed (with a trailing `/`): editors watch them. */
export function sourceFolderPaths(): string[] {
  return [...lists.paths(), ...folders];
}
