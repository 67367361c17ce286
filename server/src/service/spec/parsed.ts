/** Parses each document version once; features share the tree. A small LRU keyed by URI. */
import type { SpecDocument } from '../../rpm/ast';
import { parseSpec } from '../../rpm/parser';
import type { TextDoc } from '../types';

const MAX = 24;
const cache = new Map<string, { version: number; text: string; doc: SpecDocument }>();

export function parsed(doc: TextDoc): SpecDocument {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.text === doc.text) {
    cache.delete(doc.uri);
    cache.set(doc.uri, hit);
    return hit.doc;
  }
  const tree = parseSpec(doc.text);
  cache.delete(doc.uri);
  cache.set(doc.uri, { version: doc.version, text: doc.text, doc: tree });
  if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return tree;
}
