/** User settings in neutral form, with defaults; `normalizeSettings` accepts anything and never throws. */
import type { Severity } from '../common/findings';

export type SeverityOverride = Severity | 'off';

export interface Settings {
  /** Per-code severity overrides; 'off' drops the diagnostic. */
  severity: Record<string, SeverityOverride>;
  /** Milliseconds to wait after an edit before re-analysing. */
  debounceMs: number;
  spec: SpecSettings;
  changelog: { name: string; email: string };
  kiwi: KiwiSettings;
}

export interface KiwiSettings {
  /** Comps files (plain, .gz or .xz); relative paths are relative to the first workspace folder. */
  compsFiles: string[];
  /** `koji`: Koji/CBS rules are errors (environment groups, non-this:// includes). */
  mode: 'dnf' | 'koji';
  /** A repository whose repodata/repomd.xml group entry supplies comps. */
  compsRepositoryUrl: string;
  fetchTimeoutMs: number;
  cacheTtlSeconds: number;
  /** Use comps*.xml files found in the workspace. */
  workspaceComps: boolean;
  /** The KIWI RELAX NG schema (kiwi.rng) to use instead of the installed kiwi's. */
  schemaPath: string;
  /** Validate against the schema. */
  schemaValidation: boolean;
}

export interface SpecSettings {
  /** Extra macro names that exist in the user's build environment (no undefined-macro warning). */
  knownMacros: string[];
  /** Distro profile id (see server/src/rpm/profiles.ts), e.g. `fedora-rawhide`, `el9-hs`, or `auto` (from the git branch). */
  profile: string;
  /** Architecture the profile evaluates `%ifarch` and `%{_arch}` for. */
  arch: string;
  /** Extra or overridden macro values for the profile (null removes one). */
  profileMacros: Record<string, string | null>;
  /** The rpm version the target builds with (`major.minor`), when it is not the profile's; '' for the profile's. */
  rpmVersion: string;
  /** Run the real tools on save (trusted workspaces only): they execute the spec's %() and Lua. */
  backends: { rpmspec: boolean; rpmlint: boolean; timeoutMs: number };
  /** Inlay hints: what a tag or %global written with macros expands to under the profile. */
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  debounceMs: 0,
  spec: { knownMacros: [], profile: 'auto', arch: 'x86_64', profileMacros: {}, rpmVersion: '', backends: { rpmspec: false, rpmlint: false, timeoutMs: 30000 }, inlayHints: true },
  changelog: { name: '', email: '' },
  kiwi: { compsFiles: [], mode: 'dnf', compsRepositoryUrl: '', fetchTimeoutMs: 10000, cacheTtlSeconds: 3600, workspaceComps: true, schemaPath: '', schemaValidation: true },
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Codes renamed since a release: a severity set for the old name applies to the new one. */
const RENAMED: Record<string, string> = { 'patch-number-suffix': 'patch-macro-old-format' };

/** Builds settings from the client's `hyperscale` configuration section (any shape). */
export function normalizeSettings(raw: unknown): Settings {
  const r = isObject(raw) ? raw : {};
  const severity: Record<string, SeverityOverride> = {};
  const diag = isObject(r.diagnostics) ? r.diagnostics : {};
  if (isObject(diag.severity)) {
    for (const [code, value] of Object.entries(diag.severity)) {
      const v = typeof value === 'string' ? value.toLowerCase() : '';
      const norm = v === 'info' ? 'information' : v === 'none' ? 'off' : v;
      if (SEVERITIES.has(norm)) severity[RENAMED[code] ?? code] = norm as SeverityOverride;
    }
  }
  const debounce = Number(r.debounceMs);
  return {
    severity,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : DEFAULT_SETTINGS.debounceMs,
    spec: normalizeSpec(r.spec),
    changelog: normalizeChangelog(r.changelog),
    kiwi: normalizeKiwi(r.kiwi),
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

function num(v: unknown, dflt: number, min: number, max: number): number {
  const n = Number(v);
  return Number.isFinite(n) && n >= min ? Math.min(n, max) : dflt;
}

function normalizeKiwi(raw: unknown): KiwiSettings {
  const r = isObject(raw) ? raw : {};
  const d = DEFAULT_SETTINGS.kiwi;
  return {
    compsFiles: strings(r.compsFiles),
    mode: r.mode === 'koji' ? 'koji' : 'dnf',
    compsRepositoryUrl: typeof r.compsRepositoryUrl === 'string' && /^https?:\/\//.test(r.compsRepositoryUrl.trim()) ? r.compsRepositoryUrl.trim().replace(/\/+$/, '') : '',
    fetchTimeoutMs: num(r.fetchTimeoutMs, d.fetchTimeoutMs, 100, 120000),
    cacheTtlSeconds: num(r.cacheTtlSeconds, d.cacheTtlSeconds, 0, 7 * 86400),
    workspaceComps: r.workspaceComps !== false,
    schemaPath: typeof r.schemaPath === 'string' ? r.schemaPath.trim() : '',
    schemaValidation: r.schemaValidation !== false,
  };
}

function normalizeChangelog(raw: unknown): Settings['changelog'] {
  const r = isObject(raw) ? raw : {};
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return { name: str(r.name), email: str(r.email).replace(/^<|>$/g, '') };
}

function normalizeSpec(raw: unknown): SpecSettings {
  const r = isObject(raw) ? raw : {};
  const d = DEFAULT_SETTINGS.spec;
  const profileMacros: Record<string, string | null> = {};
  if (isObject(r.profileMacros)) {
    for (const [k, v] of Object.entries(r.profileMacros)) {
      const name = k.replace(/^%/, '');
      if (!/^[A-Za-z_]\w*$/.test(name)) continue;
      if (v === null) profileMacros[name] = null;
      else if (typeof v === 'string' || typeof v === 'number') profileMacros[name] = String(v);
    }
  }
  return {
    knownMacros: strings(r.knownMacros).map((m) => m.replace(/^%/, '')),
    profile: typeof r.profile === 'string' && r.profile ? r.profile : d.profile,
    arch: typeof r.arch === 'string' && /^[\w.-]+$/.test(r.arch) ? r.arch : d.arch,
    profileMacros,
    rpmVersion: typeof r.rpmVersion === 'string' ? /^\s*(\d+\.\d+)/.exec(r.rpmVersion)?.[1] ?? '' : '',
    backends: (() => {
      const b = isObject(r.backends) ? r.backends : {};
      return { rpmspec: b.rpmspec === true, rpmlint: b.rpmlint === true, timeoutMs: num(b.timeoutMs, 30000, 1000, 600000) };
    })(),
    inlayHints: r.inlayHints !== false,
  };
}
