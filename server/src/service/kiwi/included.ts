/**
 * Problems inside the files a description includes, shown on its `<include>` lines: Koji/CBS builds the
 * description, so an environment group written in an included fragment fails the build as much as one in
 * the main file — and the fragment may never be opened. Each finding keeps the code and severity of the
 * problem, names the file and line, and points there (related information); the environment quick fix
 * edits the fragment. Collections and profile references are checked, as when the fragment itself is open.
 */
import type { Finding } from '../../common/findings';
import { LineIndex } from '../../common/lineIndex';
import { collectionFindings } from '../../kiwi/checks/collections';
import { profileFindings } from '../../kiwi/checks/profiles';
import type { Description } from '../../kiwi/description';
import type { KiwiFile } from '../../kiwi/model';
import { dirname, joinPath, pathToUri } from '../paths';
import type { CodeActionRecord } from '../types';
import { environmentFixes } from './features';

interface IncludedProblem {
  /** On the `<include>` line of the document. */
  shown: Finding;
  /** In the included file. */
  inner: Finding;
  file: KiwiFile;
  uri: string | undefined;
  idx: LineIndex;
}

function includedProblems(d: Description, docPath: string | undefined): IncludedProblem[] {
  if (d.parent || !docPath) return [];
  const out: IncludedProblem[] = [];
  for (const r of d.includes) {
    if (r.status !== 'ok' || !r.file.isImage) continue;
    const fragment: Description = { ...d, file: r.file, includes: [], parent: { file: d.file, includes: d.includes, path: docPath } };
    const found = [...collectionFindings(fragment), ...profileFindings(fragment).filter((f) => f.code === 'kiwi-profile-undefined')];
    if (found.length === 0) continue;
    const path = joinPath(dirname(docPath), r.path, true);
    const uri = path ? pathToUri(path) : undefined;
    const idx = new LineIndex(r.file.text);
    for (const inner of found.sort((a, b) => a.span.start - b.span.start)) {
      const range = idx.rangeAt(inner.span);
      const shown: Finding = {
        code: inner.code, severity: inner.severity, source: inner.source, span: r.include.span,
        message: `in ${r.path}, line ${range.start.line + 1}: ${inner.message}`,
        ...(uri ? { related: [{ uri, range, message: inner.message }] } : {}),
      };
      out.push({ shown, inner, file: r.file, uri, idx });
    }
  }
  return out;
}

export function includedFindings(d: Description, docPath: string | undefined): Finding[] {
  return includedProblems(d, docPath).map((p) => p.shown);
}

/** The environment quick fixes of included fragments' problems shown on an `<include>` line in `span`. */
export function includedFixes(d: Description, docPath: string | undefined, span: { start: number; end: number }): CodeActionRecord[] {
  const out: CodeActionRecord[] = [];
  for (const p of includedProblems(d, docPath)) {
    if (p.shown.code !== 'kiwi-environment-group' || !p.uri || p.shown.span.start > span.end || span.start > p.shown.span.end) continue;
    const uri = p.uri;
    for (const a of environmentFixes(p.file.text, p.file, p.inner)) {
      out.push({
        ...a, title: `${a.title} in ${uri.slice(uri.lastIndexOf('/') + 1)}`, fixes: p.shown, edits: [],
        elsewhere: a.edits.map((e) => ({ uri, range: p.idx.rangeAt(e.span), newText: e.newText })),
      });
    }
  }
  return out;
}
