/**
 * Profiles and build-type selection: references to undefined profiles (KIWI silently ignores them),
 * duplicate profile names, no `<type>` in the default selection, the same image type twice in one
 * selection (per architecture).
 */
import type { Finding } from '../../common/findings';
import { allFiles, allProfiles, type Description } from '../description';
import type { ImageType, Preferences } from '../model';
import { kiwiFinding as f } from './finding';

/** The profile and every profile it requires, transitively. */
export function profileClosure(d: Description, name: string): Set<string> {
  const byName = new Map(allProfiles(d).map((p) => [p.name, p]));
  const out = new Set<string>();
  const stack = [name];
  while (stack.length) {
    const n = stack.pop()!;
    if (out.has(n)) continue;
    out.add(n);
    for (const r of byName.get(n)?.requires ?? []) stack.push(r.name);
  }
  return out;
}

/** Preferences that apply when building with `selection` (undefined: no --profile). */
export function preferencesFor(d: Description, selection: Set<string> | undefined): Preferences[] {
  const imported = new Set(allProfiles(d).filter((p) => p.imported).map((p) => p.name));
  return allFiles(d).flatMap((file) => file.preferences).filter((pref) => {
    if (pref.profiles.length === 0) return true;
    const active = selection ?? imported;
    return pref.profiles.some((r) => active.has(r.name));
  });
}

export function profileFindings(d: Description): Finding[] {
  const out: Finding[] = [];
  const profiles = allProfiles(d);
  const defined = new Set(profiles.map((p) => p.name));
  // A fragment without a known parent cannot know the profiles defined elsewhere.
  const canResolve = d.parent !== undefined || d.file.schemaversion !== undefined || profiles.length > 0;
  if (canResolve) {
    for (const r of d.file.profileRefs) {
      if (!defined.has(r.name)) out.push(f('kiwi-profile-undefined', 'warning', `profile '${r.name}' is not defined: KIWI ignores the reference`, r.span));
    }
  }
  // Every definition after the first of a name, when it is in this file.
  const first = new Map<string, (typeof profiles)[number]>();
  for (const p of profiles) {
    const prev = first.get(p.name);
    if (!prev) first.set(p.name, p);
    else if (d.file.profiles.includes(p)) out.push(f('kiwi-profile-duplicate', 'error', `profile '${p.name}' is defined more than once`, p.nameSpan));
  }
  if (d.parent === undefined && d.file.schemaversion) out.push(...typeFindings(d));
  return out;
}

function typesByArch(prefs: Preferences[]): Map<string, Array<{ type: ImageType; pref: Preferences }>> {
  const out = new Map<string, Array<{ type: ImageType; pref: Preferences }>>();
  for (const pref of prefs) for (const type of pref.types) {
    const key = pref.arch ?? '*';
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push({ type, pref });
  }
  return out;
}

function typeFindings(d: Description): Finding[] {
  const out: Finding[] = [];
  const profiles = allProfiles(d);
  const inFile = (t: ImageType) => d.file.preferences.some((p) => p.types.includes(t));
  const defaults = preferencesFor(d, undefined);
  const defaultTypes = defaults.flatMap((p) => p.types);
  const anyImported = profiles.some((p) => p.imported);
  if (defaultTypes.length === 0 && (profiles.length === 0 || anyImported)) {
    const anchor = d.file.preferences[0]?.node.nameSpan ?? d.file.root!.nameSpan;
    out.push(f('kiwi-no-default-type', 'error', profiles.length === 0
      ? 'no <type> in any <preferences>: KIWI has no image type to build'
      : 'the default selection (preferences without profiles and import="true" profiles) has no <type>', anchor));
  }
  const selections: Array<{ label: string; set: Set<string> | undefined }> = [{ label: 'the default selection', set: undefined }];
  for (const p of profiles) selections.push({ label: `profile '${p.name}'`, set: profileClosure(d, p.name) });
  const reported = new Set<ImageType>();
  for (const sel of selections) {
    const byArch = typesByArch(preferencesFor(d, sel.set));
    const generic = byArch.get('*') ?? [];
    for (const [arch, list] of byArch) {
      const pool = arch === '*' ? list : [...generic, ...list];
      const seen = new Map<string, ImageType>();
      for (const { type } of pool) {
        if (!type.image) continue;
        const prev = seen.get(type.image);
        if (prev && prev !== type && inFile(type) && !reported.has(type)) {
          reported.add(type);
          out.push(f('kiwi-type-duplicate', 'error', `image type '${type.image}' is defined twice for ${sel.label}${arch !== '*' ? ` (${arch})` : ''}: KIWI cannot tell which to build`, type.imageSpan));
        }
        if (!prev) seen.set(type.image, type);
      }
    }
  }
  return out;
}
