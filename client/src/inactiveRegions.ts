/** Fades the %if branches that are false for the selected distro profile (asked from the server). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InactiveRegionsRequest, type InactiveRegionsParams, type InactiveRegionsResult } from '../../server/src/protocol';

/**
 * `profiles` receives the profile the server used for each spec it answered for (with `auto`, the one the
 * git branch picked), for the status bar.
 */
export function createInactiveRegions(client: LanguageClient, profiles: vscode.EventEmitter<{ uri: string; profile: string }>): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({ opacity: '0.45', isWholeLine: true });
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document.languageId !== 'rpm-spec') continue;
        try {
          const r = await client.sendRequest<InactiveRegionsResult | null>(InactiveRegionsRequest.method, { uri: editor.document.uri.toString() } satisfies InactiveRegionsParams);
          editor.setDecorations(decoration, (r?.regions ?? []).map((x) => new vscode.Range(x.startLine, 0, x.endLine, 0)));
          if (r) profiles.fire({ uri: editor.document.uri.toString(), profile: r.profile });
        } catch {
          // the server restarts or the document closed: the next change refreshes
        }
      }
    }, 300);
  };
  refresh();
  return vscode.Disposable.from(
    decoration,
    vscode.window.onDidChangeVisibleTextEditors(refresh),
    vscode.window.onDidChangeWindowState((s) => { if (s.focused) refresh(); }), // a branch switched outside
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.languageId === 'rpm-spec') refresh(); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('hyperscale.spec')) refresh(); }),
    client.onDidChangeState(refresh),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
