/** The VS Code implementation of the upstream UI: quick picks, diff editors, notifications, progress. */
import * as vscode from 'vscode';
import type { UpstreamUi } from './controller';

export function vscodeUi(output: vscode.LogOutputChannel): UpstreamUi {
  return {
    async pick(items, title) {
      const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: title });
      return chosen?.label;
    },
    async openDiff(left, right, title) {
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(left), vscode.Uri.parse(right), title, { preview: false });
    },
    info: (message, ...actions) => Promise.resolve(vscode.window.showInformationMessage(message, ...actions)),
    error(message, ...actions) {
      output.warn(message);
      return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
    },
    progress: (title, task) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, task)),
    async openExternal(url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    async readText(uri) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return undefined;
      }
    },
    async showStatus(title, lines) {
      output.info(`${title}:\n  ${lines.join('\n  ')}`);
      await vscode.window.showInformationMessage(title, { modal: true, detail: lines.join('\n') });
    },
  };
}
