// Shared helpers for spec service tests: run diagnostics on inline text and describe findings compactly.
import { LineIndex } from '../../../../server/src/common/lineIndex';
import type { Finding } from '../../../../server/src/common/findings';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { normalizeSettings } from '../../../../server/src/service/settings';

/** A valid minimal spec to append to or modify. */
export const BASE = [
  'Name:           hello',
  'Version:        1.0',
  'Release:        1%{?dist}',
  'Summary:        Greets',
  'License:        MIT',
  '',
  '%description',
  'Hello.',
  '',
].join('\n');

export function findings(text: string, settings: unknown = {}): Finding[] {
  return specDiagnostics(parseSpec(text), normalizeSettings(settings));
}

/** `code severity L:C-L:C message` with 1-based lines and columns. */
export function describe(text: string, f: Finding): string {
  const idx = new LineIndex(text);
  const a = idx.positionAt(f.span.start);
  const b = idx.positionAt(f.span.end);
  return `${f.code} ${f.severity} ${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${f.message}`;
}

/** Findings described, optionally only those with one of `codes`. */
export function diag(text: string, codes?: string[], settings: unknown = {}): string[] {
  return findings(text, settings).filter((f) => !codes || codes.includes(f.code)).map((f) => describe(text, f));
}
