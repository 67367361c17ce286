// The collector: one collection after the server has been idle for the delay, none while work goes on, and one
// right after work that grew the heap past its budget (half the live heap, at least a minimum).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposeGc, idleCollector } from '../../server/src/node/idleGc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('collects once after work stops, not while work goes on', async () => {
  let runs = 0;
  const idle = idleCollector({ idleMs: 60, gc: () => { runs++; }, heapUsed: () => 0 });
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

test('collects right after the work that grew the heap past half the live heap or the minimum, once', async () => {
  let runs = 0;
  let used = 40; // live heap 40 at the start; budget max(10, 40 / 2) = 20
  const idle = idleCollector({ idleMs: 10_000, minGrowthBytes: 10, gc: () => { runs++; used = 50; }, heapUsed: () => used });
  used = 60; // grown by 20: not more than the budget
  idle.touch();
  await sleep(5);
  assert.equal(runs, 0);
  used = 61;
  idle.touch();
  idle.touch(); // a second touch before the collection ran schedules no second one
  assert.equal(runs, 0, 'not inside the work itself');
  await sleep(5);
  assert.equal(runs, 1);
  used = 75; // live is now 50, budget 25: grown by 25, not more
  idle.touch();
  await sleep(5);
  assert.equal(runs, 1);
  used = 76;
  idle.touch();
  await sleep(5);
  assert.equal(runs, 2);
  idle.dispose();
});

test('a small heap is collected after the minimum growth', async () => {
  let runs = 0;
  let used = 1;
  const idle = idleCollector({ idleMs: 10_000, minGrowthBytes: 10, gc: () => { runs++; used = 1; }, heapUsed: () => used });
  used = 11;
  idle.touch();
  await sleep(5);
  assert.equal(runs, 0);
  used = 12;
  idle.touch();
  await sleep(5);
  assert.equal(runs, 1);
  idle.dispose();
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
