/**
 * A description as the checks see it: the file being edited plus what its includes resolved to (read by
 * the service through the host), the comps data in use, the mode, and facts about neighbouring files.
 */
import type { CompsIndex } from '../comps/comps';
import type { Include, KiwiFile, Profile } from './model';

export type IncludeResolution =
  | { include: Include; path: string; status: 'ok'; file: KiwiFile }
  | { include: Include; path: string; status: 'missing' | 'not-local' | 'outside' };

export interface Description {
  /** The file being checked (findings are reported in it). */
  file: KiwiFile;
  includes: IncludeResolution[];
  /** When `file` is a fragment included by another description: that parent (for profiles etc.). */
  parent?: { file: KiwiFile; includes: IncludeResolution[]; path: string };
  comps?: CompsIndex;
  mode: 'dnf' | 'koji';
  /** Whether a file relative to the description's folder exists (archives, config.sh). */
  exists: (relativePath: string) => boolean;
  /** Text of a neighbouring file (config.sh, images.sh), if present. */
  neighbour: (name: string) => string | undefined;
}

/** All files that make up the description: parent (if any), the file, and every resolved include. */
export function allFiles(d: Description): KiwiFile[] {
  const top = d.parent ? [d.parent.file, ...okIncludes(d.parent.includes)] : [d.file, ...okIncludes(d.includes)];
  if (d.parent && !top.includes(d.file)) top.push(d.file);
  return top;
}

function okIncludes(list: IncludeResolution[]): KiwiFile[] {
  return list.flatMap((r) => (r.status === 'ok' ? [r.file] : []));
}

export function allProfiles(d: Description): Profile[] {
  return allFiles(d).flatMap((f) => f.profiles);
}
