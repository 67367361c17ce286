/** Starts the bundled language server (dist/server.js) and connects it to VS Code. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_ARGS, type InitializationOptions } from '../../server/src/protocol';

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'rpm-spec' },
  { scheme: 'untitled', language: 'rpm-spec' },
  { scheme: 'file', language: 'rpmspec' },
  { scheme: 'file', language: 'kiwi' },
  { scheme: 'untitled', language: 'kiwi' },
  { scheme: 'file', language: 'xml', pattern: '**/config.xml' },
  { scheme: 'file', language: 'xml', pattern: '**/*.kiwi' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = {
    settings: vscode.workspace.getConfiguration('hyperscale'),
    trusted: vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'hyperscale' },
  };
  return new LanguageClient('hyperscale', 'RPM Spec & KIWI', serverOptions, clientOptions);
}
