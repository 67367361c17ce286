// An in-memory Host for service tests: files by absolute path, a fixed clock, recorded log lines and
// fetches (answered by a handler).
import { gunzipSync } from 'node:zlib';
import type { Context, Host, HttpResponse } from '../../../server/src/service/types';
import { normalizeSettings } from '../../../server/src/service/settings';

export interface MemoryHost extends Host {
  files: Map<string, Uint8Array>;
  logs: string[];
  fetches: string[];
}

export function memoryHost(files: Record<string, string | Uint8Array>, opts: { folders?: string[]; now?: Date; fetch?: (url: string) => Promise<HttpResponse> } = {}): MemoryHost {
  const map = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const logs: string[] = [];
  const fetches: string[] = [];
  return {
    files: map, logs, fetches,
    async readFile(p) { return map.get(p); },
    async stat(p) { const b = map.get(p); return b ? { size: b.length, mtimeMs: 1 } : undefined; },
    // A folder is there when a file is under it; its "mtime" changes with its names.
    async listDir(p) {
      const prefix = p.endsWith('/') ? p : `${p}/`;
      const names = [...new Set([...map.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]))].sort();
      if (names.length === 0) return undefined;
      let mtimeMs = 0;
      for (const ch of names.join('/')) mtimeMs = (mtimeMs * 31 + ch.charCodeAt(0)) >>> 0;
      return { names, mtimeMs };
    },
    async decompress(data, format) {
      if (format === 'gzip') return new Uint8Array(gunzipSync(data));
      throw new Error('xz is not available in the memory host');
    },
    async findWorkspaceFiles(name) { return [...map.keys()].filter((p) => name.test(p.slice(p.lastIndexOf('/') + 1))).sort(); },
    workspaceFolders: () => opts.folders ?? ['/ws'],
    async fetch(url) {
      fetches.push(url);
      if (!opts.fetch) throw new Error('offline');
      return opts.fetch(url);
    },
    now: () => opts.now ?? new Date(Date.UTC(2026, 10, 24)),
    log: (m) => { logs.push(m); },
    async run() { return { status: 'missing' }; },
  };
}

export function context(host: Host, settings: unknown = {}): Context {
  return { host, settings: normalizeSettings(settings), trusted: false };
}
