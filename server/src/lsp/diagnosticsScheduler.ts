/**
 * Runs diagnostics after edits: waits `debounceMs`, cancels work for an older version when a newer
 * one arrives, and never publishes diagnostics for a version that is no longer current.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Cancellation } from '../service/types';

interface Pending {
  version: number;
  timer?: NodeJS.Timeout;
  token: { isCancellationRequested: boolean };
}

export interface SchedulerDeps {
  current(uri: string): TextDocument | undefined;
  debounceMs(uri: string): Promise<number>;
  compute(doc: TextDocument, token: Cancellation): Promise<Diagnostic[]>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  onError(uri: string, error: unknown): void;
}

export class DiagnosticsScheduler {
  private pending = new Map<string, Pending>();

  constructor(private readonly deps: SchedulerDeps) {}

  schedule(doc: TextDocument): void {
    this.cancel(doc.uri);
    const entry: Pending = { version: doc.version, token: { isCancellationRequested: false } };
    this.pending.set(doc.uri, entry);
    void this.deps.debounceMs(doc.uri).then((ms) => {
      if (entry.token.isCancellationRequested) return;
      const run = () => void this.run(doc.uri, entry);
      if (ms > 0) entry.timer = setTimeout(run, ms);
      else setImmediate(run);
    });
  }

  cancel(uri: string): void {
    const old = this.pending.get(uri);
    if (!old) return;
    old.token.isCancellationRequested = true;
    if (old.timer) clearTimeout(old.timer);
    this.pending.delete(uri);
  }

  private async run(uri: string, entry: Pending): Promise<void> {
    if (entry.token.isCancellationRequested) return;
    const doc = this.deps.current(uri);
    if (!doc || doc.version !== entry.version) return;
    try {
      const diagnostics = await this.deps.compute(doc, entry.token);
      const now = this.deps.current(uri);
      if (entry.token.isCancellationRequested || !now || now.version !== entry.version) return;
      this.deps.publish(uri, entry.version, diagnostics);
    } catch (e) {
      this.deps.onError(uri, e);
    } finally {
      if (this.pending.get(uri) === entry) this.pending.delete(uri);
    }
  }
}
