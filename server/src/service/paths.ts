/** file:// URIs and POSIX paths without node built-ins (the service layer stays platform-free). */

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  const p = uri.slice('file://'.length).replace(/^localhost/, '');
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

export function pathToUri(path: string): string {
  return 'file://' + path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises `.`/`..`; returns undefined when `rel` climbs above `base` and `confine` is set. */
export function joinPath(base: string, rel: string, confine = false): string | undefined {
  if (rel.startsWith('/')) return confine ? undefined : normalize(rel);
  const parts = base.split('/').filter(Boolean);
  const depth = parts.length;
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (confine && parts.length <= depth) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return '/' + parts.join('/');
}

function normalize(p: string): string {
  return joinPath('/', p.slice(1)) ?? p;
}

const decoder = new TextDecoder('utf-8');
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
