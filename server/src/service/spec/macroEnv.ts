/**
 * The macro environment a spec sees: built-in values, the distro profile, the package's tags and the
 * spec's own definitions (in file order; a definition inside a conditional branch counts when the
 * branch can be taken), over those of the files it includes or loads.
 */
import type { SpecDocument } from '../../rpm/ast';
import { MapMacroTable, type MacroTable } from '../../rpm/expand';
import { BUILTIN_MACROS } from '../../rpm/macroData';
import { resolveProfile, type DistroProfile } from '../../rpm/profiles';
import type { SpecSettings } from '../settings';
import { NO_EXTERNAL_MACROS } from './macroFiles';

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

/**
 * One table that follows the spec forwards: `at(offset)` applies the definitions, tags and bconds before
 * `offset` that it has not applied yet and returns the table (the same object each time; offsets must not
 * decrease). For expanding many places in file order without building a table for each. With `inactive`,
 * what sits in branches false for the profile is left out.
 */
export function macroTableWalker(doc: SpecDocument, profile: DistroProfile, external = NO_EXTERNAL_MACROS, inactive?: (offset: number) => boolean): { at(offset: number): MapMacroTable } {
  const table = new MapMacroTable(profileTable(profile));
  const tagMacros = new Set(['name', 'version', 'release', 'epoch', 'summary', 'license', 'url']);
  const main = doc.packages[0];
  const events: Array<{ at: number; apply: () => void }> = [];
  for (const t of main.tags) {
    if (tagMacros.has(t.key)) {
      events.push({ at: t.start, apply: () => { table.set(t.key, t.value); table.set(t.key.toUpperCase(), t.value); } });
    }
    if ((t.key === 'source' || t.key === 'patch') && t.number !== undefined) {
      const upper = `${t.key.toUpperCase()}${t.number}`;
      events.push({ at: t.start, apply: () => table.set(upper, `%{_sourcedir}/${t.value.replace(/^.*\//, '')}`) });
    }
  }
  for (const d of doc.defines) {
    if (d.kind === 'undefine') events.push({ at: d.span.start, apply: () => table.delete(d.name) });
    else events.push({ at: d.span.start, apply: () => table.set(d.name, d.body, d.params) });
  }
  // A macro file's definitions count from its %include/%{load:} on (not those inside its own conditionals).
  for (const d of external.defs) if (!d.conditional) events.push({ at: d.at, apply: () => table.set(d.name, d.body, d.params) });
  for (const b of doc.bconds) {
    const on = b.kind === 'bcond_without' || (b.kind === 'bcond' && b.defaultOn === true);
    events.push({ at: b.span.start, apply: () => { if (on) table.set(`with_${b.name}`, '1'); else table.set(`without_${b.name}`, '1'); } });
  }
  events.sort((a, b) => a.at - b.at);
  // What rpm skips for this profile (a %global in a false %if branch) changes nothing.
  if (inactive) events.splice(0, events.length, ...events.filter((e) => !inactive(e.at)));
  let next = 0;
  return {
    at(offset: number) {
      while (next < events.length && events[next].at < offset) events[next++].apply();
      return table;
    },
  };
}
