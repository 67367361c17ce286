/**
 * Inlay hints: after a tag (`Version:`, `Release:`, `Source0:`…) or a `%global`/`%define` written with
 * macros, what it expands to under the distro profile (`Release: 2%{?dist}` → `2.hs.el9` for el9-hs), with
 * the definitions above it in the branches the profile takes. Nothing that needs `%(…)`/Lua or names an
 * undefined macro; only the part of the spec the editor shows.
 */
import type { Span } from '../../common/findings';
import { isInactive } from '../../rpm/conditions';
import type { SpecDocument } from '../../rpm/ast';
import type { Settings } from '../settings';
import type { InlayHintRecord } from '../types';
import { conditionsFor } from './diagnostics';
import { expandKnown, macroTableWalker, profileFor } from './macroEnv';
import type { ExternalMacros } from './macroFiles';

const TAGS = new Set(['name', 'epoch', 'version', 'release', 'url', 'source', 'patch']);
const MAX_LABEL = 80;

export function specInlayHints(doc: SpecDocument, span: Span, settings: Settings, external: ExternalMacros): InlayHintRecord[] {
  if (!settings.spec.inlayHints) return [];
  const within = (at: number) => at >= span.start && at <= span.end;
  const places: Array<{ at: number; text: string; end: number }> = [];
  for (const t of doc.tags) if (TAGS.has(t.key) && within(t.start) && t.value.includes('%')) places.push({ at: t.start, text: t.value, end: t.valueEnd });
  for (const d of doc.defines) {
    // One-line values only: a multi-line body is a block of text (Provides lists in %{expand:…}).
    if (d.kind !== 'undefine' && d.params === undefined && within(d.span.start) && d.body.includes('%') && !d.body.includes('\n')) places.push({ at: d.span.start, text: d.body, end: d.span.end });
  }
  if (places.length === 0) return [];
  places.sort((a, b) => a.at - b.at);
  const profile = profileFor(settings.spec);
  const conditions = conditionsFor(doc, settings, external);
  const walker = macroTableWalker(doc, profile, external, { inactive: (offset) => isInactive(conditions, offset) });
  const out: InlayHintRecord[] = [];
  for (const p of places) {
    if (isInactive(conditions, p.at)) continue;
    const expanded = expandKnown(p.text, walker.at(p.at));
    if (expanded === undefined) continue;
    const value = expanded.replace(/\s+/g, ' ');
    if (value === p.text.trim()) continue;
    out.push({
      offset: p.end,
      label: `→ ${value === '' ? '(empty)' : value.length > MAX_LABEL ? value.slice(0, MAX_LABEL - 1) + '…' : value}`,
      tooltip: `Under **${profile.id}** (${settings.spec.arch}): \`${expanded.replace(/`/g, "'")}\``,
    });
  }
  return out;
}
