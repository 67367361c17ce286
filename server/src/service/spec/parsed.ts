/**
 * Parses each document version once; features share the tree. A small LRU keyed by URI. A new version of
 * a document is parsed incrementally from the previous version's tree (which it consumes: features do not
 * keep trees across versions; the save-time backends parse their own).
 */
import type { SpecDocument } from '../../rpm/ast';
import { reparseSpec } from '../../rpm/incremental';
import { parseSpec } from '../../rpm/parser';
import type { Settings } from '../settings';
import type { TextDoc } from '../types';
import { specDiagnostics } from './diagnostics';

const MAX = 24;
const cache = new Map<string, { text: string; doc: SpecDocument }>();

export function parsed(doc: TextDoc): SpecDocument {
  const hit = cache.get(doc.uri);
  cache.delete(doc.uri);
  if (hit && hit.text === doc.text) {
    cache.set(doc.uri, hit);
    return hit.doc;
  }
  const tree = hit ? reparseSpec(hit.doc, doc.text) : parseSpec(doc.text);
  cache.set(doc.uri, { text: doc.text, doc: tree });
  if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return tree;
}

/** Drops the tree kept for `uri` (the document was closed). */
export function forgetParsed(uri: string): void {
  cache.delete(uri);
}

/** Specs from this many lines on get the warm-up below. */
export const WARM_MIN_LINES = 3000;

/**
 * Runs two edits and their undos (a space at the end of a line in the middle; a `%global` line near the
 * top) through the incremental parse and the diagnostics of a large spec, so the user's first keystrokes do
 * not run that code cold: in the 61k-line texlive spec the first edits take two to three times as long as
 * the later ones otherwise (and the first macro definitions typed in its preamble 50 ms instead of 40 ms
 * at most). The tree kept for the document afterwards is one of its current text, with diagnostics computed.
 */
export function warmEditPath(doc: TextDoc, settings: Settings): boolean {
  const tree = parsed(doc);
  if (tree.lines.length < WARM_MIN_LINES) return false;
  const line = tree.lines[tree.lines.length >> 1];
  specDiagnostics(parsed({ ...doc, text: doc.text.slice(0, line.end) + ' ' + doc.text.slice(line.end) }), settings);
  specDiagnostics(parsed(doc), settings);
  // A macro definition typed near the top (where Version and Release are edited): the preamble is parsed
  // again and a new name enters the macro table.
  const top = tree.lines[Math.min(tree.lines.length - 1, 20)].start;
  specDiagnostics(parsed({ ...doc, text: doc.text.slice(0, top) + '%global warm_up 1\n' + doc.text.slice(top) }), settings);
  specDiagnostics(parsed(doc), settings);
  return true;
}
