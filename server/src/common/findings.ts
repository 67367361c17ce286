/**
 * Neutral records produced by the core and the service. Offsets are UTF-16 code-unit offsets into
 * the document text (the same unit as JavaScript strings and LSP positions), end exclusive.
 * One place (lsp/convert.ts) turns them into LSP ranges.
 */
import type { LineCol } from './lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open range of offsets `[start, end)` into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** A diagnostic in neutral form. `code` is stable (rpmlint's id where the check mirrors rpmlint). */
export interface Finding {
  code: string;
  message: string;
  severity: Severity;
  span: Span;
  /** Shown as the diagnostic source, e.g. "rpm-spec", "rpmlint", "kiwi". */
  source: string;
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** Extra facts for quick fixes; plain JSON. */
  data?: unknown;
  /** Places elsewhere that explain the finding (line/character, 0-based): LSP related information. */
  related?: Array<{ uri: string; range: { start: LineCol; end: LineCol }; message: string }>;
}

export function span(start: number, end: number): Span {
  return { start, end };
}
