// Kept shapes: a collection while no object of a short-lived class is alive leaves the code optimized for that
// class optimized (common/keepShape.ts). The control class shows the collection does throw such code away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { exposeGc } from '../../../server/src/node/idleGc';
import { keepShape, keptShapes } from '../../../server/src/common/keepShape';
import { NextChar } from '../../../server/src/rpm/reader';

setFlagsFromString('--allow-natives-syntax');
const natives = new Function('f', 'what', `
  if (what === 'prepare') return %PrepareFunctionForOptimization(f);
  if (what === 'optimize') return %OptimizeFunctionOnNextCall(f);
  return %GetOptimizationStatus(f);`) as (f: unknown, what?: string) => number;
const TURBOFANNED = 1 << 6; // V8's OptimizationStatus::kTurboFanned

class Probe {
  pos = -2;
  constructor(readonly text: string, readonly ch: string) {}
}

test('keeps what it is given', () => {
  const before = keptShapes();
  const o = { kept: true };
  assert.equal(keepShape(o), o);
  assert.equal(keptShapes(), before + 1);
});

test('code optimized for a kept class stays optimized through a collection; for another class it does not', () => {
  const gc = exposeGc();
  assert.ok(gc);
  const raws: Array<[string, (make: unknown, t: string) => number, (t: string) => object]> = [
    ['NextChar (kept by reader.ts)', new Function('make', 't', 'const o = make(t); return o.at(0) + o.at(1);') as never, (t) => new NextChar(t, 'b')],
    ['Probe (not kept)', new Function('make', 't', 'const o = make(t); return o.text.length + o.pos;') as never, (t) => new Probe(t, 'b')],
  ];
  const status: Record<string, [boolean, boolean]> = {};
  for (const [name, raw, make] of raws) {
    natives(raw, 'prepare');
    raw(make, 'ab');
    raw(make, 'abc');
    natives(raw, 'optimize');
    raw(make, 'abcd');
    const before = (natives(raw) & TURBOFANNED) !== 0;
    gc!();
    gc!();
    status[name] = [before, (natives(raw) & TURBOFANNED) !== 0];
  }
  assert.deepEqual(status, {
    'NextChar (kept by reader.ts)': [true, true],
    'Probe (not kept)': [true, false],
  });
});
