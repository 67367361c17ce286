// Spec trees compared as data in the incremental-parse tests.
import type { SpecDocument } from '../../../server/src/rpm/ast';

/** A tree as plain data: sets sorted, shared objects written out where they occur. */
export function plain(doc: SpecDocument): unknown {
  return JSON.parse(JSON.stringify(doc, (_k, v) => (v instanceof Set ? [...v].sort() : v)));
}
