import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/common/lineIndex';

test('positions across LF, CRLF and CR line breaks', () => {
  const idx = new LineIndex('ab\ncd\r\nef\rgh');
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(idx.rangeAt({ start: 1, end: 8 }), { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } });
  assert.equal(idx.lineText(1), 'cd');
  assert.equal(idx.lineText(2), 'ef');
  assert.equal(idx.offsetAt({ line: 1, character: 99 }), 5);
  assert.equal(idx.offsetAt({ line: 9, character: 0 }), 12);
  assert.deepEqual(idx.positionAt(-4), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(999), { line: 3, character: 2 });
});
