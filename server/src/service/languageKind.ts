/** Decides which language a document is, from its language id, its name and (for XML) its root element. */
import type { LanguageKind } from './types';

const SPEC_IDS = new Set(['rpm-spec', 'rpmspec', 'spec', 'rpm']);

/** True when the text's first element is `<image …>` (skipping the XML declaration, comments, DOCTYPE). */
export function hasImageRoot(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const re = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|![^>]*>|([A-Za-z_][\w.:-]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    if (m[2]) return m[2] === 'image';
  }
  return false;
}

/** The file name a URI ends with, decoded (as written when its escapes are malformed). */
export function baseName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function kindOfDocument(uri: string, languageId: string, text: string): LanguageKind | undefined {
  if (SPEC_IDS.has(languageId)) return 'rpm-spec';
  if (languageId === 'kiwi') return 'kiwi';
  const name = baseName(uri);
  if (name.endsWith('.spec')) return 'rpm-spec';
  if (name.endsWith('.kiwi')) return 'kiwi';
  if (name.endsWith('.xml') && hasImageRoot(text)) return 'kiwi';
  return undefined;
}
