// Helpers for tests inside the extension host. To add a test, write a `test(...)` in extension.test.ts
// (mocha TDD UI); use `openDoc`, `waitForDiagnostics` and `waitFor` for anything asynchronous.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'hyperscale-sig.rpm-kiwi-tools';

export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workspace is not open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function openDoc(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the diagnostics of `uri` satisfy `pred`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 60000): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return pred(d) ? d : undefined;
  }, timeoutMs);
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const rangeOf = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
