/** Spec outline (preamble with its tags, macro definitions, subpackages, sections) and folding ranges. */
import type { SpecDocument } from '../../rpm/ast';
import { lineOfOffset } from '../../rpm/query';
import type { FoldRecord, SymbolRecord } from '../types';

export function specSymbols(doc: SpecDocument): SymbolRecord[] {
  const out: SymbolRecord[] = [];
  const main = doc.packages[0];
  const preEnd = doc.lines[Math.max(0, Math.min(doc.preambleEndLine, doc.lines.length) - 1)]?.end ?? 0;
  if (main.tags.length) {
    const nameTag = main.tags.find((t) => t.key === 'name');
    out.push({
      name: nameTag ? nameTag.value : 'Preamble', detail: 'preamble', kind: 'package',
      span: { start: 0, end: Math.max(preEnd, main.tags[main.tags.length - 1].span.end) },
      selectionSpan: nameTag ? nameTag.valueSpan : main.tags[0].nameSpan,
      children: main.tags.map((t) => ({ name: `${t.name}${t.qualifier !== undefined ? `(${t.qualifier})` : ''}`, detail: t.value, kind: 'property', span: t.span, selectionSpan: t.nameSpan })),
    });
  }
  const defines = doc.defines.filter((d) => d.kind !== 'undefine');
  if (defines.length) {
    out.push({
      name: 'Macros', kind: 'namespace', detail: `${defines.length} definitions`,
      span: { start: defines[0].span.start, end: defines[defines.length - 1].span.end }, selectionSpan: defines[0].keywordSpan,
      children: defines.map((d) => ({ name: `%${d.name}${d.params !== undefined ? `(${d.params})` : ''}`, detail: d.body.length > 60 ? d.body.slice(0, 60) + '…' : d.body, kind: 'constant', span: d.span, selectionSpan: d.nameSpan })),
    });
  }
  for (const s of doc.sections) {
    const header = doc.text.slice(s.headerSpan.start, s.headerSpan.end).split('\n')[0].trim();
    const span = { start: s.headerSpan.start, end: Math.max(s.headerSpan.end, s.bodySpan.end) };
    const pkg = s.pkg >= 0 ? doc.packages[s.pkg] : undefined;
    const sym: SymbolRecord = { name: header, kind: s.kind === 'package' ? 'package' : s.kind === 'changelog' ? 'event' : 'function', span, selectionSpan: s.keywordSpan };
    if (pkg && s.pkg > 0) sym.detail = pkg.name;
    if (s.kind === 'package' && pkg) sym.children = pkg.tags.map((t) => ({ name: t.name, detail: t.value, kind: 'property', span: t.span, selectionSpan: t.nameSpan }));
    if (s.kind === 'changelog') {
      sym.children = doc.changelog.filter((e) => e.headerSpan.start >= span.start && e.headerSpan.start <= span.end).map((e) => ({
        name: [e.evr, e.author].filter(Boolean).join(' — ') || doc.text.slice(e.headerSpan.start, e.headerSpan.end),
        detail: [e.weekday, e.month, e.day, e.year].filter((x) => x !== undefined).join(' '), kind: 'event', span: e.headerSpan, selectionSpan: e.headerSpan,
      }));
    }
    out.push(sym);
  }
  return out;
}

export function specFolding(doc: SpecDocument): FoldRecord[] {
  const out: FoldRecord[] = [];
  for (const s of doc.sections) if (s.endLine > s.line) out.push({ start: s.headerSpan.start, end: doc.lines[s.endLine].start });
  for (const c of doc.conditionals) {
    for (let i = 0; i < c.branches.length; i++) {
      const b = c.branches[i];
      const next = c.branches[i + 1]?.keywordSpan.start ?? c.endifSpan?.start ?? c.span.end;
      // Fold each branch up to the line before the next directive; the %endif line stays visible.
      const endLine = lineOfOffset(doc, next) - 1;
      if (endLine > b.line) out.push({ start: b.keywordSpan.start, end: doc.lines[endLine].start, kind: 'region' });
    }
  }
  for (let i = 0; i < doc.changelog.length; i++) {
    const e = doc.changelog[i];
    const last = e.lastText;
    if (last && last.line > e.line) out.push({ start: e.headerSpan.start, end: last.span.start });
  }
  for (const d of doc.defines) if (doc.text.slice(d.span.start, d.span.end).includes('\n')) out.push({ start: d.span.start, end: d.span.end });
  // Runs of comment lines.
  let runStart = -1;
  let prevLine = -2;
  const flush = (lastLine: number) => {
    if (runStart >= 0 && lastLine > runStart) out.push({ start: doc.lines[runStart].start, end: doc.lines[lastLine].start, kind: 'comment' });
  };
  for (const c of doc.comments) {
    if (c.line !== prevLine + 1) {
      flush(prevLine);
      runStart = c.line;
    }
    prevLine = c.line;
  }
  flush(prevLine);
  return out;
}
