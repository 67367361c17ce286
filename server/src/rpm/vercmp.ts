/**
 * rpm's version comparison (lib/rpmvercmp.c), with `~` (sorts before everything, even the end) and `^`
 * (sorts after the end but before anything else), plus EVR comparison (epoch, version, release).
 */

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAlnum = (c: string) => isDigit(c) || isAlpha(c);

/** Compares two version (or release) strings the way rpm does: -1, 0 or 1. */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    let ie = i;
    let je = j;
    const num = isDigit(a[i]);
    const same = num ? isDigit : isAlpha;
    while (ie < a.length && same(a[ie])) ie++;
    while (je < b.length && same(b[je])) je++;
    if (je === j) return num ? 1 : -1; // segments of different types: numeric is newer
    let sa = a.slice(i, ie);
    let sb = b.slice(j, je);
    if (num) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length > sb.length ? 1 : -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ie;
    j = je;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

/** Epoch:Version-Release; a missing epoch is 0, a missing release is not compared. */
export interface Evr {
  epoch?: string | null;
  version: string;
  release?: string | null;
}

/** Parses `[E:]V[-R]`. */
export function parseEvr(s: string): Evr {
  const t = s.trim();
  const colon = t.indexOf(':');
  const epoch = colon > 0 && /^\d+$/.test(t.slice(0, colon)) ? t.slice(0, colon) : null;
  const rest = epoch !== null ? t.slice(colon + 1) : t;
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) } : { epoch, version: rest, release: null };
}

/** Compares EVRs like rpm (rpmVersionCompare): epoch numerically, then version, then release. */
export function compareEvr(a: Evr, b: Evr): -1 | 0 | 1 {
  const ea = Number(a.epoch || 0);
  const eb = Number(b.epoch || 0);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0) return v;
  if (a.release == null || b.release == null) return 0;
  return rpmvercmp(a.release, b.release);
}

export function formatEvr(e: Evr): string {
  return `${e.epoch && e.epoch !== '0' ? e.epoch + ':' : ''}${e.version}${e.release ? '-' + e.release : ''}`;
}
