// The warm-up scheduling: once per opened document, after a quiet moment following a publication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WarmUp } from '../../server/src/lsp/warmup';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('runs once per opened document, after the delay, with the version published', async () => {
  const runs: string[] = [];
  const w = new WarmUp((uri, version) => runs.push(`${uri}@${version}`), 40);
  w.published('a', 1);
  await sleep(20);
  assert.deepEqual(runs, []);
  await sleep(50);
  assert.deepEqual(runs, ['a@1']);
  w.published('a', 2); // already warmed up: not again
  await sleep(70);
  assert.deepEqual(runs, ['a@1']);
  w.closed('a'); // reopened later: once more
  w.published('a', 1);
  await sleep(70);
  assert.deepEqual(runs, ['a@1', 'a@1']);
});

test('an edit before the delay postpones it to the next publication', async () => {
  const runs: string[] = [];
  const w = new WarmUp((uri, version) => runs.push(`${uri}@${version}`), 40);
  w.published('b', 1);
  await sleep(20);
  w.changed('b');
  await sleep(50);
  assert.deepEqual(runs, []);
  w.published('b', 2);
  await sleep(20);
  w.published('b', 3); // a newer publication restarts the delay
  await sleep(30);
  assert.deepEqual(runs, []);
  await sleep(30);
  assert.deepEqual(runs, ['b@3']);
  w.published('c', 1);
  w.closed('c');
  await sleep(70);
  assert.deepEqual(runs, ['b@3']);
});
