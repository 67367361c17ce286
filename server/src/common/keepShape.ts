/**
 * Keeps one object of a short-lived class alive for the life of the process.
 *
 * V8 describes an object's layout by a hidden class, and the hidden class of a class's objects lives only as
 * long as one of them does. Optimized code is specialised to the hidden classes it has seen and is thrown away
 * when a garbage collection finds one of them dead. The server collects garbage while it is idle between
 * keystrokes (node/idleGc.ts), exactly when no parser, scanner or finding collector of the last analysis is
 * alive, so each such collection threw away the optimized code of the whole analysis: the next keystroke in a
 * 61k-line spec took 40-50 ms instead of 15. A module that defines such a class keeps one object of it here,
 * made by the same constructor the real ones run (the object is tiny: empty inputs).
 */
const kept: object[] = [];

export function keepShape<T extends object>(o: T): T {
  kept.push(o);
  return o;
}

/** How many objects are kept (for tests). */
export function keptShapes(): number {
  return kept.length;
}
