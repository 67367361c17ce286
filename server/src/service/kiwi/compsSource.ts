/**
 * The comps data a KIWI description is checked against, in order: the `hyperscale.kiwi.compsFiles`
 * setting (plain, .gz, .xz), `comps*.xml`/`comps*.xml.in` files in the workspace, and optionally a
 * repository's `repodata/repomd.xml` group entry (fetched with a timeout, cached with a TTL; a failure is
 * logged once and reported as one information diagnostic until the next retry).
 */
import { CompsIndex, parseComps, type Comps } from '../../comps/comps';
import { decodeText, joinPath } from '../paths';
import type { Context } from '../types';
import { fileVersion } from '../parsedFiles';

interface Cached {
  key: string;
  comps: Comps;
}

const fileCache = new Map<string, Cached>();
const repoCache = new Map<string, { at: number; comps?: Comps; source?: string; error?: string }>();
const indexCache = new Map<string, { index: CompsIndex; parts: Comps[] }>();
/** The workspace's comps files, found by walking its folders: again after SCAN_TTL_MS or when the folders change. */
let scan: { folders: string; at: number; paths: string[] } | undefined;
const SCAN_TTL_MS = 10_000;

async function workspaceCompsFiles(ctx: Context): Promise<string[]> {
  const folders = ctx.host.workspaceFolders().join('\0');
  const now = ctx.host.now().getTime();
  if (!scan || scan.folders !== folders || now - scan.at > SCAN_TTL_MS || now < scan.at) {
    // A walk costs 10-30 ms in a large checkout: not on every keystroke.
    scan = { folders, at: now, paths: await ctx.host.findWorkspaceFiles(/^comps.*\.xml(\.in)*(\.gz|\.xz)?$/, 20) };
  }
  return scan.paths;
}

async function readComps(ctx: Context, path: string): Promise<Comps | string> {
  const st = await ctx.host.stat(path);
  if (!st) return `comps file not found: ${path}`;
  const key = fileVersion(st);
  const hit = fileCache.get(path);
  if (hit && hit.key === key) return hit.comps;
  const bytes = await ctx.host.readFile(path);
  if (!bytes) return `comps file not readable: ${path}`;
  try {
    const raw = path.endsWith('.gz') ? await ctx.host.decompress(bytes, 'gzip') : path.endsWith('.xz') ? await ctx.host.decompress(bytes, 'xz') : bytes;
    const comps = parseComps(decodeText(raw));
    fileCache.set(path, { key, comps });
    return comps;
  } catch (e) {
    return `comps file ${path} could not be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export interface CompsResult {
  index?: CompsIndex;
  /** Problems to show once (unreadable files, repository errors). */
  notices: string[];
}

/** Fetches `url/repodata/repomd.xml` and the group data it points to. */
async function fetchRepoComps(ctx: Context, url: string): Promise<{ comps: Comps; source: string }> {
  const { fetchTimeoutMs } = ctx.settings.kiwi;
  const headers = { Accept: 'application/xml, text/xml, */*' };
  const repomdUrl = `${url}/repodata/repomd.xml`;
  const md = await ctx.host.fetch(repomdUrl, { timeoutMs: fetchTimeoutMs, headers });
  if (md.status !== 200) throw new Error(`${repomdUrl} answered HTTP ${md.status}`);
  const repomd = decodeText(md.body);
  const entry = ['group', 'group_gz', 'group_xz', 'group_zck']
    .map((type) => new RegExp(`<data type="${type}">[\\s\\S]*?<location href="([^"]+)"`).exec(repomd))
    .find((m) => m && !m[1].endsWith('.zck'));
  if (!entry) throw new Error(`${repomdUrl} has no group (comps) data`);
  const href = entry[1];
  const compsUrl = `${url}/${href.replace(/^\//, '')}`;
  const res = await ctx.host.fetch(compsUrl, { timeoutMs: fetchTimeoutMs, headers });
  if (res.status !== 200) throw new Error(`${compsUrl} answered HTTP ${res.status}`);
  const raw = href.endsWith('.gz') ? await ctx.host.decompress(res.body, 'gzip') : href.endsWith('.xz') ? await ctx.host.decompress(res.body, 'xz') : res.body;
  const comps = parseComps(decodeText(raw));
  if (comps.notComps) throw new Error(`${compsUrl} is not comps XML`);
  return { comps, source: compsUrl };
}

export async function loadComps(ctx: Context): Promise<CompsResult> {
  const s = ctx.settings.kiwi;
  const notices: string[] = [];
  const parts: Array<{ comps: Comps; source: string }> = [];
  const folder = ctx.host.workspaceFolders()[0] ?? '/';
  for (const f of s.compsFiles) {
    const path = joinPath(folder, f) ?? f;
    const r = await readComps(ctx, path);
    if (typeof r === 'string') notices.push(r);
    else parts.push({ comps: r, source: path });
  }
  if (s.workspaceComps) {
    for (const path of await workspaceCompsFiles(ctx)) {
      if (parts.some((p) => p.source === path)) continue;
      const r = await readComps(ctx, path);
      if (typeof r !== 'string' && !r.notComps) parts.push({ comps: r, source: path });
    }
  }
  if (s.compsRepositoryUrl) {
    const url = s.compsRepositoryUrl;
    const now = ctx.host.now().getTime();
    let hit = repoCache.get(url);
    const ttl = hit?.error ? Math.min(300, s.cacheTtlSeconds) : s.cacheTtlSeconds;
    if (!hit || now - hit.at > ttl * 1000) {
      try {
        const r = await fetchRepoComps(ctx, url);
        hit = { at: now, comps: r.comps, source: r.source };
      } catch (e) {
        const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${s.fetchTimeoutMs} ms` : e instanceof Error ? e.message : String(e);
        const error = `comps from ${url} unavailable: ${reason}`;
        hit = { at: now, error };
        ctx.host.log(error);
      }
      repoCache.set(url, hit);
    }
    if (hit.comps) parts.push({ comps: hit.comps, source: hit.source! });
    else if (hit.error) notices.push(hit.error);
  }
  if (!parts.length) return { notices };
  // The index is rebuilt only when a source's parsed comps changed.
  const key = parts.map((p) => p.source).join('\n');
  const cached = indexCache.get(key);
  if (cached && cached.parts.length === parts.length && cached.parts.every((c, i) => c === parts[i].comps)) return { index: cached.index, notices };
  const index = new CompsIndex();
  for (const p of parts) index.add(p.comps, p.source);
  indexCache.set(key, { index, parts: parts.map((p) => p.comps) });
  return { index, notices };
}

/** The comps files on disk read so far (absolute paths): editors watch them and re-check the descriptions. */
export function compsFilePaths(): string[] {
  return [...fileCache.keys()];
}

/** Forget cached repository answers (a Clear Cache command, tests). */
export function clearCompsCaches(): void {
  scan = undefined;
  fileCache.clear();
  repoCache.clear();
  indexCache.clear();
}
