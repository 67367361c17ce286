/** Upstream commands: registration, the virtual-document provider, and the Version: CodeLens. */
import * as vscode from 'vscode';
import { SpecInfoRequest, type SpecInfoParams, type SpecInfoResult } from '../../../server/src/protocol';
import { SCHEME, UpstreamController, type ExternalPage } from '../upstream/controller';
import { upstreamSettings } from '../upstream/settings';
import { vscodeUi } from '../upstream/vscodeUi';
import type { CommandContext } from './index';

/** The spec a command is about: its argument (explorer/title menu) or the active editor. */
function specUri(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  const doc = vscode.window.activeTextEditor?.document;
  return doc && (doc.languageId === 'rpm-spec' || doc.fileName.endsWith('.spec')) ? doc.uri.toString() : undefined;
}

export function createUpstream(ctx: CommandContext): { controller: UpstreamController; disposables: vscode.Disposable[]; commands: Record<string, (...args: unknown[]) => unknown> } {
  const version = String(ctx.context.extension?.packageJSON?.version ?? '0.1.0');
  const controller = new UpstreamController({
    ui: vscodeUi(ctx.output),
    async fetch(url, init) {
      const res = await fetch(url, { headers: init.headers, signal: AbortSignal.timeout(init.timeoutMs), redirect: 'follow' });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => { headers[k] = v; });
      return { status: res.status, headers, body: await res.text() };
    },
    settings: () => upstreamSettings(vscode.workspace.getConfiguration('hyperscale').get('upstream'), version),
    async specInfo(uri) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      if (doc.languageId !== 'rpm-spec') await vscode.languages.setTextDocumentLanguage(doc, 'rpm-spec');
      return ctx.client.sendRequest<SpecInfoResult | null>(SpecInfoRequest.method, { uri } satisfies SpecInfoParams);
    },
    specInfoFromText: (text, profile) => ctx.client.sendRequest<SpecInfoResult | null>(SpecInfoRequest.method, { text, profile } satisfies SpecInfoParams),
    now: () => Date.now(),
  });
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => controller.documentContent(uri.toString()) ?? '' };
  const needSpec = (run: (uri: string, ...rest: unknown[]) => Promise<void>) => async (arg?: unknown, ...rest: unknown[]) => {
    const uri = specUri(arg);
    if (!uri) {
      await vscode.window.showErrorMessage('Open a .spec file first');
      return;
    }
    await run(uri, ...rest);
  };
  const page = (p: ExternalPage) => needSpec((uri) => controller.openPage(uri, p));
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'hyperscale.compareWithFedora': needSpec((uri, branch) => controller.compareSpec(uri, 'fedora', typeof branch === 'string' ? branch : undefined)),
    'hyperscale.compareWithFedoraRawhide': needSpec((uri) => controller.compareSpec(uri, 'fedora', 'rawhide')),
    'hyperscale.compareWithCentosStream': needSpec((uri, branch) => controller.compareSpec(uri, 'centos', typeof branch === 'string' ? branch : undefined)),
    'hyperscale.compareWithHyperscale': needSpec((uri, branch) => controller.compareSpec(uri, 'hyperscale', typeof branch === 'string' ? branch : undefined)),
    'hyperscale.compareSourcesWithFedora': needSpec((uri, branch) => controller.compareSources(uri, typeof branch === 'string' ? branch : undefined)),
    'hyperscale.openFedoraDistGit': page('fedoraPage'),
    'hyperscale.openFedoraSpec': page('fedoraSpec'),
    'hyperscale.openFedoraLog': page('fedoraLog'),
    'hyperscale.openKoji': page('koji'),
    'hyperscale.openBodhi': page('bodhi'),
    'hyperscale.openFedoraPackages': page('packages'),
    'hyperscale.openReleaseMonitoring': page('releaseMonitoring'),
    'hyperscale.openCentosStream': page('centosPage'),
    'hyperscale.openHyperscale': page('hyperscalePage'),
    'hyperscale.versionStatus': needSpec((uri) => controller.versionStatus(uri)),
    'hyperscale.clearUpstreamCache': () => {
      controller.clearCache();
      void vscode.window.showInformationMessage('Upstream cache cleared');
    },
  };
  const lens = vscode.languages.registerCodeLensProvider({ language: 'rpm-spec' }, {
    provideCodeLenses(doc) {
      if (!upstreamSettings(vscode.workspace.getConfiguration('hyperscale').get('upstream')).codeLens) return [];
      const line = doc.getText().split(/\r?\n/).findIndex((l) => /^Version\s*:/i.test(l));
      if (line < 0) return [];
      const range = new vscode.Range(line, 0, line, 0);
      return [
        new vscode.CodeLens(range, { title: 'Version status', command: 'hyperscale.versionStatus', arguments: [doc.uri] }),
        new vscode.CodeLens(range, { title: 'Compare with Fedora Rawhide', command: 'hyperscale.compareWithFedoraRawhide', arguments: [doc.uri] }),
      ];
    },
  });
  return { controller, commands, disposables: [vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), lens] };
}
