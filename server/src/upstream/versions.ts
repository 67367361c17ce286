/**
 * Version status: the local Epoch:Version-Release against Fedora (mdapi) and CentOS Stream, with rpm's
 * comparison, saying when CentOS Stream supersedes a SIG build (`2.1.hs.el9` < `3.el9`).
 */
import { compareEvr, formatEvr, type Evr } from '../rpm/vercmp';

/** mdapi's `/<branch>/pkg/<name>` JSON: `{epoch, version, release, …}`. */
export function parseMdapi(json: string): Evr | undefined {
  try {
    const v = JSON.parse(json) as { epoch?: unknown; version?: unknown; release?: unknown };
    if (typeof v.version !== 'string' || typeof v.release !== 'string') return undefined;
    const epoch = v.epoch === undefined || v.epoch === null || v.epoch === '' ? null : String(v.epoch);
    return { epoch: epoch === '0' ? null : epoch, version: v.version, release: v.release };
  } catch {
    return undefined;
  }
}

export interface RemoteEvr {
  label: string;
  evr?: Evr;
  /** Why it is unknown. */
  problem?: string;
  /** CentOS Stream (a SIG build is superseded when it is older). */
  centos?: boolean;
}

export interface StatusLine {
  label: string;
  text: string;
  /** -1 remote older, 0 same, 1 remote newer, undefined unknown */
  cmp?: -1 | 0 | 1;
  superseded?: boolean;
}

export function versionStatus(local: Evr | undefined, remotes: RemoteEvr[], localIsSig: boolean): StatusLine[] {
  return remotes.map((r): StatusLine => {
    if (!r.evr) return { label: r.label, text: `${r.label}: ${r.problem ?? 'unknown'}` };
    const remote = formatEvr(r.evr);
    if (!local) return { label: r.label, text: `${r.label}: ${remote}` };
    const cmp = compareEvr(r.evr, local);
    const rel = cmp > 0 ? 'newer than yours' : cmp < 0 ? 'older than yours' : 'same as yours';
    const superseded = localIsSig && r.centos === true && cmp > 0;
    const text = superseded
      ? `${r.label}: ${remote} supersedes your SIG build ${formatEvr(local)}: rebase or bump your release above it`
      : `${r.label}: ${remote} (${rel})`;
    return { label: r.label, text, cmp, superseded };
  });
}

/** A release built by a Hyperscale SIG build tag: `.hs.elN`, `.hsx.elN`, `.hs+fb.elN`. */
export function isSigRelease(release: string | null | undefined): boolean {
  return !!release && /\.hsx?(\+fb)?\.el\d+/.test(release);
}
