/**
 * Custom requests shared by the client and the server: method names and parameter/result shapes.
 * Plain TypeScript only, so both sides can import it without pulling in each other's libraries.
 */

/**
 * Node options the clients start the server with. A young generation of at most 8 MB per semi-space
 * (V8's default is 16 MB) keeps the server about 10 MB smaller while someone types in a 61k-line spec,
 * at the same edit latency (`npm run bench` starts the server with these too).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=8'];

/** `hyperscale/specInfo`: the package identity of a spec, expanded with the file's own macros. */
export const SpecInfoRequest = { method: 'hyperscale/specInfo' } as const;

/** Either an open document (`uri`) or spec text (`text`, e.g. a fetched upstream spec). */
export interface SpecInfoParams {
  uri?: string;
  text?: string;
  /** Distro profile to expand with instead of the configured one (e.g. `el9` for a c9s spec). */
  profile?: string;
}

export interface SpecInfoResult {
  /** `Name:` with the file's macros expanded; null when the spec has no usable Name. */
  name: string | null;
  epoch: string | null;
  version: string | null;
  release: string | null;
  /** True when `Release:` uses `%autorelease` (no number in the spec). */
  autorelease: boolean;
}

/** The initialization options a client may send (VS Code sends them; other editors may). */
export interface InitializationOptions {
  /** Settings in the same shape as the `hyperscale` configuration section. */
  settings?: unknown;
  /** The workspace is trusted (VS Code Workspace Trust); enables the optional rpm backends if configured. */
  trusted?: boolean;
}

/** `hyperscale/inactiveRegions`: line ranges of %if branches that are false for the distro profile. */
export const InactiveRegionsRequest = { method: 'hyperscale/inactiveRegions' } as const;

export interface InactiveRegionsParams {
  uri: string;
}

export interface InactiveRegionsResult {
  profile: string;
  /** 0-based, inclusive line ranges. */
  regions: Array<{ startLine: number; endLine: number }>;
}

/**
 * `hyperscale/expandedSpec`: the spec as the profile's build sees it (a `rpmspec -P` that runs nothing),
 * line for line; see server/src/service/spec/preview.ts.
 */
export const ExpandedSpecRequest = { method: 'hyperscale/expandedSpec' } as const;

export interface ExpandedSpecParams {
  uri: string;
  /** A distro profile other than the configured one. */
  profile?: string;
}

export interface ExpandedSpecResult {
  profile: string;
  text: string;
  /** Lines left as written because something on them needs code (`%(…)`, Lua) or a value we lack. */
  unknownLines: number;
}
