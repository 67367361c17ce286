/** Extension entry: starts the language server, a status-bar item, an output channel and the commands. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { createStatusBar } from './statusBar';
import { createInactiveRegions } from './inactiveRegions';

let client: LanguageClient | undefined;

export interface ExtensionApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('RPM Spec & KIWI', { log: true });
  client = createLanguageClient(context, output);
  const profiles = new vscode.EventEmitter<{ uri: string; profile: string }>();
  context.subscriptions.push(output, profiles, createStatusBar(client, profiles.event), createInactiveRegions(client, profiles), ...registerCommands({ context, client, output }));
  // Trust enables the optional rpm backends: restart the server so it learns about it.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const old = client;
    client = createLanguageClient(context, output);
    void old?.stop().then(() => client?.start());
  }));
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
