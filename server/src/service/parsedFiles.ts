/**
 * Files on disk parsed once per version: a file is read and parsed again only when its size or
 * modification time changed (KIWI include targets, a spec's macro files, git HEAD files).
 */
import type { Host } from './types';

export class ParsedFiles<T> {
  private readonly cache = new Map<string, { version: string; value: T }>();

  constructor(private readonly parse: (bytes: Uint8Array) => T, private readonly maxBytes = Infinity) {}

  /** The parsed file and its version (`size:mtime`); undefined when it is missing, larger than allowed or unreadable. */
  async get(host: Host, path: string): Promise<{ value: T; version: string } | undefined> {
    const st = await host.stat(path);
    if (!st || st.size > this.maxBytes) return undefined;
    const version = `${st.size}:${st.mtimeMs}`;
    const hit = this.cache.get(path);
    if (hit && hit.version === version) return hit;
    const bytes = await host.readFile(path);
    if (!bytes) return undefined;
    const entry = { version, value: this.parse(bytes) };
    this.cache.set(path, entry);
    return entry;
  }

  /** The paths read so far. */
  paths(): string[] {
    return [...this.cache.keys()];
  }

  clear(): void {
    this.cache.clear();
  }
}
