/**
 * The service layer's surface: plain records (offsets, markdown strings), no LSP types.
 * lsp/convert.ts turns them into protocol objects.
 */
import type { Finding, Span } from '../common/findings';
import type { LineCol } from '../common/lineIndex';
import type { Settings } from './settings';

/** A document as the service sees it. */
export interface TextDoc {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export type LanguageKind = 'rpm-spec' | 'kiwi';

export type CompletionKind =
  | 'keyword' | 'function' | 'variable' | 'constant' | 'snippet' | 'module' | 'property' | 'value'
  | 'enum' | 'file' | 'class' | 'field' | 'text' | 'reference' | 'folder' | 'event';

export interface CompletionRecord {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** insertText is a snippet (`${1:placeholder}` syntax). */
  snippet?: boolean;
  /** The span the item replaces; defaults to the word at the cursor. */
  replace?: Span;
  sortText?: string;
  filterText?: string;
  deprecated?: boolean;
}

export interface HoverRecord {
  markdown: string;
  span?: Span;
}

/** A range in a document other than the one asked about (line/character, 0-based). */
export interface ForeignRange {
  start: LineCol;
  end: LineCol;
}

/** A target of go-to-definition: a span in the same document, or a range/whole file elsewhere. */
export interface LocationRecord {
  uri: string;
  span?: Span;
  range?: ForeignRange;
}

export type SymbolKind =
  | 'file' | 'module' | 'namespace' | 'package' | 'class' | 'method' | 'property' | 'field'
  | 'constructor' | 'enum' | 'interface' | 'function' | 'variable' | 'constant' | 'string'
  | 'number' | 'boolean' | 'array' | 'object' | 'key' | 'null' | 'event' | 'struct';

export interface SymbolRecord {
  name: string;
  detail?: string;
  kind: SymbolKind;
  span: Span;
  selectionSpan: Span;
  children?: SymbolRecord[];
}

/** A foldable region from the line of `start` to the line of `end`. */
export interface FoldRecord {
  start: number;
  end: number;
  kind?: 'comment' | 'region' | 'imports';
}

export interface TextEditRecord {
  span: Span;
  newText: string;
}

export interface CodeActionRecord {
  title: string;
  kind: 'quickfix' | 'refactor' | 'refactor.rewrite' | 'source';
  isPreferred?: boolean;
  /** The finding this action fixes, if any (shown as the action's diagnostic). */
  fixes?: Finding;
  /** Edits to the same document. */
  edits: TextEditRecord[];
  /** Edits to other files (as read from disk), e.g. an included KIWI fragment. */
  elsewhere?: ForeignEditRecord[];
  /** Shown instead of applying when the action cannot be done (LSP `disabled.reason`). */
  disabled?: string;
  /** A finer kind than `kind`, e.g. `source.hyperscale.addChangelogEntry`. */
  subKind?: string;
  /** A client command to run after the edits. */
  command?: { command: string; title: string; arguments?: unknown[] };
}

/** A clickable range: `target` is a URI (a web address or a `file://` one). */
export interface LinkRecord {
  span: Span;
  target: string;
  tooltip?: string;
}

/** An occurrence of the name under the cursor, for highlighting: a definition is `write`, a use `read`. */
export interface HighlightRecord {
  span: Span;
  kind: 'read' | 'write';
}

/** A note shown in the text after `offset` (an inlay hint). */
export interface InlayHintRecord {
  offset: number;
  label: string;
  /** Markdown. */
  tooltip?: string;
}

/** What rename may change: the name under the cursor, or why it cannot be renamed. */
export type RenameTarget = { span: Span; placeholder: string } | { error: string };

/** An edit of another file than the document asked about (as read from disk). */
export interface ForeignEditRecord {
  uri: string;
  range: ForeignRange;
  newText: string;
}

/** Edits of a rename (in the document, and in files it includes or is included by), or why it cannot be done. */
export type RenameResult = { edits: TextEditRecord[]; elsewhere?: ForeignEditRecord[] } | { error: string };

/** Cooperative cancellation: long-running work checks it and stops early. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * What the service may ask of the outside world. Injected, so tests need no disk or network tricks.
 * Paths are absolute file-system paths; URIs are `file://` URIs.
 */
export interface Host {
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Size and modification time, or undefined when the file does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The names in a folder and its modification time; undefined when it is not a folder (optional: hosts without it skip what needs it). */
  listDir?(path: string): Promise<{ names: string[]; mtimeMs: number } | undefined>;
  /** Decompresses gzip or xz data; throws with a clear message when it cannot. */
  decompress(data: Uint8Array, format: 'gzip' | 'xz'): Promise<Uint8Array>;
  /** Files (absolute paths) in the workspace folders whose base name matches `name`. */
  findWorkspaceFiles(name: RegExp, maxResults?: number): Promise<string[]>;
  workspaceFolders(): string[];
  fetch(url: string, init: { timeoutMs: number; headers?: Record<string, string> }): Promise<HttpResponse>;
  now(): Date;
  log(message: string): void;
  /** Runs a program (no shell). Only the optional rpm backends use it, in trusted workspaces. */
  run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs: number }): Promise<RunResult>;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  /**
   * Set when the file is open in the editor: `readFile` then gives the editor's text (maybe unsaved), and
   * this names its version (it changes with every edit, and when the file is opened again).
   */
  open?: string;
}

export type RunResult =
  | { status: 'ok'; code: number; stdout: string; stderr: string }
  | { status: 'missing' }
  | { status: 'timeout' }
  | { status: 'error'; message: string };

/** Everything a feature needs besides the document. */
export interface Context {
  settings: Settings;
  host: Host;
  /** The workspace is trusted: only then may a feature run tools that expand spec code (rpmspec, rpm --eval). */
  trusted: boolean;
  token?: Cancellation;
}

/** The features of one language. Only `diagnostics` is required. */
export interface DocumentService {
  diagnostics(doc: TextDoc, ctx: Context): Finding[] | Promise<Finding[]>;
  completion?(doc: TextDoc, offset: number, ctx: Context): CompletionRecord[] | Promise<CompletionRecord[]>;
  hover?(doc: TextDoc, offset: number, ctx: Context): HoverRecord | null | Promise<HoverRecord | null>;
  definition?(doc: TextDoc, offset: number, ctx: Context): LocationRecord[] | Promise<LocationRecord[]>;
  /** Every occurrence of the name at `offset` (macro, bcond, profile), definitions included when asked. */
  references?(doc: TextDoc, offset: number, includeDeclaration: boolean, ctx: Context): LocationRecord[] | Promise<LocationRecord[]>;
  highlights?(doc: TextDoc, offset: number, ctx: Context): HighlightRecord[] | Promise<HighlightRecord[]>;
  /** Undefined when there is nothing to rename at `offset`. */
  prepareRename?(doc: TextDoc, offset: number, ctx: Context): RenameTarget | undefined | Promise<RenameTarget | undefined>;
  rename?(doc: TextDoc, offset: number, newName: string, ctx: Context): RenameResult | Promise<RenameResult>;
  links?(doc: TextDoc, ctx: Context): LinkRecord[] | Promise<LinkRecord[]>;
  /** Inlay hints for the part `span` of the document (the editor asks for what is visible). */
  inlayHints?(doc: TextDoc, span: Span, ctx: Context): InlayHintRecord[] | Promise<InlayHintRecord[]>;
  symbols?(doc: TextDoc, ctx: Context): SymbolRecord[];
  folding?(doc: TextDoc, ctx: Context): FoldRecord[];
  codeActions?(doc: TextDoc, span: Span, ctx: Context): CodeActionRecord[] | Promise<CodeActionRecord[]>;
  /** The document was saved (the spec service runs its optional backends). */
  onSave?(doc: TextDoc, ctx: Context): Promise<void>;
  /** Files on disk the diagnostics of this language have read (absolute paths), to watch for changes. */
  watchedFiles?(): string[];
  /** The document was closed: drop what is kept for it (the spec tree of a 60k-line file is tens of MB). */
  closed?(uri: string): void;
  /**
   * Idle time after the document's diagnostics were published: prepare for the first edit (the spec service
   * runs its incremental path once on a large spec). Nothing is published; the document's state afterwards
   * is what it was. True when there was something to do.
   */
  warm?(doc: TextDoc, ctx: Context): boolean;
}
