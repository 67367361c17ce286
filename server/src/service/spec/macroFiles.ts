/**
 * Reads the files a spec takes macros from (`%include`, `%{load:}`; rpm/macroFiles.ts finds them) next to
 * the spec, as in a dist-git checkout, or in `../SOURCES/`, as in an rpmbuild tree. Their names count as
 * defined, hover shows their definitions and go-to-definition opens them; when one cannot be read, an
 * information diagnostic on its line says why, and the spec's undefined-macro check is off unless that line
 * is inactive for the profile (any name may come from it).
 */
import type { Finding } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { MapMacroTable } from '../../rpm/expand';
import { macroDefinitionsIn, macroFileRefs, type FileMacro } from '../../rpm/macroFiles';
import { decodeText, dirname, joinPath, pathToUri, uriToPath } from '../paths';
import { ParsedFiles } from '../parsedFiles';
import type { Host } from '../types';

/** A definition from a macro file, with where it is and how the spec reads it. */
export interface ExternalMacro extends FileMacro {
  /** The file, as a URI, and its name as the spec names it (`grub.macros`). */
  uri: string;
  file: string;
  /** Offset of the `%include`/`%{load:}` in the spec: the definition applies after it. */
  at: number;
}

/** What the spec's macro files contribute. */
export interface ExternalMacros {
  defs: ExternalMacro[];
  /** One information finding on each reference whose file could not be read: which names exist is then unknown. */
  unread: Finding[];
  /** Changes whenever the above do (part of the diagnostics cache key). */
  key: string;
}

export const NO_EXTERNAL_MACROS: ExternalMacros = { defs: [], unread: [], key: '' };

const files = new ParsedFiles((bytes) => macroDefinitionsIn(decodeText(bytes)), 4 * 1024 * 1024);

export async function externalMacros(doc: SpecDocument, uri: string, host: Host): Promise<ExternalMacros> {
  // Not cached in a WeakMap keyed by the tree: V8's young-generation collections treat its keys as live, so
  // every superseded tree would reach the old generation. The scan is a pass over the reference names.
  const refs = macroFileRefs(doc);
  if (refs.length === 0) return NO_EXTERNAL_MACROS;
  const specPath = uriToPath(uri);
  const defs: ExternalMacro[] = [];
  const unread: Finding[] = [];
  const keys: string[] = [];
  for (const ref of refs) {
    const found = ref.file !== undefined && specPath !== undefined ? await readDefs(host, dirname(specPath), ref.file) : undefined;
    if (found) {
      const fileUri = pathToUri(found.path);
      for (const d of found.defs) defs.push({ ...d, uri: fileUri, file: ref.file!, at: ref.span.start });
      keys.push(`${found.path}@${found.version}`);
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
  return { defs, unread, key: keys.join(',') };
}

/**
 * `base` with the definitions that apply whatever the build (not inside `%if`/`%ifarch` in their file): the
 * table the spec's conditions are evaluated with. (Values at a place in the spec come from macroEnv.ts's
 * walker, which applies each file's definitions from its `%include` on.)
 */
export function withExternal(base: MapMacroTable, external: ExternalMacros): MapMacroTable {
  if (external.defs.length === 0) return base;
  const table = new MapMacroTable(base);
  for (const d of external.defs) if (!d.conditional) table.set(d.name, d.body, d.params);
  return table;
}

/** The macro files read so far (absolute paths): editors watch them and re-check the specs when one changes. */
export function macroFilePaths(): string[] {
  return files.paths();
}

/** The definitions of `file` next to the spec (dist-git) or in ../SOURCES (rpmbuild tree). */
async function readDefs(host: Host, dir: string, file: string): Promise<{ path: string; version: string; defs: FileMacro[] } | undefined> {
  for (const rel of [file, `../SOURCES/${file}`]) {
    const path = joinPath(dir, rel);
    const found = path ? await files.get(host, path) : undefined;
    if (found) return { path: path!, version: found.version, defs: found.value };
  }
  return undefined;
}
