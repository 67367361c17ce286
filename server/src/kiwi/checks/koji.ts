/**
 * What a Koji/CBS build does to a description before KIWI sees it (koji's builder plugin,
 * plugins/builder/kiwi.py, `KiwiBuildTask.get_nvrp` and `KiwiCreateImageTask.prepareDescription`):
 * - it reads the image version from `<preferences><version>` of the description file alone, before it
 *   resolves any include, and stops with "Description file doesn't contain preferences/version" when
 *   that file has none — even if an included fragment has one, which a local `kiwi-ng` build accepts;
 * - it removes every `<repository>`, in the file and in included fragments, and adds the build tag's repo
 *   and the URLs given with `koji kiwi-build --repo`.
 * Only in koji mode (`hyperscale.kiwi.mode`).
 */
import type { Finding } from '../../common/findings';
import type { Description } from '../description';
import { attrValue } from '../xml';
import { kiwiFinding as f } from './finding';

export function kojiFindings(d: Description): Finding[] {
  if (d.mode !== 'koji') return [];
  const out: Finding[] = [];
  const file = d.file;
  if (!d.parent && file.schemaversion !== undefined && !file.preferences.some((p) => p.version)) {
    const inFragment = d.includes.find((r) => r.status === 'ok' && r.file.preferences.some((p) => p.version));
    if (inFragment) {
      out.push(f('kiwi-koji-version-in-include', 'error',
        `<version> is only in the included ${inFragment.path}: Koji reads the image version from this file before it resolves includes, and stops with "Description file doesn't contain preferences/version"; move <version> into a <preferences> here`,
        file.preferences[0]?.node.nameSpan ?? file.root!.nameSpan));
    }
  }
  for (const repo of file.repositories) {
    const image = attrValue(repo.node, 'imageinclude') === 'true' ? '; imageinclude="true" does not put it into the image either' : '';
    out.push(f('kiwi-koji-repository-ignored', 'information',
      `Koji/CBS removes this repository: the image is built from the build tag's repo and the URLs given with koji kiwi-build --repo${image}`,
      repo.node.nameSpan));
  }
  return out;
}
