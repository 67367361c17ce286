// The extension in a real VS Code extension host (code-server + Chromium here): activation, diagnostics,
// quick fix, completion, hover, upstream compare against a local fake dist-git, profile preview and switch, commands.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, openDoc, rangeOf, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

/** The rest of a valid preamble after `Name:`, for specs the tests write. */
const PREAMBLE = 'Version: 1\nRelease: 1%{?dist}\nSummary: Demo\nLicense: MIT\n';

suite('RPM Spec & KIWI extension', () => {
  test('activates on a .spec file and its language client runs', async () => {
    await openDoc('broken.spec');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await waitFor('activation', () => ext.isActive);
    const api = ext.exports as { client: { state: number } };
    await waitFor('the language client to run', () => api.client.state === 2);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'rpm-spec');
  });

  test('broken spec: diagnostics with codes and ranges', async () => {
    const uri = workspaceUri('broken.spec');
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'endif-without-if'));
    const brief = diags.map((d) => `${codeOf(d)} ${d.severity} ${rangeOf(d.range)}`).sort();
    assert.deepEqual(brief, [
      'endif-without-if 0 14:0-14:6',
      'group-tag 3 5:0-5:33',
      'setup-not-quiet 1 11:0-11:6',
    ]);
    assert.equal(diags.find((d) => codeOf(d) === 'endif-without-if')!.message, '%endif with no %if');
  });

  test('KIWI: the Koji environment diagnostic and its quick fix', async () => {
    const editor = await openDoc('kiwi/appliance.kiwi');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'kiwi-environment-group'));
    const env = diags.find((d) => codeOf(d) === 'kiwi-environment-group')!;
    assert.equal(rangeOf(env.range), '14:27-14:51');
    assert.equal(env.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, env.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith("Replace 'cloud-server-environment' with its groups"));
    assert.ok(fix?.edit, 'the quick fix is offered');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'kiwi-environment-group'));
    assert.match(editor.document.getText(), /<namedCollection name="core"\/>\n {4}<namedCollection name="cloud-server"\/>/);
  });

  test('completion and hover answer', async () => {
    const editor = await openDoc('hello/hello.spec');
    const doc = editor.document;
    const line = doc.lineAt(doc.getText().split('\n').findIndex((l) => l.startsWith('%{_bindir}')));
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, line.range.start.translate(0, 4));
    assert.ok(items.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '_bindir'), 'macros are offered');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Release:\*\* The package release/);
  });

  test('Compare with Fedora Rawhide opens a diff against the local fake dist-git', async () => {
    const editor = await openDoc('hello/hello.spec');
    await vscode.commands.executeCommand('hyperscale.compareWithFedoraRawhide', editor.document.uri);
    const input = await waitFor('a diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputTextDiff ? tab.input : undefined;
    });
    assert.equal(input.original.scheme, 'hyperscale-upstream');
    assert.equal(input.original.path, '/fedora/rawhide/hello.spec');
    assert.equal(input.modified.toString(), editor.document.uri.toString());
    const left = await vscode.workspace.openTextDocument(input.original);
    assert.match(left.getText(), /^Version:\s+2\.12\.2$/m);
  });

  test('Preview Spec for a Distro Profile opens a diff with the spec as el9-hs reads it, follows edits, and compares two profiles', async () => {
    const editor = await openDoc('hello/hello.spec');
    await vscode.commands.executeCommand('hyperscale.previewForProfile', editor.document.uri, 'el9-hs');
    const input = await waitFor('a preview diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'rpm-spec-preview' ? tab.input : undefined;
    });
    assert.equal(input.original.toString(), editor.document.uri.toString());
    const preview = await vscode.workspace.openTextDocument(input.modified);
    const lines = preview.getText().split('\n');
    assert.equal(lines[2], 'Release:        2.1.hs.el9');
    assert.equal(lines[6], 'Source0:        https://ftp.gnu.org/gnu/hello/hello-2.12.1.tar.gz');
    // The %if 0%{?rhel} branch is taken: its directives and the %else branch are blank.
    assert.deepEqual(lines.slice(18, 23), ['', '%configure --disable-nls', '', '', '']);
    assert.deepEqual(lines.slice(29, 31), ['%license COPYING', '/usr/bin/hello']);
    // An edit of the spec shows in the preview.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(1, 16, 1, 22), '2.12.2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('the preview of the edit', () => /hello-2\.12\.2\.tar\.gz/.test(preview.getText()));
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(editor.document.uri, new vscode.Range(1, 16, 1, 22), '2.12.1');
      await vscode.workspace.applyEdit(back);
      await editor.document.save();
    }
    // Two profiles side by side.
    await vscode.commands.executeCommand('hyperscale.compareProfiles', editor.document.uri, 'fedora-rawhide', 'el9-hs');
    const pair = await waitFor('a diff of two profiles', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === 'rpm-spec-preview' ? tab.input : undefined;
    });
    const releaseOf = async (u: vscode.Uri) => (await vscode.workspace.openTextDocument(u)).getText().split('\n')[2];
    assert.equal(await releaseOf(pair.original), 'Release:        2.1.fc46');
    assert.equal(await releaseOf(pair.modified), 'Release:        2.1.hs.el9');
  });

  test('distro profile switch: a %if 0%{?rhel} branch becomes active, the Release inlay hint shows the EL dist', async () => {
    const editor = await openDoc('hello/hello.spec');
    const uri = editor.document.uri;
    const config = vscode.workspace.getConfiguration('hyperscale');
    const hover = async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(18, 2));
      return h.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const release = async () => {
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(2, 0, 3, 0));
      return hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''))).join(' ');
    };
    assert.match(await hover(), /Under \*\*fedora-rawhide\*\* \(x86_64\): not taken\./);
    assert.equal(await release(), '→ 2.1.fc46');
    await config.update('spec.profile', 'el9-hs', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the el9-hs profile', async () => /Under \*\*el9-hs\*\* \(x86_64\): taken\./.test(await hover()));
      await waitFor('the el9-hs inlay hint', async () => (await release()) === '→ 2.1.hs.el9');
    } finally {
      await config.update('spec.profile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a Fedora spec for CentOS Stream 9: its macro file is read, and %patch N gets a quick fix under el9-hs', async () => {
    const editor = await openDoc('backport/backport.spec');
    const uri = editor.document.uri;
    const config = vscode.workspace.getConfiguration('hyperscale');
    await config.update('spec.profile', 'el9-hs', vscode.ConfigurationTarget.Workspace);
    try {
      const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'patch-positional-number'));
      // %{backport_arch} comes from backport.macros next to the spec: no undefined-macro warning.
      assert.deepEqual(diags.map((d) => codeOf(d)), ['patch-positional-number']);
      const found = diags.find((d) => codeOf(d) === 'patch-positional-number')!;
      assert.equal(rangeOf(found.range), '16:0-16:8');
      assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
      // What `editor.codeActionsOnSave: { "source.fixAll.hyperscale": … }` would apply.
      const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, editor.document.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
      assert.deepEqual(fixAll.map((a) => [a.title, a.kind?.value]), [['Write %patch -P N on 1 %patch line', 'source.fixAll.hyperscale']]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Write %patch -P 1 (every rpm reads it)');
      assert.ok(fix?.edit, 'the quick fix is offered');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'patch-positional-number'));
      assert.equal(editor.document.lineAt(16).text, '%patch -P 1 -p1');
    } finally {
      await config.update('spec.profile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('document links, references and rename of a %global through VS Code\'s providers', async () => {
    const hello = await openDoc('hello/hello.spec');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', hello.document.uri);
    assert.deepEqual(links.map((l) => `${l.range.start.line} ${l.target?.toString(true)}`), [
      '5 https://www.gnu.org/software/hello/',
      '6 https://ftp.gnu.org/gnu/hello/hello-2.12.1.tar.gz',
    ]);
    const uri = workspaceUri('rename/demo.spec');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`%global forge https://example.org\nName: demo\n${PREAMBLE}URL: %{forge}/demo\n%description\nFrom %forge.\n`));
    const editor = await openDoc('rename/demo.spec');
    const at = new vscode.Position(6, 8);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at);
    assert.deepEqual(refs.map((l) => rangeOf(l.range)), ['0:8-0:13', '6:7-6:12', '8:6-8:11']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, 'upstream');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), `%global upstream https://example.org\nName: demo\n${PREAMBLE}URL: %{upstream}/demo\n%description\nFrom %upstream.\n`);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', hello.document.uri, new vscode.Position(6, 56), 'v')),
      /%version is the value of the Version: tag, so it cannot be renamed/,
    );
  });

  test('dist-git: a patch missing from the folder is reported, and saving the file there clears it (folder watch)', async () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    await vscode.workspace.fs.writeFile(workspaceUri('distgit/sources'), enc(`SHA512 (distgit-1.tar.gz) = ${'0'.repeat(128)}\n`));
    await vscode.workspace.fs.writeFile(workspaceUri('distgit/distgit.spec'), enc(`Name: distgit\n${PREAMBLE}Source0: https://example.org/distgit-1.tar.gz\nPatch0: fix.patch\n\n%description\nDemo.\n`));
    const editor = await openDoc('distgit/distgit.spec');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'source-file-missing'));
    assert.deepEqual(diags.filter((d) => codeOf(d) === 'source-file-missing').map((d) => rangeOf(d.range)), ['6:8-6:17']);
    await vscode.workspace.fs.writeFile(workspaceUri('distgit/fix.patch'), enc('--- a/x\n+++ b/x\n'));
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'source-file-missing'));
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(contributed.length >= 20);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !all.has(c)), []);
  });

  suiteTeardown(async () => {
    // Leave the broken spec and the Problems panel visible for the runner's screenshot.
    await openDoc('broken.spec');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await new Promise((r) => setTimeout(r, 1500));
    console.log('E2E SCREENSHOT NOW');
    await new Promise((r) => setTimeout(r, 3000));
  });
});
