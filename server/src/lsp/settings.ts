/** Reads the `hyperscale` settings from the client, per document when the client supports it. */
import type { Connection } from 'vscode-languageserver/node';
import { normalizeSettings, type Settings } from '../service/settings';

export const SECTION = 'hyperscale';

export class SettingsStore {
  private pull = false;
  private global: Settings;
  private perUri = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection, initial: unknown) {
    this.global = normalizeSettings(initial);
  }

  /** Call once after `initialize` with whether the client answers `workspace/configuration`. */
  setPullSupported(pull: boolean): void {
    this.pull = pull;
  }

  /** A `workspace/didChangeConfiguration` arrived: forget cached values; push-style clients send the values. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    if (!this.pull && pushed && typeof pushed === 'object' && SECTION in pushed) {
      this.global = normalizeSettings((pushed as Record<string, unknown>)[SECTION]);
    }
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        .then((raw) => (raw == null ? this.global : normalizeSettings(raw)), () => this.global);
      this.perUri.set(uri, p);
    }
    return p;
  }
}
