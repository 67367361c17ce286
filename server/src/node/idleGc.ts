/**
 * When the server collects garbage itself. Every edit of a large spec leaves megabytes of old text and trees
 * behind (the text of a 61k-line spec alone is 2.9 MB, and each version is a new string). V8 collects that
 * only when its old generation reaches a limit it sets at up to four times the live heap, so while someone
 * typed in texlive.spec the server grew to 240 MB before V8 collected. Two triggers:
 * - growth: once the heap has grown by more than half the live heap (at least `minGrowthBytes`) since the
 *   last collection, a full collection runs right after the work that grew it, in the gap before the next
 *   keystroke (about 20 ms for a 61k-line spec, once every seven keystrokes or so; the peak while typing
 *   in it is about 145 MB instead of 240 MB);
 * - idle: a full collection once the server has been idle for `idleMs` after work.
 * Collections between analyses used to throw the analysis' optimized code away; common/keepShape.ts says why
 * and how that is avoided.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export interface IdleCollector {
  /** Work happened: collect now if the heap grew past the budget, else after `idleMs` without further work. */
  touch(): void;
  dispose(): void;
}

export interface CollectorOptions {
  idleMs?: number;
  /** The smallest growth that triggers a collection (the budget is half the live heap when that is larger). */
  minGrowthBytes?: number;
  gc?: (() => void) | undefined;
  /** Bytes in use on the heap. */
  heapUsed?: () => number;
}

export function idleCollector(options: CollectorOptions = {}): IdleCollector {
  const { idleMs = 3000, minGrowthBytes = 24 * 1024 * 1024, heapUsed = () => getHeapStatistics().used_heap_size } = options;
  const gc = 'gc' in options ? options.gc : exposeGc();
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;
  let live = heapUsed();
  const collect = () => {
    gc!();
    live = heapUsed();
  };
  return {
    touch() {
      if (!gc) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        collect();
      }, idleMs);
      timer.unref();
      if (!soon && heapUsed() - live > Math.max(minGrowthBytes, live / 2)) {
        // After the work's own callbacks (the publication is written by then), before the next message.
        soon = setImmediate(() => {
          soon = undefined;
          collect();
        });
      }
    },
    dispose() {
      if (timer) clearTimeout(timer);
      if (soon) clearImmediate(soon);
      timer = soon = undefined;
    },
  };
}
