/**
 * A minimal LSP client for tests. `spawnServer()` starts the real bundled server (`node dist/server.js --stdio`);
 * `inProcessServer()` runs startServer() over in-memory streams so tests can inject a service or host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const SERVER_JS = join(REPO_ROOT, 'dist', 'server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  tags?: number[];
  data?: unknown;
  relatedInformation?: Array<{ location: { uri: string; range: Diagnostic['range'] }; message: string }>;
}

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ClientOptions {
  rootPath?: string;
  initializationOptions?: unknown;
  /** Answers `workspace/configuration`; when absent the client does not announce that capability. */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  /** Announce dynamic registration of file watchers (with relative patterns), as VS Code does. */
  watchFiles?: boolean;
}

export class TestClient {
  readonly published: PublishParams[] = [];
  readonly logs: string[] = [];
  /** How many `workspace/inlayHint/refresh` requests the server sent. */
  inlayRefreshes = 0;
  /** `client/registerCapability` requests the server sent. */
  readonly registrations: Array<{ registrations: Array<{ id: string; method: string; registerOptions?: any }> }> = [];
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  constructor(readonly connection: MessageConnection, private readonly dispose: () => void, private readonly inProcess = false) {
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    connection.onRequest('client/registerCapability', (p: TestClient['registrations'][number]) => { this.registrations.push(p); return null; });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => { this.inlayRefreshes++; return null; });
    connection.listen();
  }

  async initialize(opts: ClientOptions = {}): Promise<any> {
    if (opts.configuration) {
      const answer = opts.configuration;
      this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string; scopeUri?: string }> }) =>
        p.items.map((i) => answer(i.section, i.scopeUri) ?? null));
    }
    const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).href : null;
    const result = await this.connection.sendRequest('initialize', {
      // In-process servers must not watch this process (their watchdog timer would keep tests alive).
      processId: this.inProcess ? null : process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      initializationOptions: opts.initializationOptions,
      capabilities: {
        workspace: {
          configuration: !!opts.configuration, workspaceFolders: true, inlayHint: { refreshSupport: true },
          ...(opts.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends a full-text or ranged change; returns the new version. */
  change(uri: string, changes: Array<{ text: string; range?: Diagnostic['range'] }>): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  closeDoc(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** The first capability the server registered (it registers file watchers after its first diagnostics). */
  async firstRegistration(timeoutMs = 5000): Promise<{ id: string; method: string; registerOptions?: any } | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (!this.registrations.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.registrations[0]?.registrations[0];
  }

  /**
   * Writes `text` to the watched file `path` (with a later mtime, even on a coarse clock), tells the server as
   * an editor's file watcher would, and returns the diagnostics of `uri` (at `version`) published after that.
   */
  async editWatchedFile(path: string, text: string, uri: string, version?: number): Promise<Diagnostic[]> {
    const before = this.published.length;
    writeFileSync(path, text);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type: 2 }] });
    return this.diagnostics(uri, { version, pred: () => this.published.length > before });
  }

  /** Waits for diagnostics for `uri` (and `version`, when given) that satisfy `pred`. */
  async diagnostics(uri: string, opts: { version?: number; timeoutMs?: number; pred?: (d: Diagnostic[]) => boolean } = {}): Promise<Diagnostic[]> {
    const deadline = Date.now() + (opts.timeoutMs ?? 10000);
    for (;;) {
      for (let i = this.published.length - 1; i >= 0; i--) {
        const p = this.published[i];
        if (p.uri !== uri) continue;
        if (opts.version !== undefined && p.version !== opts.version) break;
        if (!opts.pred || opts.pred(p.diagnostics)) return p.diagnostics;
        break;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri}${opts.version !== undefined ? ` v${opts.version}` : ''} within timeout; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-1))}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => { clearTimeout(t); res(); });
      });
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // `exit` makes the server call process.exit(): only send it to a child process.
      if (!this.inProcess) await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.dispose();
  }
}

/** Starts `node dist/server.js --stdio` (build first with `npm run build`). */
export function spawnServer(args: string[] = ['--stdio']): { client: TestClient; proc: ChildProcess; stderr: () => string } {
  const proc = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => { stderr += d; });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new TestClient(connection, () => { connection.dispose(); proc.kill(); });
  return { client, proc, stderr: () => stderr };
}

/** Runs the server in this process over in-memory streams, with injected options. */
export function inProcessServer(options: import('../../server/src/lsp/server').ServerOptions = {}): TestClient {
  // Loaded lazily so that test files which only spawn the server do not load the LSP library.
  const { createConnection } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { startServer } = require('../../server/src/lsp/server') as typeof import('../../server/src/lsp/server');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConn, options);
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return new TestClient(connection, () => { connection.dispose(); serverConn.dispose(); toServer.end(); toClient.end(); }, true);
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The preamble of the small specs the LSP tests open (Name demo, Version 1.0, Release 1%{?dist}). */
export const DEMO_PREAMBLE = [
  'Name:           demo',
  'Version:        1.0',
  'Release:        1%{?dist}',
  'Summary:        Tests',
  'License:        MIT',
];

/** A small valid KIWI description whose packages name a comps environment (for the Koji checks). */
export const KIWI_DESCRIPTION = `<?xml version="1.0" encoding="utf-8"?>
<image schemaversion="7.4" name="hs-cloud">
  <description type="system"><author>SIG</author><contact>sig@example.org</contact><specification>Cloud</specification></description>
  <preferences>
    <version>1.0.0</version>
    <packagemanager>dnf</packagemanager>
    <type image="oem" filesystem="xfs"><oemconfig><oem-resize>false</oem-resize></oemconfig></type>
  </preferences>
  <repository type="rpm-md"><source path="https://example.org/repo"/></repository>
  <packages type="image">
    <namedCollection name="cloud-server-environment"/>
  </packages>
</image>
`;
