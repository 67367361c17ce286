/** The one place where service records (offsets) become LSP objects (line/character ranges). */
import {
  CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, DiagnosticTag,
  DocumentHighlight, DocumentHighlightKind, DocumentLink, DocumentSymbol, FoldingRange, FoldingRangeKind, Hover,
  type InlayHint, InsertTextFormat, Location, MarkupKind, Range, SymbolKind, TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../common/findings';
import type {
  CodeActionRecord, CompletionKind, CompletionRecord, FoldRecord, ForeignEditRecord, HighlightRecord, HoverRecord, InlayHintRecord, LinkRecord,
  LocationRecord, SymbolKind as SK, SymbolRecord, TextEditRecord,
} from '../service/types';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: f.source,
    message: f.message,
  };
  if (f.tags?.length) {
    d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (f.data !== undefined) d.data = f.data;
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  return d;
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, function: CompletionItemKind.Function, variable: CompletionItemKind.Variable,
  constant: CompletionItemKind.Constant, snippet: CompletionItemKind.Snippet, module: CompletionItemKind.Module,
  property: CompletionItemKind.Property, value: CompletionItemKind.Value, enum: CompletionItemKind.Enum,
  file: CompletionItemKind.File, class: CompletionItemKind.Class, field: CompletionItemKind.Field,
  text: CompletionItemKind.Text, reference: CompletionItemKind.Reference, folder: CompletionItemKind.Folder,
  event: CompletionItemKind.Event,
};

export function toCompletionItem(doc: TextDocument, c: CompletionRecord): CompletionItem {
  const item: CompletionItem = { label: c.label, kind: COMPLETION_KIND[c.kind] };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.deprecated) item.tags = [1];
  if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  const text = c.insertText ?? c.label;
  if (c.replace) item.textEdit = TextEdit.replace(toRange(doc, c.replace), text);
  else if (c.insertText !== undefined) item.insertText = c.insertText;
  return item;
}

export function toHover(doc: TextDocument, h: HoverRecord): Hover {
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: h.markdown } };
  if (h.span) hover.range = toRange(doc, h.span);
  return hover;
}

export function toLocation(doc: TextDocument, l: LocationRecord): Location {
  if (l.span && l.uri === doc.uri) return { uri: l.uri, range: toRange(doc, l.span) };
  const zero = { line: 0, character: 0 };
  return { uri: l.uri, range: l.range ?? { start: zero, end: zero } };
}

export function toHighlight(doc: TextDocument, h: HighlightRecord): DocumentHighlight {
  return { range: toRange(doc, h.span), kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

export function toDocumentLink(doc: TextDocument, l: LinkRecord): DocumentLink {
  const link: DocumentLink = { range: toRange(doc, l.span), target: l.target };
  if (l.tooltip) link.tooltip = l.tooltip;
  return link;
}

export function toInlayHint(doc: TextDocument, h: InlayHintRecord): InlayHint {
  const hint: InlayHint = { position: doc.positionAt(h.offset), label: h.label, paddingLeft: true };
  if (h.tooltip) hint.tooltip = { kind: MarkupKind.Markdown, value: h.tooltip };
  return hint;
}

/** Edits of the document (and of other files, with their own ranges) as a workspace edit. */
export function toWorkspaceEdit(doc: TextDocument, edits: TextEditRecord[], elsewhere: ForeignEditRecord[] = []): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = edits.length ? { [doc.uri]: edits.map((e) => TextEdit.replace(toRange(doc, e.span), e.newText)) } : {};
  for (const e of elsewhere) (changes[e.uri] ??= []).push(TextEdit.replace(e.range, e.newText));
  return { changes };
}

const SYMBOL_KIND: Record<SK, SymbolKind> = {
  file: SymbolKind.File, module: SymbolKind.Module, namespace: SymbolKind.Namespace, package: SymbolKind.Package,
  class: SymbolKind.Class, method: SymbolKind.Method, property: SymbolKind.Property, field: SymbolKind.Field,
  constructor: SymbolKind.Constructor, enum: SymbolKind.Enum, interface: SymbolKind.Interface,
  function: SymbolKind.Function, variable: SymbolKind.Variable, constant: SymbolKind.Constant,
  string: SymbolKind.String, number: SymbolKind.Number, boolean: SymbolKind.Boolean, array: SymbolKind.Array,
  object: SymbolKind.Object, key: SymbolKind.Key, null: SymbolKind.Null, event: SymbolKind.Event,
  struct: SymbolKind.Struct,
};

export function toDocumentSymbol(doc: TextDocument, s: SymbolRecord): DocumentSymbol {
  const range = toRange(doc, s.span);
  let selectionRange = toRange(doc, s.selectionSpan);
  // LSP requires the selection range to be contained in the range.
  if (s.selectionSpan.start < s.span.start || s.selectionSpan.end > s.span.end) selectionRange = range;
  return {
    name: s.name || '(unnamed)',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range,
    selectionRange,
    children: s.children?.map((c) => toDocumentSymbol(doc, c)),
  };
}

export function toFoldingRange(doc: TextDocument, f: FoldRecord): FoldingRange | undefined {
  const startLine = doc.positionAt(f.start).line;
  const endLine = doc.positionAt(f.end).line;
  if (endLine <= startLine) return undefined;
  const r: FoldingRange = { startLine, endLine };
  if (f.kind === 'comment') r.kind = FoldingRangeKind.Comment;
  else if (f.kind === 'region') r.kind = FoldingRangeKind.Region;
  else if (f.kind === 'imports') r.kind = FoldingRangeKind.Imports;
  return r;
}

export function toCodeAction(doc: TextDocument, a: CodeActionRecord): CodeAction {
  const action: CodeAction = {
    title: a.title,
    kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix
      : a.kind === 'refactor' ? CodeActionKind.Refactor
      : a.kind === 'refactor.rewrite' ? CodeActionKind.RefactorRewrite
      : CodeActionKind.Source,
  };
  if (a.subKind) action.kind = a.subKind;
  if (a.isPreferred) action.isPreferred = true;
  if (a.disabled) action.disabled = { reason: a.disabled };
  if (a.fixes) action.diagnostics = [toDiagnostic(doc, a.fixes)];
  if (a.edits.length || a.elsewhere?.length) {
    action.edit = toWorkspaceEdit(doc, a.edits, a.elsewhere);
  }
  if (a.command) action.command = a.command;
  return action;
}
