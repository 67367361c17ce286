/** The status-bar item: shows the server state while a spec or KIWI file is active. */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

const LANGUAGES = new Set(['rpm-spec', 'rpmspec', 'kiwi']);

export function createStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hyperscale.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'RPM Spec & KIWI';
  item.command = 'hyperscale.showOutput';
  const render = () => {
    const state = client.state;
    item.text = state === State.Running ? '$(package) RPM/KIWI' : state === State.Starting ? '$(sync~spin) RPM/KIWI' : '$(error) RPM/KIWI';
    item.tooltip = state === State.Running ? 'RPM Spec & KIWI language server is running' : 'RPM Spec & KIWI language server is not running — click for the log';
    const lang = vscode.window.activeTextEditor?.document.languageId;
    if (lang && (LANGUAGES.has(lang) || vscode.window.activeTextEditor?.document.fileName.endsWith('config.xml'))) item.show();
    else item.hide();
  };
  render();
  return vscode.Disposable.from(
    item,
    client.onDidChangeState(render),
    vscode.window.onDidChangeActiveTextEditor(render),
  );
}
