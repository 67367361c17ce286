/** Registers the extension's commands. Each command is a factory over the shared context. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createUpstream } from './upstream';
import { specCommands } from './spec';
import { createPreview } from '../preview';

export interface CommandContext {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const upstream = createUpstream(ctx);
  const preview = createPreview(ctx.client);
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'hyperscale.showOutput': () => ctx.output.show(true),
    'hyperscale.restartServer': () => ctx.client.restart(),
    ...specCommands(ctx),
    ...upstream.commands,
    ...preview.commands,
  };
  return [...upstream.disposables, ...preview.disposables, ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, run))];
}
