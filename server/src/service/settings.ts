/** User settings in neutral form, with defaults; `normalizeSettings` accepts anything and never throws. */
import type { Severity } from '../common/findings';

export type SeverityOverride = Severity | 'off';

export interface Settings {
  /** Per-code severity overrides; 'off' drops the diagnostic. */
  severity: Record<string, SeverityOverride>;
  /** Milliseconds to wait after an edit before re-analysing. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  debounceMs: 0,
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds settings from the client's `hyperscale` configuration section (any shape). */
export function normalizeSettings(raw: unknown): Settings {
  const r = isObject(raw) ? raw : {};
  const severity: Record<string, SeverityOverride> = {};
  const diag = isObject(r.diagnostics) ? r.diagnostics : {};
  if (isObject(diag.severity)) {
    for (const [code, value] of Object.entries(diag.severity)) {
      const v = typeof value === 'string' ? value.toLowerCase() : '';
      const norm = v === 'info' ? 'information' : v === 'none' ? 'off' : v;
      if (SEVERITIES.has(norm)) severity[code] = norm as SeverityOverride;
    }
  }
  const debounce = Number(r.debounceMs);
  return {
    severity,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : DEFAULT_SETTINGS.debounceMs,
  };
}
