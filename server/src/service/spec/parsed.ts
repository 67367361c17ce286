/**
 * Parses each document version once; features share the tree. A small LRU keyed by URI. A new version of
 * a document is parsed incrementally from the previous version's tree (which it consumes: features do not
 * keep trees across versions; the save-time backends parse their own).
 */
import type { SpecDocument } from '../../rpm/ast';
import { reparseSpec } from '../../rpm/incremental';
import { parseSpec } from '../../rpm/parser';
import type { TextDoc } from '../types';

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
