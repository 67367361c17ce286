/** The text of an XML node as the validator needs it: its pieces' spans, trimmed, and message lists. */
import type { Span } from '../../common/findings';
import type { XNode } from '../xml';

/** The span of a node's text without the blanks around it (across its text pieces). */
export function trimmedSpan(node: XNode): Span | undefined {
  let start = -1;
  let end = -1;
  let offset = 0;
  for (const t of node.textSpans) {
    const piece = node.text.slice(offset, offset + (t.end - t.start));
    offset += t.end - t.start;
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim() === '') continue;
    if (start < 0) start = t.start + lead;
    end = t.start + piece.trimEnd().length;
  }
  return start >= 0 ? { start, end } : undefined;
}

/** The text of one text span of a node (the tree keeps the node's concatenated text and the spans). */
export function sliceText(node: XNode, span: Span): string {
  let offset = 0;
  for (const t of node.textSpans) {
    const len = t.end - t.start;
    if (t === span) return node.text.slice(offset, offset + len);
    offset += len;
  }
  return '';
}

export function quoteList(items: string[], word = 'or'): string {
  const q = items.map((x) => `"${x}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} ${word} ${q[q.length - 1]}`;
}
