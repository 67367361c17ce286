/** Spec commands: the release workflow (through the server's source actions), profile picker, known macros. */
import * as vscode from 'vscode';
import type { CommandContext } from './index';

/** The server's profiles (server/src/rpm/profiles.ts; a unit test keeps the two lists equal), with their target's rpm. */
export const PROFILES: Array<{ id: string; label: string; rpm: string }> = [
  { id: 'auto', label: 'From the git branch (rawhide, f44, c9s, c9s-hs, c10s-hsx…)', rpm: 'of the branch' },
  { id: 'fedora-rawhide', label: 'Fedora Rawhide', rpm: '6.0' }, { id: 'fedora-45', label: 'Fedora 45', rpm: '6.0' }, { id: 'fedora-44', label: 'Fedora 44', rpm: '6.0' },
  { id: 'el10', label: 'CentOS Stream 10 / EL10', rpm: '4.19' }, { id: 'el9', label: 'CentOS Stream 9 / EL9', rpm: '4.16' }, { id: 'el8', label: 'CentOS Stream 8 / EL8', rpm: '4.14' },
  { id: 'el10-hs', label: 'Hyperscale main (c10s, .hs.el10)', rpm: '4.19' }, { id: 'el9-hs', label: 'Hyperscale main (c9s, .hs.el9)', rpm: '4.16' },
  { id: 'el10-hsx', label: 'Hyperscale experimental (c10s, .hsx.el10)', rpm: '4.19' }, { id: 'el9-hsx', label: 'Hyperscale experimental (c9s, .hsx.el9)', rpm: '4.16' },
  { id: 'el10-hs-fb', label: 'Hyperscale facebook (c10s)', rpm: '4.19' }, { id: 'el9-hs-fb', label: 'Hyperscale facebook (c9s)', rpm: '4.16' },
];

async function sourceAction(kind: string): Promise<void> {
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind, apply: 'first' });
}

export function specCommands(_ctx: CommandContext): Record<string, (...args: unknown[]) => unknown> {
  return {
    'hyperscale.addChangelogEntry': () => sourceAction('source.hyperscale.addChangelogEntry'),
    'hyperscale.bumpRelease': () => sourceAction('source.hyperscale.bumpRelease'),
    'hyperscale.bumpReleaseWithChangelog': () => sourceAction('source.hyperscale.bumpReleaseWithChangelog'),
    'hyperscale.selectProfile': async (id?: unknown) => {
      const config = vscode.workspace.getConfiguration('hyperscale');
      const current = config.get<string>('spec.profile') ?? 'auto';
      const chosen = typeof id === 'string' ? id : (await vscode.window.showQuickPick(
        PROFILES.map((p) => ({ label: p.label, description: `${p.id} · rpm ${p.rpm}${p.id === current ? ' (current)' : ''}`, id: p.id })),
        { title: 'Distro profile for spec files' }))?.id;
      if (!chosen) return;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('spec.profile', chosen, target);
    },
    'hyperscale.addKnownMacro': async (name?: unknown) => {
      if (typeof name !== 'string' || !name) return;
      const config = vscode.workspace.getConfiguration('hyperscale');
      const list = config.get<string[]>('spec.knownMacros') ?? [];
      if (!list.includes(name)) await config.update('spec.knownMacros', [...list, name], vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    },
  };
}
