/** Extension entry: starts the language server, a status-bar item, an output channel and the commands. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('RPM Spec & KIWI', { log: true });
  client = createLanguageClient(context, output);
  context.subscriptions.push(output, createStatusBar(client), ...registerCommands({ context, client, output }));
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
