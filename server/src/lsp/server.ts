/**
 * The LSP adapter: wires protocol events to the language service. Handlers stay thin; every handler is
 * guarded so a crash in one feature answers that request with an error and the server keeps serving.
 */
import {
  type Connection, type Diagnostic, ErrorCodes, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  ExpandedSpecRequest, InactiveRegionsRequest, SpecInfoRequest, type ExpandedSpecParams, type InactiveRegionsParams, type InitializationOptions, type SpecInfoParams,
} from '../protocol';
import { createLanguageService, type LanguageService } from '../service';
import type { Context, Host, TextDoc, Cancellation } from '../service/types';
import { createNodeHost } from '../node/host';
import { idleCollector } from '../node/idleGc';
import { WarmUp } from './warmup';
import * as convert from './convert';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { FileWatch } from './fileWatch';
import { OpenFiles } from './openFiles';
import { createLogger, type Logger } from './logger';
import { SettingsStore } from './settings';

export interface ServerOptions {
  /** Replaces the language service (tests inject failing features). */
  service?: LanguageService;
  /** Replaces the Node host (tests inject files and fetch). */
  host?: (log: Logger, folders: () => string[]) => Host;
}

export const SERVER_NAME = 'rpm-kiwi-language-server';

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const log = createLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const service = options.service ?? createLanguageService();
  let folders: string[] = [];
  const openFiles = new OpenFiles(documents);
  const host = openFiles.host((options.host ?? ((l, f) => createNodeHost({ workspaceFolders: f, log: (m) => l.info(m) })))(log, () => folders));
  let settings!: SettingsStore;
  let trusted = false;
  let inlayRefresh = false;
  let folderEvents = false;

  const textDoc = (d: TextDocument): TextDoc => ({ uri: d.uri, languageId: d.languageId, version: d.version, text: d.getText() });
  const context = async (uri: string, token?: Cancellation): Promise<Context> =>
    ({ settings: await settings.get(uri), host, token, trusted });

  /** Runs a request handler; a thrown error becomes an error response and a log line. */
  async function guard<T>(feature: string, uri: string, fn: () => Promise<T> | T): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e; // an answer for the user (e.g. why a name cannot be renamed), not a crash
      const msg = e instanceof Error ? e.message : String(e);
      log.error(`${feature} failed for ${uri}: ${e instanceof Error && e.stack ? e.stack : msg}`);
      throw new ResponseError(ErrorCodes.InternalError, `${feature} failed: ${msg}`);
    }
  }

  /** Publishes; once the connection is closed (a shutdown while work was in flight) there is no one to tell. */
  const sendDiagnostics = (p: { uri: string; version?: number; diagnostics: Diagnostic[] }): void => {
    try {
      connection.sendDiagnostics(p).catch(() => undefined);
    } catch {
      // closed
    }
  };

  const idle = idleCollector();
  const fileWatch = new FileWatch(connection, log);
  // A large spec's first edits would run the incremental path cold: the service runs it once while idle.
  const warmUp = new WarmUp((uri, version) => {
    void (async () => {
      const ctx = await context(uri);
      const d = documents.get(uri);
      const t0 = Date.now();
      if (d && d.version === version && service.warm(textDoc(d), ctx)) log.info(`warmed up the edit path on ${uri} (${Date.now() - t0} ms)`);
    })().catch((e) => log.error(`warm-up failed for ${uri}: ${e instanceof Error && e.stack ? e.stack : String(e)}`));
  });
  const scheduler = new DiagnosticsScheduler({
    current: (uri) => documents.get(uri),
    debounceMs: async (uri) => (await settings.get(uri)).debounceMs,
    compute: async (doc, token) => {
      const ctx = await context(doc.uri, token);
      return (await service.diagnostics(textDoc(doc), ctx)).map((f) => convert.toDiagnostic(doc, f));
    },
    publish: (uri, version, diagnostics) => {
      sendDiagnostics({ uri, version, diagnostics });
      fileWatch.sync(service.watchedFiles());
      idle.touch();
      warmUp.published(uri, version);
    },
    onError: (uri, e) => log.error(`diagnostics failed for ${uri}: ${e instanceof Error && e.stack ? e.stack : String(e)}`),
  });

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.trusted === true;
    settings = new SettingsStore(connection, init.settings);
    settings.setPullSupported(params.capabilities.workspace?.configuration === true);
    fileWatch.configure(params.capabilities.workspace?.didChangeWatchedFiles);
    inlayRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    if (params.workspaceFolders?.length) folders = params.workspaceFolders.map((f) => URI.parse(f.uri).fsPath);
    else if (params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    else if (params.rootPath) folders = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['%', '{', '?', '<', '"', '@', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source', 'source.fixAll'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    };
  });

  /** Something the diagnostics read besides the documents changed: check every open document again. */
  const recheckOpenDocuments = () => {
    for (const d of documents.all()) scheduler.schedule(d);
  };
  /** An open document other documents read (a KIWI fragment, its parent) changed or went back to its saved text. */
  const recheckReaders = (uri: string) => {
    const path = OpenFiles.pathOf(uri);
    const kinds = path ? service.readersOf(path) : [];
    if (kinds.length === 0) return;
    for (const d of documents.all()) {
      const kind = d.uri !== uri && service.kindOf(textDoc(d));
      if (kind && kinds.includes(kind)) scheduler.schedule(d);
    }
  };
  /** Ask the editor to fetch the inlay hints again (their values follow the profile). */
  const refreshInlayHints = () => {
    if (inlayRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
  };

  connection.onInitialized(() => {
    log.info(`${SERVER_NAME} ready (workspace: ${folders.join(', ') || 'none'})`);
    // Folders added to or removed from the workspace: comps files, KIWI parents and macro files are looked up there.
    if (!folderEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
      const added = e.added.map((f) => URI.parse(f.uri).fsPath);
      folders = [...folders.filter((f) => !removed.has(f) && !added.includes(f)), ...added];
      log.info(`workspace folders: ${folders.join(', ') || 'none'}`);
      recheckOpenDocuments();
    });
  });

  connection.onDidChangeConfiguration((p) => {
    settings.changed(p.settings);
    recheckOpenDocuments();
    refreshInlayHints();
  });

  // A macro file, comps file or git HEAD (the `auto` profile) the diagnostics read changed: check the open documents again.
  connection.onDidChangeWatchedFiles((p) => {
    if (!fileWatch.changed(p.changes.map((c) => c.uri))) return;
    recheckOpenDocuments();
    refreshInlayHints();
  });

  documents.onDidOpen((e) => openFiles.opened(e.document.uri));
  documents.onDidChangeContent((e) => {
    warmUp.changed(e.document.uri);
    scheduler.schedule(e.document);
    recheckReaders(e.document.uri);
  });
  documents.onDidSave(async (e) => {
    const d = e.document;
    try {
      await service.onSave(textDoc(d), await context(d.uri));
    } catch (err) {
      log.error(`on-save analysis failed for ${d.uri}: ${err instanceof Error ? err.message : String(err)}`);
    }
    scheduler.schedule(d);
  });
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    warmUp.closed(e.document.uri);
    settings.forget(e.document.uri);
    service.closed(e.document.uri);
    openFiles.closed(e.document.uri);
    recheckReaders(e.document.uri); // its saved text counts again
    sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <T>(feature: string, uri: string, empty: T, fn: (d: TextDocument, ctx: Context) => Promise<T> | T) =>
    guard(feature, uri, async () => {
      const d = documents.get(uri);
      if (!d) return empty;
      return fn(d, await context(uri));
    });

  connection.onCompletion((p) => withDoc('completion', p.textDocument.uri, [], async (d, ctx) =>
    (await service.completion(textDoc(d), d.offsetAt(p.position), ctx)).map((c) => convert.toCompletionItem(d, c))));

  connection.onHover((p) => withDoc('hover', p.textDocument.uri, null, async (d, ctx) => {
    const h = await service.hover(textDoc(d), d.offsetAt(p.position), ctx);
    return h ? convert.toHover(d, h) : null;
  }));

  connection.onDefinition((p) => withDoc('definition', p.textDocument.uri, [], async (d, ctx) =>
    (await service.definition(textDoc(d), d.offsetAt(p.position), ctx)).map((l) => convert.toLocation(d, l))));

  connection.onReferences((p) => withDoc('references', p.textDocument.uri, [], async (d, ctx) =>
    (await service.references(textDoc(d), d.offsetAt(p.position), p.context.includeDeclaration, ctx)).map((l) => convert.toLocation(d, l))));

  connection.onDocumentHighlight((p) => withDoc('documentHighlight', p.textDocument.uri, [], async (d, ctx) =>
    (await service.highlights(textDoc(d), d.offsetAt(p.position), ctx)).map((h) => convert.toHighlight(d, h))));

  connection.onPrepareRename((p) => withDoc('prepareRename', p.textDocument.uri, null, async (d, ctx) => {
    const r = await service.prepareRename(textDoc(d), d.offsetAt(p.position), ctx);
    if (!r) return null;
    if ('error' in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return { range: convert.toRange(d, r.span), placeholder: r.placeholder };
  }));

  connection.onRenameRequest((p) => withDoc('rename', p.textDocument.uri, null, async (d, ctx) => {
    const r = await service.rename(textDoc(d), d.offsetAt(p.position), p.newName, ctx);
    if ('error' in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return convert.toWorkspaceEdit(d, r.edits, r.elsewhere);
  }));

  connection.onDocumentLinks((p) => withDoc('documentLink', p.textDocument.uri, [], async (d, ctx) =>
    (await service.links(textDoc(d), ctx)).map((l) => convert.toDocumentLink(d, l))));

  connection.languages.inlayHint.on((p) => withDoc('inlayHint', p.textDocument.uri, [], async (d, ctx) =>
    (await service.inlayHints(textDoc(d), convert.toSpan(d, p.range), ctx)).map((h) => convert.toInlayHint(d, h))));

  connection.onDocumentSymbol((p) => withDoc('documentSymbol', p.textDocument.uri, [], (d, ctx) =>
    service.symbols(textDoc(d), ctx).map((s) => convert.toDocumentSymbol(d, s))));

  connection.onFoldingRanges((p) => withDoc('foldingRange', p.textDocument.uri, [], (d, ctx) =>
    service.folding(textDoc(d), ctx).flatMap((f) => convert.toFoldingRange(d, f) ?? [])));

  connection.onCodeAction((p) => withDoc('codeAction', p.textDocument.uri, [], async (d, ctx) =>
    (await service.codeActions(textDoc(d), convert.toSpan(d, p.range), ctx)).map((a) => convert.toCodeAction(d, a))));

  /** The context with another distro profile, when a request names one. */
  const withProfile = (ctx: Context, profile: string | undefined): Context =>
    (profile ? { ...ctx, settings: { ...ctx.settings, spec: { ...ctx.settings.spec, profile } } } : ctx);

  connection.onRequest(SpecInfoRequest.method, (p: SpecInfoParams) => {
    if (typeof p.text === 'string') {
      const text = p.text;
      return guard('specInfo', 'text', async () => service.specInfo({ uri: 'untitled:upstream.spec', languageId: 'rpm-spec', version: 0, text }, withProfile(await context(''), p.profile)));
    }
    return withDoc('specInfo', p.uri ?? '', null, (d, ctx) => service.specInfo(textDoc(d), withProfile(ctx, p.profile)));
  });

  connection.onRequest(InactiveRegionsRequest.method, (p: InactiveRegionsParams) =>
    withDoc('inactiveRegions', p.uri, null, (d, ctx) => service.inactiveRegions(textDoc(d), ctx)));

  connection.onRequest(ExpandedSpecRequest.method, (p: ExpandedSpecParams) =>
    withDoc('expandedSpec', p.uri, null, async (d, ctx) => (await service.expandedSpec(textDoc(d), withProfile(ctx, p.profile))) ?? null));

  documents.listen(connection);
  connection.listen();
}
