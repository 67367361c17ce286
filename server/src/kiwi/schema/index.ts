/**
 * KIWI schema checks on a description: RELAX NG validation with the installed schema, adjusted for the
 * document's schemaversion (known later additions accepted, removals and renames reported), plus
 * schema-driven completion and documentation.
 */
import type { Finding } from '../../common/findings';
import type { KiwiFile } from '../model';
import { descendants, type XNode } from '../xml';
import { parseGrammar, type Grammar } from './rng';
import { validateTree, type SchemaProblem } from './validate';
import { compareVersions, knownAddition, LATEST_KNOWN, OLDEST_SUPPORTED, REMOVALS } from './versions';
import { kiwiFinding as finding } from '../checks/finding';

export { parseGrammar, type Grammar } from './rng';
export { validateTree, type SchemaProblem } from './validate';
export { schemaCompletions, schemaDocumentation } from './help';

const CODES: Record<SchemaProblem['kind'], string> = {
  element: 'kiwi-schema-element', attribute: 'kiwi-schema-attribute', value: 'kiwi-schema-value', text: 'kiwi-schema-value',
  'missing-attribute': 'kiwi-schema-missing-attribute', incomplete: 'kiwi-schema-incomplete',
};

/** Cascades the newer schema no longer has (an attribute made optional, etc.). */
const RELAXED: Array<{ element: string; kind: SchemaProblem['kind']; attribute?: string }> = [
  { element: 'dracut', kind: 'missing-attribute', attribute: 'module' },
];

export function schemaFindings(g: Grammar, file: KiwiFile): Finding[] {
  const out: Finding[] = [];
  const root = file.root;
  if (!root || !file.isImage) return out;
  const sv = file.schemaversion;
  const fragment = !sv;
  const installed = g.version ?? '0';
  if (sv) {
    if (!/^\d+\.\d+$/.test(sv.value)) out.push(finding('kiwi-schema-version', 'error', `schemaversion "${sv.value}" is not a version number`, sv.span));
    else if (compareVersions(sv.value, OLDEST_SUPPORTED) < 0) {
      out.push(finding('kiwi-schema-version', 'error', `Schema version must be >= ${OLDEST_SUPPORTED}: KIWI rejects ${sv.value}; update the description (https://osinside.github.io/kiwi/)`, sv.span));
    } else if (compareVersions(sv.value, LATEST_KNOWN) > 0) {
      out.push(finding('kiwi-schema-version', 'information', `schemaversion ${sv.value} is newer than the newest this extension knows (${LATEST_KNOWN}): newer elements may be reported`, sv.span));
    }
  }
  let accepted = 0;
  for (const p of validateTree(g, root, { fragment })) {
    if (p.element === 'image' && p.attribute === 'schemaversion' && p.kind === 'value') continue;
    if (RELAXED.some((r) => r.element === p.element && r.kind === p.kind && (!r.attribute || r.attribute === p.attribute))) continue;
    const addition = p.kind === 'element' ? knownAddition(p.element, undefined, undefined)
      : p.kind === 'attribute' ? knownAddition(p.element, p.attribute, undefined)
      : p.kind === 'value' || p.kind === 'text' ? knownAddition(p.element, p.attribute, p.value)
      : undefined;
    if (addition && compareVersions(installed, addition.since) < 0) {
      accepted++;
      continue;
    }
    out.push(finding(CODES[p.kind], 'error', p.message, p.span));
  }
  if (accepted && sv) {
    out.push(finding('kiwi-schema-newer', 'information', `The installed kiwi schema is ${installed}: ${accepted} element(s)/attribute(s) it does not know were accepted as known additions of later KIWI releases`, sv.span));
  }
  if (sv && /^\d+\.\d+$/.test(sv.value)) out.push(...removals(root, sv.value));
  return out;
}

/** Removed or renamed constructs: an error from the version that dropped them, a hint before. */
function removals(root: XNode, version: string): Finding[] {
  const out: Finding[] = [];
  for (const r of REMOVALS) {
    const nodes = r.element === root.name ? [root] : descendants(root, r.element);
    for (const n of nodes) {
      let span: { start: number; end: number } | undefined;
      let what = '';
      if (r.attribute) {
        const a = n.attrs.find((x) => x.name === r.attribute);
        if (!a || (r.value !== undefined && a.value !== r.value)) continue;
        span = r.value !== undefined ? a.valueSpan ?? a.nameSpan : a.nameSpan;
        what = r.value !== undefined ? `${r.attribute}="${r.value}" on <${r.element}>` : `attribute "${r.attribute}" on <${r.element}>`;
      } else if (r.value !== undefined) {
        if (n.text.trim() !== r.value || !n.textSpans.length) continue;
        const t = n.textSpans[0];
        const lead = n.text.length - n.text.trimStart().length;
        span = { start: t.start + lead, end: t.start + lead + r.value.length };
        what = `<${r.element}>${r.value}</${r.element}>`;
      }
      if (!span) continue;
      if (compareVersions(version, r.removedIn) >= 0) {
        out.push(finding('kiwi-schema-removed', 'error', `${what} is not valid from schema ${r.removedIn} on: use ${r.replacement} (${r.source})`, span));
      } else {
        out.push(finding('kiwi-schema-upgrade', 'hint', `The schema ${r.removedIn} upgrade replaces ${what} with ${r.replacement} (${r.source})`, span));
      }
    }
  }
  return out;
}

/** Parses a schema text (cached by the caller). */
export function loadGrammar(text: string): Grammar {
  return parseGrammar(text);
}
