/**
 * Reads the files a spec takes macros from (`%include`, `%{load:}`; rpm/macroFiles.ts finds them) next to
 * the spec, as in a dist-git checkout, or in `../SOURCES/`, as in an rpmbuild tree. Their names count as
 * defined; when one cannot be read, an information diagnostic on its line says why, and the spec's
 * undefined-macro check is off unless that line is inactive for the profile (any name may come from it).
 */
import type { Finding } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { macroFileRefs, macroNamesDefinedIn } from '../../rpm/macroFiles';
import { dirname, joinPath, uriToPath } from '../paths';
import type { Host } from '../types';

/** What the spec's macro files contribute to its diagnostics. */
export interface ExternalMacros {
  /** Names the files define. */
  names: string[];
  /** One information finding on each reference whose file could not be read: which names exist is then unknown. */
  unread: Finding[];
  /** Changes whenever the above do (part of the diagnostics cache key). */
  key: string;
}

export const NO_EXTERNAL_MACROS: ExternalMacros = { names: [], unread: [], key: '' };

const MAX_BYTES = 4 * 1024 * 1024;
const cache = new Map<string, { mtimeMs: number; size: number; names: string[] }>();

export async function externalMacros(doc: SpecDocument, uri: string, host: Host): Promise<ExternalMacros> {
  // Not cached in a WeakMap keyed by the tree: V8's young-generation collections treat its keys as live, so
  // every superseded tree would reach the old generation. The scan is a pass over the reference names.
  const refs = macroFileRefs(doc);
  if (refs.length === 0) return NO_EXTERNAL_MACROS;
  const specPath = uriToPath(uri);
  const names: string[] = [];
  const unread: Finding[] = [];
  const keys: string[] = [];
  for (const ref of refs) {
    const found = ref.file !== undefined && specPath !== undefined ? await readNames(host, dirname(specPath), ref.file) : undefined;
    if (found) {
      names.push(...found.names);
      keys.push(`${found.path}@${found.mtimeMs}`);
      continue;
    }
    const why = ref.file === undefined
      ? `which file ${ref.written} is depends on the build`
      : specPath === undefined ? 'the spec is not saved in a folder' : `${ref.file} is neither next to the spec nor in ../SOURCES`;
    keys.push(`-${ref.line}`);
    unread.push({
      code: 'macro-file-unread', severity: 'information', source: 'rpm-spec', span: ref.span,
      message: `Macros from ${ref.shown} are unknown (${why}), so undefined macros are not reported for profiles that read this line`,
    });
  }
  return { names, unread, key: keys.join(',') };
}

async function readNames(host: Host, dir: string, file: string): Promise<{ path: string; mtimeMs: number; names: string[] } | undefined> {
  for (const rel of [file, `../SOURCES/${file}`]) {
    const path = joinPath(dir, rel);
    if (!path) continue;
    const st = await host.stat(path);
    if (!st || st.size > MAX_BYTES) continue;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { path, mtimeMs: st.mtimeMs, names: hit.names };
    const data = await host.readFile(path);
    if (!data) continue;
    const names = macroNamesDefinedIn(new TextDecoder().decode(data));
    cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, names });
    return { path, mtimeMs: st.mtimeMs, names };
  }
  return undefined;
}
