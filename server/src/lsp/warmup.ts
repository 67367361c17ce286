/**
 * Once per opened document, after some idle time following the publication of its diagnostics, lets the
 * service prepare for the first edit (`LanguageService.warm`). An edit before then postpones it to the next
 * quiet moment; closing the document forgets it.
 */
export class WarmUp {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly done = new Set<string>();

  constructor(private readonly run: (uri: string, version: number) => void, private readonly delayMs = 300) {}

  /** Diagnostics of `version` were published. */
  published(uri: string, version: number): void {
    if (this.done.has(uri)) return;
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.done.add(uri);
      this.run(uri, version);
    }, this.delayMs);
    timer.unref();
    this.timers.set(uri, timer);
  }

  /** The document changed: not now. */
  changed(uri: string): void {
    this.cancel(uri);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.done.delete(uri);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}
