/**
 * Finds and loads the KIWI RELAX NG schema. KIWI's schema is GPL-3.0-or-later, so it is not bundled: it
 * comes from the setting `hyperscale.kiwi.schemaPath` or the user's kiwi installation (Python
 * site-/dist-packages). Parsed once per file version; when none is found this is said once.
 */
import { loadGrammar, type Grammar } from '../../kiwi/schema';
import { decodeText, joinPath } from '../paths';
import type { Context } from '../types';

const PY = ['3', ...Array.from({ length: 10 }, (_, i) => `3.${i + 6}`)];
export const SCHEMA_CANDIDATES = [
  '/usr/lib/python3/dist-packages/kiwi/schema/kiwi.rng',
  ...PY.flatMap((v) => [
    `/usr/lib/python${v}/site-packages/kiwi/schema/kiwi.rng`,
    `/usr/lib64/python${v}/site-packages/kiwi/schema/kiwi.rng`,
    `/usr/local/lib/python${v}/site-packages/kiwi/schema/kiwi.rng`,
    `/usr/local/lib/python${v}/dist-packages/kiwi/schema/kiwi.rng`,
  ]),
  '/usr/share/kiwi/schema/kiwi.rng',
];

let cached: { path: string; key: string; grammar: Grammar } | undefined;
let located: { key: string; path?: string } | undefined;

export interface SchemaResult {
  grammar?: Grammar;
  path?: string;
  /** Why there is none (paths tried). */
  unavailable?: string;
}

export async function loadSchema(ctx: Context): Promise<SchemaResult> {
  const configured = ctx.settings.kiwi.schemaPath;
  const folder = ctx.host.workspaceFolders()[0] ?? '/';
  const candidates = configured ? [joinPath(folder, configured) ?? configured] : SCHEMA_CANDIDATES;
  const key = candidates.join('|');
  let path = located?.key === key ? located.path : undefined;
  if (!path) {
    for (const c of candidates) {
      if (await ctx.host.stat(c)) {
        path = c;
        break;
      }
    }
    if (!path) {
      if (located?.key !== key) ctx.host.log(`KIWI schema not found (tried ${candidates.length} paths); schema validation is off`);
      located = { key };
      return { unavailable: configured ? `KIWI schema not found at ${candidates[0]} (setting hyperscale.kiwi.schemaPath)` : 'KIWI schema not found: install kiwi (its kiwi.rng) or set hyperscale.kiwi.schemaPath; schema validation is off' };
    }
    located = { key, path };
  }
  const st = await ctx.host.stat(path);
  const version = st ? `${st.size}:${st.mtimeMs}` : '';
  if (cached && cached.path === path && cached.key === version) return { grammar: cached.grammar, path };
  const bytes = await ctx.host.readFile(path);
  if (!bytes) {
    located = undefined;
    return { unavailable: `KIWI schema ${path} could not be read` };
  }
  const grammar = loadGrammar(decodeText(bytes));
  if (grammar.problems.length) ctx.host.log(`KIWI schema ${path}: ${grammar.problems.slice(0, 3).join('; ')}`);
  cached = { path, key: version, grammar };
  return { grammar, path };
}

export function clearSchemaCache(): void {
  cached = undefined;
  located = undefined;
}
