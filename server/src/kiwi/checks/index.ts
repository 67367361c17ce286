/** All KIWI description checks (pure): XML problems, collections, profiles and types, includes, runtime, Koji's rewrites. */
import type { Finding } from '../../common/findings';
import type { Description } from '../description';
import { collectionFindings } from './collections';
import { includeFindings } from './includes';
import { kojiFindings } from './koji';
import { profileFindings } from './profiles';
import { runtimeFindings } from './runtime';

export function checkDescription(d: Description): Finding[] {
  const out: Finding[] = [];
  for (const p of d.file.xml.problems) {
    const doctype = p.message.startsWith('DOCTYPE');
    out.push({ code: doctype ? 'kiwi-doctype-ignored' : 'kiwi-xml-syntax', severity: doctype ? 'warning' : 'error', message: p.message, span: p.span, source: 'kiwi' });
  }
  const root = d.file.root;
  if (!root || !d.file.isImage) {
    if (root) out.push({ code: 'kiwi-not-image', severity: 'error', message: `the root element is <${root.name}>, but a KIWI description needs <image>`, span: root.nameSpan, source: 'kiwi' });
    return out;
  }
  out.push(...collectionFindings(d), ...profileFindings(d), ...includeFindings(d), ...runtimeFindings(d), ...kojiFindings(d));
  return out.sort((a, b) => a.span.start - b.span.start);
}
