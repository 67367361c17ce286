/**
 * Document links in a spec: `URL:`, `BugURL:`, `VCS:`, `SourceN:` and `PatchN:` values open what rpm would
 * fetch — the value expanded with the spec's own macros under the profile (`%{url}/archive/v%{version}.tar.gz`
 * becomes the real address; a value that needs shell or Lua code, or names an undefined macro, gets no
 * link) — and a local source or patch opens the file, next to the spec (dist-git) or in ../SOURCES.
 */
import type { SpecDocument } from '../../rpm/ast';
import { isInactive } from '../../rpm/conditions';
import { dirname, joinPath, pathToUri, uriToPath } from '../paths';
import type { Settings } from '../settings';
import type { Host, LinkRecord } from '../types';
import { conditionsFor } from './diagnostics';
import { macroExpander, profileFor } from './macroEnv';
import type { ExternalMacros } from './macroFiles';

const LINK_TAGS = new Set(['url', 'bugurl', 'vcs', 'source', 'patch']);
const REMOTE = /^(https?|ftp):\/\/[^\s"'<>]+$/;
/** A spec with more local sources than this gets links to the first ones only (each costs a stat). */
const MAX_LOCAL = 400;

export async function specLinks(doc: SpecDocument, uri: string, settings: Settings, host: Host, external: ExternalMacros): Promise<LinkRecord[]> {
  // rpm expands a tag with what is defined above it: one table walks forwards with the tags (the profile's
  // conditions are evaluated once, when a value first needs them).
  let conditions: ReturnType<typeof conditionsFor> | undefined;
  const expand = macroExpander(doc, profileFor(settings.spec), external, (offset) => isInactive((conditions ??= conditionsFor(doc, settings, external)), offset));
  const specPath = uriToPath(uri);
  const out: LinkRecord[] = [];
  const local: Array<{ span: LinkRecord['span']; file: string }> = [];
  for (const t of doc.tags) {
    if (!LINK_TAGS.has(t.key) || t.valueEnd <= t.valueStart) continue;
    const value = expand(t.value, t.start);
    if (value === undefined) continue;
    const span = { start: t.valueStart, end: t.valueEnd };
    if (REMOTE.test(value)) {
      out.push({ span, target: value, tooltip: value === t.value ? undefined : `Open ${value}` });
    } else if ((t.key === 'source' || t.key === 'patch') && !value.includes('://') && specPath && local.length < MAX_LOCAL) {
      // rpm looks for a source by its base name in %{_sourcedir}.
      const file = value.replace(/^.*\//, '');
      if (file && file !== '.' && file !== '..') local.push({ span, file });
    }
  }
  if (specPath) {
    const dir = dirname(specPath);
    const found = await Promise.all(local.map(async ({ span, file }): Promise<LinkRecord | undefined> => {
      for (const rel of [file, `../SOURCES/${file}`]) {
        const path = joinPath(dir, rel);
        if (path && (await host.stat(path))) return { span, target: pathToUri(path), tooltip: `Open ${rel}` };
      }
      return undefined;
    }));
    for (const l of found) if (l) out.push(l);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
