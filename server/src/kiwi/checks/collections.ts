/**
 * Comps collections: `<namedCollection name>` and `<package name="@…">` must name a comps group; a comps
 * environment works with dnf against distribution repositories but fails in Koji/CBS, whose repositories
 * carry only plain groups (`koji import-comps` and the generated repo comps keep no environments).
 */
import type { Finding } from '../../common/findings';
import { allFiles, type Description } from '../description';
import type { PackageEntry } from '../model';

export interface EnvironmentFixData {
  environment: string;
  groups: string[];
  options: string[];
  /** How the entry was written: a namedCollection or an `@`-package. */
  form: 'namedCollection' | 'package';
}

export function collectionId(e: PackageEntry): { id: string; env: boolean; offset: number } | undefined {
  if (e.kind === 'namedCollection') return { id: e.name, env: false, offset: 0 };
  if (e.kind === 'package' && e.name.startsWith('@^')) return { id: e.name.slice(2), env: true, offset: 2 };
  if (e.kind === 'package' && e.name.startsWith('@')) return { id: e.name.slice(1), env: false, offset: 1 };
  return undefined;
}

export function collectionFindings(d: Description): Finding[] {
  const comps = d.comps;
  if (!comps || comps.empty) return [];
  // Collections are comps groups only for the dnf family; zypper's are patterns, apt has none.
  const pm = allFiles(d).flatMap((f) => f.preferences).map((p) => p.packagemanager?.value).find((x) => x);
  if (pm && !/^(dnf|dnf4|dnf5|yum|microdnf)$/.test(pm)) return [];
  const out: Finding[] = [];
  const sources = comps.describeSources();
  for (const section of d.file.packages) {
    for (const e of section.entries) {
      const c = collectionId(e);
      if (!c || !c.id) continue;
      const span = { start: e.nameSpan.start + c.offset, end: e.nameSpan.end };
      const env = comps.environments.get(c.id);
      const group = comps.groups.get(c.id);
      if (env && (c.env || !group)) {
        const data: EnvironmentFixData = { environment: c.id, groups: env.env.groups, options: env.env.options, form: e.kind === 'namedCollection' ? 'namedCollection' : 'package' };
        out.push({
          code: 'kiwi-environment-group',
          severity: d.mode === 'koji' ? 'error' : 'warning',
          message: `'${c.id}' is a comps environment (${env.env.name || c.id}): Koji/CBS repositories carry no environment groups, only plain groups; list its groups instead (${env.env.groups.join(', ')})`,
          span, source: 'kiwi', data,
        });
      } else if (c.env) {
        out.push({ code: 'kiwi-group-not-found', severity: 'error', message: `environment '${c.id}' not found in comps (${sources})`, span, source: 'kiwi' });
      } else if (!group) {
        out.push({ code: 'kiwi-group-not-found', severity: 'error', message: `group '${c.id}' not found in comps (${sources})`, span, source: 'kiwi' });
      }
    }
  }
  return out;
}

/**
 * The packages the description's collections install (a group's mandatory, default and conditional ones;
 * an environment's through its `<grouplist>`), or undefined when that is not known: no comps, a package
 * manager whose collections are not comps groups, or a collection the comps do not have.
 */
export function collectionPackages(d: Description): Set<string> | undefined {
  const comps = d.comps;
  if (!comps || comps.empty) return undefined;
  const pm = allFiles(d).flatMap((f) => f.preferences).map((p) => p.packagemanager?.value).find((x) => x);
  if (pm && !/^(dnf|dnf4|dnf5|yum|microdnf)$/.test(pm)) return undefined;
  const out = new Set<string>();
  const addGroup = (id: string): boolean => {
    const g = comps.groups.get(id)?.group;
    if (!g) return false;
    for (const p of g.packages) if (p.type !== 'optional') out.add(p.name);
    return true;
  };
  for (const file of allFiles(d)) {
    for (const section of file.packages) {
      if (section.type === 'delete' || section.type === 'uninstall') continue;
      for (const e of section.entries) {
        const c = collectionId(e);
        if (!c) continue;
        const env = comps.environments.get(c.id)?.env;
        const group = comps.groups.has(c.id);
        if (env && (c.env || !group)) {
          if (!env.groups.every(addGroup)) return undefined;
        } else if (c.env || !addGroup(c.id)) return undefined;
      }
    }
  }
  return out;
}
