/**
 * Gathers what the pure checks need through the host: the file's model, its includes (this:// paths
 * relative to the description folder, confined to it), the parent description of a fragment, comps, and
 * the existence of archives and config scripts next to the description.
 */
import type { Description, IncludeResolution } from '../../kiwi/description';
import { parseKiwi, type KiwiFile } from '../../kiwi/model';
import { basename, decodeText, dirname, joinPath, uriToPath } from '../paths';
import type { Context, TextDoc } from '../types';
import { loadComps } from './compsSource';
import { ParsedFiles } from '../parsedFiles';

const docCache = new Map<string, { version: number; text: string; file: KiwiFile }>();
const files = new ParsedFiles((bytes) => parseKiwi(decodeText(bytes)));
const parentCache = new Map<string, { at: number; parent?: string }>();
/** Include targets and fragments' parents read so far (watched: a change checks the open documents again). */
const dependencies = new Set<string>();

/** The model of an open document (parsed once per version). */
export function kiwiFileOf(doc: TextDoc): KiwiFile {
  const hit = docCache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.text === doc.text) return hit.file;
  const file = parseKiwi(doc.text);
  docCache.set(doc.uri, { version: doc.version, text: doc.text, file });
  if (docCache.size > 32) docCache.delete(docCache.keys().next().value!);
  return file;
}

/** The model of a file on disk (cached by size and mtime). */
export async function kiwiFileAt(ctx: Context, path: string): Promise<KiwiFile | undefined> {
  return (await files.get(ctx.host, path))?.value;
}

async function resolveIncludes(ctx: Context, file: KiwiFile, dir: string | undefined): Promise<IncludeResolution[]> {
  const out: IncludeResolution[] = [];
  for (const include of file.includes) {
    if (!include.from.startsWith('this://')) {
      out.push({ include, path: include.from, status: 'not-local' });
      continue;
    }
    if (!dir) continue; // an unsaved document has no folder to resolve against
    const rel = include.from.slice('this://'.length);
    const path = joinPath(dir, rel, true);
    if (!path) {
      out.push({ include, path: rel, status: 'outside' });
      continue;
    }
    const inc = await kiwiFileAt(ctx, path);
    dependencies.add(path);
    out.push(inc ? { include, path: rel.replace(/^\.\//, ''), status: 'ok', file: inc } : { include, path: rel.replace(/^\.\//, ''), status: 'missing' });
  }
  return out;
}

/** The description at `candidate` if it includes the fragment at `path` through a this:// include. */
async function includerAt(ctx: Context, candidate: string, path: string): Promise<{ file: KiwiFile; path: string } | undefined> {
  const file = await kiwiFileAt(ctx, candidate);
  if (!file?.schemaversion || !file.includes.some((i) => i.from.endsWith(basename(path)))) return undefined;
  const target = file.includes.find((i) => i.from.startsWith('this://') && joinPath(dirname(candidate), i.from.slice(7), true) === path);
  return target ? { file, path: candidate } : undefined;
}

/**
 * For a fragment (no schemaversion): the workspace description that includes it, if any. The workspace is
 * searched at most every 10 s per fragment; the parent found is read again each time (its text may have changed).
 */
async function findParent(ctx: Context, path: string): Promise<{ file: KiwiFile; path: string } | undefined> {
  const now = ctx.host.now().getTime();
  const hit = parentCache.get(path);
  if (hit && now - hit.at < 10000) {
    if (!hit.parent) return undefined;
    const again = await includerAt(ctx, hit.parent, path);
    if (again) return again;
  }
  let parent: { file: KiwiFile; path: string } | undefined;
  for (const candidate of await ctx.host.findWorkspaceFiles(/\.(kiwi|xml)$/, 400)) {
    if (candidate !== path && (parent = await includerAt(ctx, candidate, path))) break;
  }
  parentCache.set(path, { at: now, parent: parent?.path });
  if (parent) dependencies.add(parent.path);
  return parent;
}

/** The files other than comps that diagnostics of open descriptions read: include targets and parents of fragments. */
export function kiwiDependencyPaths(): string[] {
  return [...dependencies];
}

export interface Resolved {
  desc: Description;
  path?: string;
  notices: string[];
}

/** `withComps`: load the comps even when no collection asks for them (package name completion and hover). */
export async function resolveDescription(doc: TextDoc, ctx: Context, withComps = false): Promise<Resolved> {
  const file = kiwiFileOf(doc);
  const path = uriToPath(doc.uri);
  const dir = path ? dirname(path) : undefined;
  const includes = await resolveIncludes(ctx, file, dir);
  let parent: Description['parent'];
  if (path && file.isImage && !file.schemaversion) {
    const p = await findParent(ctx, path);
    if (p) {
      // The parent's include of this file is the open document (maybe unsaved), not the disk copy.
      const parentDir = dirname(p.path);
      const includes = (await resolveIncludes(ctx, p.file, parentDir)).map((r): IncludeResolution =>
        r.status === 'ok' && joinPath(parentDir, r.include.from.slice(7), true) === path ? { ...r, file } : r);
      parent = { ...p, includes };
    }
  }
  const existing = new Set<string>();
  const neighbours = new Map<string, string>();
  if (dir) {
    for (const section of file.packages) {
      for (const e of section.entries) {
        if ((e.kind === 'archive' || e.kind === 'file') && !e.name.includes('://')) {
          const p = joinPath(dir, e.name, true);
          if (p && (await ctx.host.stat(p))) existing.add(e.name);
        }
      }
    }
    for (const name of ['config.sh', 'images.sh']) {
      const bytes = await ctx.host.readFile(`${dir}/${name}`);
      if (bytes) neighbours.set(name, decodeText(bytes));
    }
  }
  // Collections in the file or in the fragments it includes (reported on the <include> lines).
  const usesComps = (f: KiwiFile) => f.packages.some((p) => p.entries.some((e) => e.kind === 'namedCollection' || e.name.startsWith('@')));
  const comps = withComps || usesComps(file) || includes.some((r) => r.status === 'ok' && usesComps(r.file)) ? await loadComps(ctx) : { notices: [] };
  const desc: Description = {
    file, includes, parent, comps: comps.index, mode: ctx.settings.kiwi.mode,
    exists: (rel) => !dir || existing.has(rel),
    neighbour: (name) => neighbours.get(name),
  };
  return { desc, path, notices: comps.notices };
}

export function clearKiwiCaches(): void {
  docCache.clear();
  files.clear();
  parentCache.clear();
  dependencies.clear();
}
