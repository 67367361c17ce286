/**
 * References, highlights and rename for the spec's own names: macros (`%global`/`%define`) and build
 * conditionals (`%bcond…`), over rpm/occurrences.ts. Rename changes one document; a macro rpm or a macro
 * package defines (`%_libdir`, `%name`) is not renamed.
 */
import type { SpecDocument } from '../../rpm/ast';
import { nameTargetAt, occurrencesOf, renameProblem } from '../../rpm/occurrences';
import type { HighlightRecord, LocationRecord, RenameResult, RenameTarget } from '../types';

export function specReferences(doc: SpecDocument, offset: number, includeDeclaration: boolean, uri: string): LocationRecord[] {
  const target = nameTargetAt(doc, offset);
  if (!target) return [];
  return occurrencesOf(doc, target).filter((o) => includeDeclaration || !o.definition).map((o) => ({ uri, span: o.span }));
}

export function specHighlights(doc: SpecDocument, offset: number): HighlightRecord[] {
  const target = nameTargetAt(doc, offset);
  if (!target) return [];
  return occurrencesOf(doc, target).map((o) => ({ span: o.span, kind: o.definition ? 'write' : 'read' }));
}

export function specPrepareRename(doc: SpecDocument, offset: number): RenameTarget | undefined {
  const target = nameTargetAt(doc, offset);
  if (!target) return undefined;
  const problem = renameProblem(doc, target, target.name);
  return problem ? { error: problem } : { span: target.span, placeholder: target.name };
}

export function specRename(doc: SpecDocument, offset: number, newName: string): RenameResult {
  const target = nameTargetAt(doc, offset);
  if (!target) return { error: 'There is no macro or build conditional name here to rename' };
  const problem = renameProblem(doc, target, newName);
  if (problem) return { error: problem };
  return { edits: occurrencesOf(doc, target).map((o) => ({ span: o.span, newText: newName })) };
}
