/** The status-bar item: server state and, for spec files, the distro profile (click to switch). */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

const LANGUAGES = new Set(['rpm-spec', 'rpmspec', 'kiwi']);

export function createStatusBar(client: LanguageClient, profiles: vscode.Event<{ uri: string; profile: string }>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hyperscale.status', vscode.StatusBarAlignment.Right, 100);
  // The profile the server used per spec: with `auto`, the one the git branch picked.
  const used = new Map<string, string>();
  item.name = 'RPM Spec & KIWI';
  const render = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const lang = doc?.languageId;
    const isSpec = lang === 'rpm-spec' || lang === 'rpmspec';
    const state = client.state;
    const icon = state === State.Running ? '$(package)' : state === State.Starting ? '$(sync~spin)' : '$(error)';
    const setting = vscode.workspace.getConfiguration('hyperscale').get<string>('spec.profile') ?? 'auto';
    const resolved = doc ? used.get(doc.uri.toString()) : undefined;
    const profile = setting === 'auto' ? `auto: ${resolved ?? '…'}` : setting;
    item.text = isSpec ? `${icon} ${profile}` : `${icon} KIWI`;
    item.command = isSpec ? 'hyperscale.selectProfile' : 'hyperscale.showOutput';
    item.tooltip = state !== State.Running ? 'RPM Spec & KIWI language server is not running — click for the log'
      : isSpec ? `Distro profile for %if and macro values: ${profile}${setting === 'auto' ? ' (from the git branch)' : ''} — click to switch` : 'RPM Spec & KIWI language server is running';
    if (lang && (LANGUAGES.has(lang) || doc?.fileName.endsWith('config.xml'))) item.show();
    else item.hide();
  };
  render();
  return vscode.Disposable.from(
    item,
    client.onDidChangeState(render),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('hyperscale.spec.profile')) render(); }),
    profiles((p) => { used.set(p.uri, p.profile); render(); }),
  );
}
