/**
 * The `auto` profile: the git branch the spec is checked out on picks the distro profile (a dist-git
 * checkout of `c9s-hs` is checked for EL9 Hyperscale, of `rawhide` for Fedora Rawhide; see
 * `profileForBranch`). The branch is read from `.git/HEAD` (or a worktree's `.git` file) in the spec's
 * folder or above it; without one, or on another branch, it is Fedora Rawhide.
 */
import { AUTO_PROFILE, DEFAULT_PROFILE_ID, profileForBranch } from '../../rpm/profiles';
import { decodeText, dirname, joinPath, uriToPath } from '../paths';
import { ParsedFiles } from '../parsedFiles';
import type { Context, Host } from '../types';

const MAX_LEVELS = 12;
const WALK_TTL_MS = 10_000;

/** Spec folder -> the HEAD file that governs it (undefined: none), found at `at`. */
const walks = new Map<string, { at: number; head: string | undefined }>();
/** HEAD files -> the branch each names. */
const heads = new ParsedFiles((bytes) => /^ref:\s*refs\/heads\/(\S+)/.exec(decodeText(bytes))?.[1]);

/** `ctx` with the `auto` profile resolved for the spec at `uri` (unchanged for any other profile). */
export async function withBranchProfile(ctx: Context, uri: string): Promise<Context> {
  if (ctx.settings.spec.profile !== AUTO_PROFILE) return ctx;
  const path = uriToPath(uri);
  // Reading the checkout must never cost a feature: on any error it is Fedora Rawhide.
  const branch = path ? await branchOf(ctx.host, dirname(path)).catch(() => undefined) : undefined;
  const profile = (branch && profileForBranch(branch)) || DEFAULT_PROFILE_ID;
  return { ...ctx, settings: { ...ctx.settings, spec: { ...ctx.settings.spec, profile } } };
}

/** The branch checked out for `dir`, or undefined (no repository, a detached HEAD). */
export async function branchOf(host: Host, dir: string): Promise<string | undefined> {
  const now = host.now().getTime();
  let walk = walks.get(dir);
  if (!walk || now - walk.at > WALK_TTL_MS) {
    walk = { at: now, head: await findHead(host, dir) };
    walks.set(dir, walk);
    if (walks.size > 256) walks.delete(walks.keys().next().value!);
  }
  return walk.head ? (await heads.get(host, walk.head))?.value : undefined;
}

async function findHead(host: Host, start: string): Promise<string | undefined> {
  let dir = start;
  for (let i = 0; i < MAX_LEVELS; i++) {
    const head = joinPath(dir, '.git/HEAD')!;
    if (await host.stat(head)) return head;
    // A worktree or submodule: `.git` is a file naming the git directory.
    const link = joinPath(dir, '.git')!;
    if (await host.stat(link)) {
      const data = await host.readFile(link);
      const gitdir = data ? /^gitdir:\s*(.+?)\s*$/m.exec(decodeText(data))?.[1] : undefined;
      const target = gitdir ? joinPath(dir, `${gitdir}/HEAD`) : undefined;
      return target && (await host.stat(target)) ? target : undefined;
    }
    if (dir === '/') return undefined;
    dir = dirname(dir);
  }
  return undefined;
}

/** The HEAD files read so far: editors watch them, so a `git checkout` of another branch re-checks the specs. */
export function branchHeadPaths(): string[] {
  return heads.paths();
}

/** Forget what was read (tests). */
export function clearBranchCache(): void {
  walks.clear();
  heads.clear();
}
