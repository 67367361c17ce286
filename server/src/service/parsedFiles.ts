/**
 * Files parsed once per version: a file is read and parsed again only when its size or modification time
 * changed, or, when it is open in the editor, its text (KIWI include targets, a spec's macro files, git HEAD files).
 */
import type { FileStat, Host } from './types';

/** What a cached copy of a file is keyed by: the editor's version when it is open, else size and mtime. */
export function fileVersion(st: FileStat): string {
  return st.open ?? `${st.size}:${st.mtimeMs}`;
}

export class ParsedFiles<T> {
  private readonly cache = new Map<string, { version: string; value: T }>();

  constructor(private readonly parse: (bytes: Uint8Array) => T, private readonly maxBytes = Infinity) {}

  /** The parsed file and its version (`size:mtime`, or the editor's version); undefined when it is missing, larger than allowed or unreadable. */
  async get(host: Host, path: string): Promise<{ value: T; version: string } | undefined> {
    const st = await host.stat(path);
    if (!st || st.size > this.maxBytes) return undefined;
    const version = fileVersion(st);
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
