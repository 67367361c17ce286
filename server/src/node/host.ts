/** The Host implementation on Node: real files, real network, real clock. Used by the LSP server and the CLI. */
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Host, HttpResponse } from '../service/types';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.cache', 'BUILD', 'BUILDROOT']);

export interface NodeHostOptions {
  workspaceFolders: () => string[];
  log: (message: string) => void;
  userAgent?: string;
}

export function createNodeHost(opts: NodeHostOptions): Host {
  const listings = new Map<string, { names: string[]; mtimeMs: number }>();
  return {
    async readFile(p: string) {
      try {
        return new Uint8Array(await fs.readFile(p));
      } catch {
        return undefined;
      }
    },
    async stat(p: string) {
      try {
        const st = await fs.stat(p);
        return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
    // A folder's names change only with its mtime: a large one (a spec in ~/Downloads) is read once, then
    // only stat'ed on each keystroke's check.
    async listDir(p: string) {
      try {
        const st = await fs.stat(p);
        if (!st.isDirectory()) return undefined;
        const hit = listings.get(p);
        if (hit && hit.mtimeMs === st.mtimeMs) return hit;
        const entry = { names: await fs.readdir(p), mtimeMs: st.mtimeMs };
        if (listings.size > 64) listings.clear();
        listings.set(p, entry);
        return entry;
      } catch {
        return undefined;
      }
    },
    async decompress(data, format) {
      if (format === 'gzip') return new Uint8Array(gunzipSync(data));
      return xzDecompress(data);
    },
    async findWorkspaceFiles(name: RegExp, maxResults = 200) {
      const found: string[] = [];
      let visited = 0;
      const walk = async (dir: string, depth: number): Promise<void> => {
        if (depth > 6 || found.length >= maxResults || visited > 20000) return;
        let entries: import('node:fs').Dirent[];
        try {
          entries = await fs.readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries) {
          visited++;
          if (found.length >= maxResults) return;
          if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name), depth + 1);
          } else if (name.test(e.name)) {
            found.push(path.join(dir, e.name));
          }
        }
      };
      for (const folder of opts.workspaceFolders()) await walk(folder, 0);
      return found.sort();
    },
    workspaceFolders: opts.workspaceFolders,
    async fetch(url, init): Promise<HttpResponse> {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(init.timeoutMs),
        headers: { 'User-Agent': opts.userAgent ?? 'rpm-kiwi-tools', ...(init.headers ?? {}) },
        redirect: 'follow',
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k] = v;
      });
      return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
    },
    now: () => new Date(),
    log: opts.log,
    run: (cmd, args, o) => new Promise((resolve) => {
      execFile(cmd, args, { cwd: o.cwd, timeout: o.timeoutMs, maxBuffer: 32 << 20, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } }, (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') resolve({ status: 'missing' });
        else if (err && err.killed) resolve({ status: 'timeout' });
        else if (err && typeof err.code !== 'number') resolve({ status: 'error', message: err.message });
        else resolve({ status: 'ok', code: err ? Number(err.code) : 0, stdout: String(stdout), stderr: String(stderr) });
      });
    }),
  };
}

/** xz through the `xz` tool (Debian xz-utils); no code from the data is run. */
function xzDecompress(data: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn('xz', ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(new Error(`cannot run xz to decompress: ${String(e)}`));
      return;
    }
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => { err += d; });
    child.on('error', (e) => reject(new Error(`cannot run xz to decompress (install xz-utils): ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(new Uint8Array(Buffer.concat(out))) : reject(new Error(`xz failed: ${err.trim() || `exit ${code}`}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(data));
  });
}
