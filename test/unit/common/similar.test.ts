// Bounded edit distance (with swaps of neighbours) and the closest-words lookup behind "did you mean" fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestWords, editDistance, likelyTypos } from '../../../server/src/common/similar';

test('edit distance: insertions, deletions, substitutions, neighbour swaps; bounded', () => {
  assert.equal(editDistance('_libdir', '_libdir', 2), 0);
  assert.equal(editDistance('_libdri', '_libdir', 2), 1); // swap
  assert.equal(editDistance('_libdr', '_libdir', 2), 1); // insertion
  assert.equal(editDistance('_bindirx', '_bindir', 2), 1); // deletion
  assert.equal(editDistance('_sbinidr', '_bindir', 2), 2); // a deletion and a swap
  assert.equal(editDistance('_sbinidr', '_bindir', 1), 2); // beyond the bound: max + 1
  assert.equal(editDistance('a', 'abcdef', 2), 3);
  assert.equal(editDistance('', 'ab', 2), 2);
});

test('closest words: within the bound, closest first, then in the given order; not the word itself', () => {
  const names = ['_libdir', '_bindir', '_lib', '_libexecdir', '_sbindir', '_libdir'];
  assert.deepEqual(closestWords('_libdri', names, 2, 3), ['_libdir']);
  assert.deepEqual(closestWords('_bndir', names, 2, 3), ['_bindir', '_sbindir']);
  assert.deepEqual(closestWords('_libdir', names, 1, 3), []);
  assert.deepEqual(closestWords('xyz', names, 1, 3), []);
});

test('likely typos: one edit for short names, two from 10 characters on, at most three', () => {
  assert.deepEqual(likelyTypos('_bndir', ['_bindir', '_mandir']), ['_bindir']);
  assert.deepEqual(likelyTypos('_libexcedri', ['_libexecdir']), ['_libexecdir']);
  assert.deepEqual(likelyTypos('abc_z', ['abc_a', 'abc_b', 'abc_c', 'abc_d']), ['abc_a', 'abc_b', 'abc_c']);
});
