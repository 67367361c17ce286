/**
 * `<include from="this://…">`: the file must exist next to the description, its root must be `<image>`,
 * it may not include further files (KIWI does not resolve nested includes), and in Koji/CBS mode only
 * `this://` includes travel with the description.
 */
import type { Finding } from '../../common/findings';
import type { Description } from '../description';
import { kiwiFinding as f } from './finding';

export function includeFindings(d: Description): Finding[] {
  const out: Finding[] = [];
  if (d.parent) {
    for (const inc of d.file.includes) {
      out.push(f('kiwi-include-nested', 'error', `nested include: this file is included by ${d.parent.path.replace(/^.*[\\/]/, '')}, and KIWI does not resolve includes inside included files`, inc.span));
    }
  }
  for (const r of d.includes) {
    const { include } = r;
    if (r.status === 'missing') out.push(f('kiwi-include-missing', 'error', `included file '${r.path}' not found`, include.span));
    else if (r.status === 'outside') out.push(f('kiwi-include-missing', 'error', `'${include.from}' points outside the description folder`, include.span));
    else if (r.status === 'not-local') {
      if (d.mode === 'koji') out.push(f('kiwi-include-not-local', 'error', `'${include.from}' is not a this:// include: a Koji/CBS build only has the description folder`, include.span));
    } else if (r.status === 'ok') {
      const root = r.file.root;
      if (!r.file.isImage) {
        out.push(f('kiwi-include-not-image', 'error', `included file '${r.path}' has root <${root?.name ?? ''}>, but KIWI needs <image>`, include.span));
      } else if (r.file.includes.length) {
        out.push(f('kiwi-include-nested', 'error', `'${r.path}' includes other files, and KIWI does not resolve includes inside included files`, include.span));
      }
    }
  }
  return out;
}
