/** Registers the extension's commands. Each command is a factory over the shared context. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface CommandContext {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
}

type Factory = (ctx: CommandContext) => (...args: unknown[]) => unknown;

const COMMANDS: Record<string, Factory> = {
  'hyperscale.showOutput': (ctx) => () => ctx.output.show(true),
  'hyperscale.restartServer': (ctx) => () => ctx.client.restart(),
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, make]) => vscode.commands.registerCommand(id, make(ctx)));
}
