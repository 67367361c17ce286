/**
 * "Preview Spec for a Distro Profile…": a read-only document beside the spec (in a diff) showing it as the
 * profile's build reads it, from the server's `hyperscale/expandedSpec` (nothing is run); "Compare Spec
 * Between Distro Profiles…": two such documents side by side. They follow edits of the spec and changes of
 * the profile settings.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExpandedSpecRequest, type ExpandedSpecParams, type ExpandedSpecResult } from '../../server/src/protocol';
import { PROFILES } from './commands/spec';

export const PREVIEW_SCHEME = 'rpm-spec-preview';

/** The preview's URI: the spec's path (so the title and the language follow it), the source and profile in the query. */
export function previewUri(source: vscode.Uri, profile: string): vscode.Uri {
  const query = new URLSearchParams({ source: source.toString(), profile }).toString();
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: source.path, query });
}

function parse(uri: vscode.Uri): { source: string; profile: string } {
  const q = new URLSearchParams(uri.query);
  return { source: q.get('source') ?? '', profile: q.get('profile') ?? '' };
}

export function createPreview(client: LanguageClient): { commands: Record<string, (...args: unknown[]) => unknown>; disposables: vscode.Disposable[] } {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Set<string>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const { source, profile } = parse(uri);
      open.add(uri.toString());
      try {
        const params: ExpandedSpecParams = { uri: source, ...(profile && profile !== 'current' ? { profile } : {}) };
        const r = await client.sendRequest<ExpandedSpecResult | null>(ExpandedSpecRequest.method, params);
        return r ? r.text : `# ${source} is not an open RPM spec: open it and run the preview again.\n`;
      } catch (e) {
        return `# The language server could not expand this spec: ${e instanceof Error ? e.message : String(e)}\n`;
      }
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const refresh = (source?: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      for (const u of open) if (!source || parse(vscode.Uri.parse(u)).source === source) changed.fire(vscode.Uri.parse(u));
    }, 300);
  };
  const disposables = [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.languageId === 'rpm-spec' && open.size) refresh(e.document.uri.toString()); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('hyperscale.spec') && open.size) refresh(); }),
    vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.scheme === PREVIEW_SCHEME) open.delete(d.uri.toString()); }),
    { dispose: () => timer && clearTimeout(timer) },
  ];
  const current = () => vscode.workspace.getConfiguration('hyperscale').get<string>('spec.profile') ?? 'auto';
  /** The spec to preview (the argument from the explorer or the active editor), opened for the server. */
  const specOf = async (target: unknown): Promise<vscode.Uri | undefined> => {
    const source = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    const doc = source && vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    if (!source || (doc && doc.languageId !== 'rpm-spec')) {
      void vscode.window.showInformationMessage('Open an RPM spec to preview it for a distro profile.');
      return undefined;
    }
    if (!doc) await vscode.workspace.openTextDocument(source); // the server answers for open documents
    return source;
  };
  const pick = async (arg: unknown, title: string): Promise<string | undefined> => (typeof arg === 'string' ? arg : (await vscode.window.showQuickPick(
    [{ label: 'The configured profile', description: current(), id: 'current' }, ...PROFILES.filter((p) => p.id !== 'auto').map((p) => ({ label: p.label, description: p.id, id: p.id }))],
    { title }))?.id);
  const label = (profile: string) => (profile === 'current' ? current() : profile);
  const nameOf = (source: vscode.Uri) => source.path.replace(/^.*\//, '');
  const commands = {
    /** `profile`: a profile id, or `current` for the configured one; asked when not given. */
    'hyperscale.previewForProfile': async (target?: unknown, profileArg?: unknown) => {
      const source = await specOf(target);
      const profile = source && (await pick(profileArg, 'Preview the spec as the build for this profile reads it'));
      if (!source || !profile) return;
      await vscode.commands.executeCommand('vscode.diff', source, previewUri(source, profile), `${nameOf(source)} ↔ as built for ${label(profile)}`, { preview: false });
    },
    /** What changes between two profiles' builds of the spec (Fedora's and the SIG's, say). */
    'hyperscale.compareProfiles': async (target?: unknown, leftArg?: unknown, rightArg?: unknown) => {
      const source = await specOf(target);
      const left = source && (await pick(leftArg, 'Compare the spec as built for… (left)'));
      const right = left && (await pick(rightArg, `Compare the spec as built for ${label(left)} with… (right)`));
      if (!source || !left || !right) return;
      await vscode.commands.executeCommand('vscode.diff', previewUri(source, left), previewUri(source, right), `${nameOf(source)}: ${label(left)} ↔ ${label(right)}`, { preview: false });
    },
  };
  return { commands, disposables };
}
