// The idle collector: one collection after the server has been idle for the delay, none while work goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposeGc, idleCollector } from '../../server/src/node/idleGc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('collects once after work stops, not while work goes on', async () => {
  let runs = 0;
  const idle = idleCollector(60, () => { runs++; });
  idle.touch();
  await sleep(30);
  idle.touch(); // more work: the delay starts again
  await sleep(40);
  assert.equal(runs, 0);
  await sleep(60);
  assert.equal(runs, 1);
  idle.touch();
  idle.dispose();
  await sleep(100);
  assert.equal(runs, 1);
});

test('the real collector is exposed at run time and frees garbage', () => {
  const gc = exposeGc();
  assert.equal(typeof gc, 'function');
  let garbage: unknown[] | undefined = Array.from({ length: 400000 }, (_, i) => ({ i, s: `x${i}` }));
  const before = process.memoryUsage().heapUsed;
  assert.equal(garbage.length, 400000);
  garbage = undefined;
  gc!();
  assert.ok(process.memoryUsage().heapUsed < before - 10_000_000, 'at least 10 MB freed');
});
