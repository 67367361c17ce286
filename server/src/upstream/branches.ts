/** Branch lists: Fedora's from the dist-git API (Pagure or Forgejo JSON) or a built-in default, sorted. */
import { FEDORA_RAWHIDE } from '../rpm/profiles';

/** rawhide, the two current Fedora releases, and the EPEL branches. */
export function defaultFedoraBranches(rawhide = FEDORA_RAWHIDE): string[] {
  return ['rawhide', `f${rawhide - 1}`, `f${rawhide - 2}`, 'epel10', 'epel9', 'epel8'];
}

export const DEFAULT_CENTOS_BRANCHES = ['c10s', 'c9s', 'c8s'];
/** The SIG's branch naming: `cXs-hs` (main), `cXs-hsx` (experimental); older packages `cXs-sig-hyperscale[-experimental]`. */
export const DEFAULT_HYPERSCALE_BRANCHES = ['c10s-hs', 'c9s-hs', 'c10s-hsx', 'c9s-hsx', 'c9s-sig-hyperscale', 'c9s-sig-hyperscale-experimental', 'c8s-sig-hyperscale'];

function rank(b: string): [number, number, string] {
  if (b === 'rawhide' || b === 'main') return [0, 0, b];
  let m = /^f(\d+)$/.exec(b);
  if (m) return [1, -Number(m[1]), b];
  m = /^epel(\d+)(-next)?$/.exec(b);
  if (m) return [2, -Number(m[1]) * 2 - (m[2] ? 1 : 0), b];
  m = /^c(\d+)s(.*)$/.exec(b);
  if (m) return [3, -Number(m[1]), b];
  return [4, 0, b];
}

export function sortBranches(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => {
    const [x1, x2, x3] = rank(a);
    const [y1, y2, y3] = rank(b);
    return x1 - y1 || x2 - y2 || x3.localeCompare(y3);
  });
}

/** Branch names from a Pagure (`{branches: [...]}`), Forgejo (`[{name}]`) or GitLab (`[{name}]`) answer. */
export function parseBranches(json: string): string[] | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    const list = Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as { name?: unknown }).name : x))
      : v && typeof v === 'object' && Array.isArray((v as { branches?: unknown }).branches) ? (v as { branches: unknown[] }).branches : undefined;
    if (!list) return undefined;
    return list.filter((x): x is string => typeof x === 'string');
  } catch {
    return undefined;
  }
}

/** Only the branches a packager compares with: rawhide, fNN, epelN(-next), cNs…; older ones dropped. */
export function usefulFedoraBranches(list: string[], rawhide = FEDORA_RAWHIDE): string[] {
  return sortBranches(list.filter((b) => b === 'rawhide' || (/^f(\d+)$/.test(b) && Number(b.slice(1)) >= rawhide - 3) || /^epel(8|9|10)(-next)?$/.test(b) || /^epel10\.\d+$/.test(b)));
}
