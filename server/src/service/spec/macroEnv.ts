/**
 * The macro environment a spec sees: built-in values, the distro profile, the package's tags and the
 * spec's own definitions (in file order; a definition inside a conditional branch counts when the
 * branch can be taken), over those of the files it includes or loads.
 */
import type { SpecDocument } from '../../rpm/ast';
import { expandMacros, MapMacroTable, type MacroTable } from '../../rpm/expand';
import { BUILTIN_MACROS } from '../../rpm/macroData';
import { resolveProfile, type DistroProfile } from '../../rpm/profiles';
import type { SpecSettings } from '../settings';
import { NO_EXTERNAL_MACROS, type ExternalMacros } from './macroFiles';

let builtinTable: MapMacroTable | undefined;

/** rpm's and the distribution's macros with their usual values (shared, read-only). */
export function builtinMacroTable(): MacroTable {
  if (!builtinTable) {
    builtinTable = new MapMacroTable();
    for (const m of BUILTIN_MACROS) if (m.value !== undefined) builtinTable.set(m.name, m.value);
  }
  return builtinTable;
}

export function profileFor(settings: SpecSettings): DistroProfile {
  const profile = resolveProfile(settings.profile, settings.arch, settings.profileMacros);
  return settings.rpmVersion ? { ...profile, rpm: settings.rpmVersion } : profile;
}

/** Built-in macros overlaid with the profile's values. */
export function profileTable(profile: DistroProfile): MapMacroTable {
  const base = new MapMacroTable(builtinMacroTable());
  for (const [k, v] of Object.entries(profile.macros)) base.set(k, v);
  return base;
}

/** The table for expanding in `doc` under `profile`; `upToOffset` limits definitions to those before it. */
export function specMacroTable(doc: SpecDocument, profile: DistroProfile, upToOffset = Infinity, external = NO_EXTERNAL_MACROS): MapMacroTable {
  return macroTableWalker(doc, profile, external).at(upToOffset);
}

/** What a walker leaves out: definitions in branches false for the profile; `%{SOURCEn}`/`%{PATCHn}`. */
export interface WalkerOptions {
  inactive?: (offset: number) => boolean;
  /** Define `%{SOURCEn}` and `%{PATCHn}` (default true; a spec with hundreds of sources makes each a string). */
  sources?: boolean;
}

/** A change to the table at an offset: set `name` (to `body`, or for a tag its value), or delete it. */
interface TableEvent {
  at: number;
  name: string;
  body: string | undefined;
  params?: string;
  /** The tag whose value becomes `%{SOURCEn}`'s (computed only when applied). */
  source?: string;
}

/**
 * One table that follows the spec forwards: `at(offset)` applies the definitions, tags and bconds before
 * `offset` that it has not applied yet and returns the table (the same object each time; offsets must not
 * decrease). For expanding many places in file order without building a table for each.
 */
export function macroTableWalker(doc: SpecDocument, profile: DistroProfile, external = NO_EXTERNAL_MACROS, opts: WalkerOptions = {}): { at(offset: number): MapMacroTable } {
  const table = new MapMacroTable(profileTable(profile));
  const tagMacros = new Set(['name', 'version', 'release', 'epoch', 'summary', 'license', 'url']);
  const withSources = opts.sources !== false;
  const events: TableEvent[] = [];
  for (const t of doc.packages[0].tags) {
    if (tagMacros.has(t.key)) {
      events.push({ at: t.start, name: t.key, body: t.value }, { at: t.start, name: t.key.toUpperCase(), body: t.value });
    } else if (withSources && (t.key === 'source' || t.key === 'patch') && t.number !== undefined) {
      events.push({ at: t.start, name: `${t.key.toUpperCase()}${t.number}`, body: undefined, source: t.value });
    }
  }
  for (const d of doc.defines) events.push({ at: d.span.start, name: d.name, body: d.kind === 'undefine' ? undefined : d.body, params: d.params });
  // A macro file's definitions count from its %include/%{load:} on (not those inside its own conditionals).
  for (const d of external.defs) if (!d.conditional) events.push({ at: d.at, name: d.name, body: d.body, params: d.params });
  for (const b of doc.bconds) {
    const on = b.kind === 'bcond_without' || (b.kind === 'bcond' && b.defaultOn === true);
    events.push({ at: b.span.start, name: `${on ? 'with' : 'without'}_${b.name}`, body: '1' });
  }
  events.sort((a, b) => a.at - b.at);
  const inactive = opts.inactive;
  let next = 0;
  return {
    at(offset: number) {
      for (; next < events.length && events[next].at < offset; next++) {
        const e = events[next];
        // What rpm skips for this profile (a %global in a false %if branch) changes nothing.
        if (inactive?.(e.at)) continue;
        if (e.source !== undefined) table.set(e.name, `%{_sourcedir}/${e.source.replace(/^.*\//, '')}`);
        else if (e.body === undefined) table.delete(e.name);
        else table.set(e.name, e.body, e.params);
      }
      return table;
    },
  };
}

/**
 * `text` expanded with `table` and trimmed, or undefined when its value cannot be known here: it needs code
 * (`%(…)`, Lua), names an undefined macro, or leaves a `%` behind.
 */
export function expandKnown(text: string, table: MacroTable, maxLength = 4000): string | undefined {
  const r = expandMacros(text, table, { maxDepth: 32, maxLength });
  return r.unknown || r.undefined.length || r.text.includes('%') ? undefined : r.text.trim();
}

/**
 * Expands text with the spec's macros above `at` under the profile, skipping what is `inactive` for it
 * (`expandKnown`; text without a `%` is returned as it is). Calls come in document order: the table walks
 * forwards, and is built on the first call that needs it.
 */
export function macroExpander(doc: SpecDocument, profile: DistroProfile, external: ExternalMacros, inactive: (offset: number) => boolean): (text: string, at: number) => string | undefined {
  let walker: ReturnType<typeof macroTableWalker> | undefined;
  return (text, at) => {
    if (!text.includes('%')) return text;
    walker ??= macroTableWalker(doc, profile, external, { inactive, sources: false });
    return expandKnown(text, walker.at(at));
  };
}
