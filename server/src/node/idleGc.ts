/**
 * A full garbage collection once the server has been idle for a while after work. Every edit of a large
 * spec leaves megabytes of old text and trees behind; V8 keeps the heap grown until it needs the space,
 * so without this a server that analysed a 60k-line spec stays hundreds of megabytes large while idle.
 */
import { setFlagsFromString } from 'node:v8';
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
  /** Work happened: collect after `delayMs` without further work. */
  touch(): void;
  dispose(): void;
}

export function idleCollector(delayMs = 3000, gc = exposeGc()): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  return {
    touch() {
      if (!gc) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        gc();
      }, delayMs);
      timer.unref();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
