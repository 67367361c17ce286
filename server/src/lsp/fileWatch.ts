/**
 * Watches the files diagnostics read besides the open documents (a spec's `%include` macro file, comps
 * files): the server asks the client to watch them (dynamic registration of
 * `workspace/didChangeWatchedFiles`, when the client supports it) and checks the open documents again when
 * one changes. Clients without it (Neovim 0.7) see a change at the next edit.
 */
import { type Connection, DidChangeWatchedFilesNotification, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { Logger } from './logger';

export class FileWatch {
  private readonly watched = new Set<string>();
  private registration: Promise<Disposable> | undefined;
  private dynamic = false;
  private relative = false;

  constructor(private readonly connection: Connection, private readonly log: Logger) {}

  /** From the client's capabilities (`initialize`). */
  configure(capabilities: { dynamicRegistration?: boolean; relativePatternSupport?: boolean } | undefined): void {
    this.dynamic = capabilities?.dynamicRegistration === true;
    this.relative = capabilities?.relativePatternSupport === true;
  }

  /**
   * Watches `paths` too (absolute file-system paths; one ending in `/` is a folder: its files coming, going
   * and changing); registers again only when there are new ones.
   */
  sync(paths: string[]): void {
    const fresh = paths.filter((p) => !this.watched.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) this.watched.add(p);
    if (!this.dynamic) return;
    const watchers: FileSystemWatcher[] = [...this.watched].map((path) => {
      const folder = path.endsWith('/');
      const p = folder ? `${path}*` : path;
      const slash = p.lastIndexOf('/');
      if (folder && !this.relative) return { globPattern: `**/${p.slice(p.lastIndexOf('/', slash - 1) + 1)}` };
      // Without relative patterns the glob matches the name anywhere; `changed` keeps only our paths.
      return { globPattern: this.relative ? { baseUri: URI.file(p.slice(0, slash) || '/').toString(), pattern: p.slice(slash + 1) } : `**/${p.slice(slash + 1)}` };
    });
    const previous = this.registration;
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.registration.catch((e) => this.log.error(`could not watch ${fresh.join(', ')}: ${e instanceof Error ? e.message : String(e)}`));
    previous?.then((d) => d.dispose(), () => undefined);
  }

  /** Whether a `workspace/didChangeWatchedFiles` event concerns a watched file, or a file in a watched folder. */
  changed(uris: string[]): boolean {
    return uris.some((u) => {
      if (!u.startsWith('file:')) return false;
      const path = URI.parse(u).fsPath;
      return this.watched.has(path) || this.watched.has(path.slice(0, path.lastIndexOf('/') + 1));
    });
  }
}
