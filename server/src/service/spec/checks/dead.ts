/** Lines that rpm never parses whatever the build target: inside `%if 0`, or the `%else` of `%if 1`. */
import type { SpecDocument } from '../../../rpm/ast';

const FALSE = /^0+$/;
const TRUE = /^0*[1-9]\d*$/;

export function staticallyDead(doc: SpecDocument, line: number): boolean {
  const offset = doc.lines[line]?.start ?? 0;
  for (const c of doc.conditionals) {
    if (c.span.start > offset || c.span.end < offset) continue;
    let decided = false;
    for (const b of c.branches) {
      const inside = b.bodySpan.start <= offset && offset < b.bodySpan.end;
      const isIf = b.keyword === 'if' || b.keyword === 'elif';
      if (inside) {
        if (decided) return true; // an earlier branch is statically true
        if (isIf && FALSE.test(b.expr.trim())) return true;
        break;
      }
      if (isIf && TRUE.test(b.expr.trim())) decided = true;
      else if (!(isIf && FALSE.test(b.expr.trim()))) break; // not statically known
    }
  }
  return false;
}
