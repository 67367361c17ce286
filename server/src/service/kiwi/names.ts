/**
 * KIWI profile names: references and rename (in the document, its includes and the description that
 * includes it), highlights, and document links (`this://`
 * includes, local archives and files, `http(s)` repository sources).
 */
import type { Span } from '../../common/findings';
import { LineIndex } from '../../common/lineIndex';
import { allFiles, allProfiles, type Description } from '../../kiwi/description';
import type { KiwiFile } from '../../kiwi/model';
import { attr } from '../../kiwi/xml';
import { dirname, joinPath, pathToUri } from '../paths';
import type { ForeignEditRecord, HighlightRecord, LinkRecord, LocationRecord, RenameResult, RenameTarget } from '../types';
import { locate } from './features';

const inside = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

/** The profile name at `offset` in the document: a `<profile name>` or a reference. */
function profileAt(file: KiwiFile, offset: number): { name: string; span: Span } | undefined {
  const def = file.profiles.find((p) => inside(p.nameSpan, offset));
  if (def) return { name: def.name, span: def.nameSpan };
  return file.profileRefs.find((r) => inside(r.span, offset));
}

function occurrences(file: KiwiFile, name: string): Array<{ span: Span; definition: boolean }> {
  return [
    ...file.profiles.filter((p) => p.name === name).map((p) => ({ span: p.nameSpan, definition: true })),
    ...file.profileRefs.filter((r) => r.name === name).map((r) => ({ span: r.span, definition: false })),
  ].sort((a, b) => a.span.start - b.span.start);
}

export function kiwiReferences(d: Description, offset: number, includeDeclaration: boolean, docUri: string, docPath: string | undefined): LocationRecord[] {
  const target = profileAt(d.file, offset);
  if (!target) return [];
  const out: LocationRecord[] = [];
  for (const file of allFiles(d)) {
    const found = occurrences(file, target.name).filter((o) => includeDeclaration || !o.definition);
    if (found.length === 0) continue;
    if (file === d.file) {
      for (const o of found) out.push({ uri: docUri, span: o.span });
      continue;
    }
    const where = locate(d, file, docUri, docPath);
    if (!where) continue;
    const idx = new LineIndex(where.text);
    for (const o of found) out.push({ uri: where.uri, range: idx.rangeAt(o.span) });
  }
  return out;
}

export function kiwiHighlights(d: Description, offset: number): HighlightRecord[] {
  const target = profileAt(d.file, offset);
  return target ? occurrences(d.file, target.name).map((o) => ({ span: o.span, kind: o.definition ? 'write' : 'read' })) : [];
}

/** Why the profile cannot be renamed to `newName` from this document, or undefined. */
function renameProblem(d: Description, name: string, newName: string, docUri: string, docPath: string | undefined): string | undefined {
  if (!allProfiles(d).some((p) => p.name === name)) return `profile '${name}' is not defined, so there is nothing to rename`;
  const lost = allFiles(d).find((f) => f !== d.file && occurrences(f, name).length > 0 && !locate(d, f, docUri, docPath));
  if (lost) return `profile '${name}' is also used in a file of the description that cannot be located (save the description first)`;
  if (!/^[A-Za-z0-9_][\w.+-]*$/.test(newName)) return `'${newName}' is not a usable profile name (letters, digits, _ . + -; no commas or blanks)`;
  if (newName !== name && allProfiles(d).some((p) => p.name === newName)) return `profile '${newName}' already exists`;
  return undefined;
}

export function kiwiPrepareRename(d: Description, offset: number, docUri: string, docPath: string | undefined): RenameTarget | undefined {
  const target = profileAt(d.file, offset);
  if (!target) return undefined;
  const problem = renameProblem(d, target.name, target.name, docUri, docPath);
  return problem ? { error: problem } : { span: target.span, placeholder: target.name };
}

export function kiwiRename(d: Description, offset: number, newName: string, docUri: string, docPath: string | undefined): RenameResult {
  const target = profileAt(d.file, offset);
  if (!target) return { error: 'There is no profile name here to rename' };
  const problem = renameProblem(d, target.name, newName, docUri, docPath);
  if (problem) return { error: problem };
  // Also in the description's other files: its includes, or the description that includes this fragment.
  const elsewhere: ForeignEditRecord[] = [];
  for (const file of allFiles(d)) {
    if (file === d.file) continue;
    const found = occurrences(file, target.name);
    const where = found.length ? locate(d, file, docUri, docPath) : undefined;
    if (!where) continue;
    const idx = new LineIndex(where.text);
    for (const o of found) elsewhere.push({ uri: where.uri, range: idx.rangeAt(o.span), newText: newName });
  }
  return { edits: occurrences(d.file, target.name).map((o) => ({ span: o.span, newText: newName })), ...(elsewhere.length ? { elsewhere } : {}) };
}

/** A repository address a browser can open: http(s), no `$releasever`/`{…}` placeholders. */
const WEB = /^https?:\/\/[^\s$<>"{}]+$/;

export function kiwiLinks(d: Description, docPath: string | undefined): LinkRecord[] {
  const out: LinkRecord[] = [];
  const dir = docPath ? dirname(docPath) : undefined;
  const file = d.file;
  if (dir) {
    for (const r of d.includes) {
      const from = attr(r.include.node, 'from');
      if (r.status !== 'ok' || !from?.valueSpan) continue;
      const path = joinPath(dir, r.path, true);
      if (path) out.push({ span: from.valueSpan, target: pathToUri(path), tooltip: `Open ${r.path}` });
    }
    for (const section of file.packages) {
      for (const e of section.entries) {
        if ((e.kind !== 'archive' && e.kind !== 'file') || e.name.includes('://') || !d.exists(e.name)) continue;
        const path = joinPath(dir, e.name, true);
        if (path) out.push({ span: e.nameSpan, target: pathToUri(path), tooltip: `Open ${e.name}` });
      }
    }
  }
  for (const repo of file.repositories) {
    for (const source of repo.node.children) {
      const path = source.name === 'source' ? attr(source, 'path') : undefined;
      if (path?.value && path.valueSpan && WEB.test(path.value)) out.push({ span: path.valueSpan, target: path.value });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
