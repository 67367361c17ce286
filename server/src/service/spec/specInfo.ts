/** The package identity of a spec (Name, Epoch, Version, Release) expanded with the spec's own macros. */
import type { SpecInfoResult } from '../../protocol';
import type { SpecDocument } from '../../rpm/ast';
import { expandMacros } from '../../rpm/expand';
import type { SpecSettings } from '../settings';
import { profileFor, specMacroTable } from './macroEnv';

export function specInfo(doc: SpecDocument, settings: SpecSettings): SpecInfoResult {
  const main = doc.packages[0];
  const table = specMacroTable(doc, profileFor(settings));
  const value = (key: string): string | null => {
    const tag = main.tags.find((t) => t.key === key);
    if (!tag) return null;
    const r = expandMacros(tag.value, table);
    const v = r.text.trim();
    return v && !r.unknown && !v.includes('%') ? v : r.unknown || v.includes('%') ? null : v;
  };
  const releaseTag = main.tags.find((t) => t.key === 'release');
  const autorelease = releaseTag ? /%\{?\??autorelease\b/.test(releaseTag.value) : false;
  const name = value('name');
  return {
    name: name && /^[A-Za-z0-9._+-]+$/.test(name) ? name : null,
    epoch: value('epoch'),
    version: value('version'),
    release: autorelease ? null : value('release'),
    autorelease,
  };
}
