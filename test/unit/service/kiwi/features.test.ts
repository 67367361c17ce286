// KIWI editor features: the environment quick fix, completion, hover, definition, outline, folding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { clearCompsCaches } from '../../../../server/src/service/kiwi/compsSource';
import { createLanguageService } from '../../../../server/src/service';
import { clearKiwiCaches } from '../../../../server/src/service/kiwi/resolve';
import type { CodeActionRecord } from '../../../../server/src/service/types';
import { context, memoryHost } from '../memoryHost';
import { COMPS, diag, doc, freshContext, image, service } from './helpers';

const WS = '/ws/desc/appliance.kiwi';
function apply(text: string, a: CodeActionRecord): string {
  let out = text;
  for (const e of [...a.edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

test('quick fix replaces an environment by its groups (preferred) or groups + optional groups, keeping indent and attributes', async () => {
  const text = image('  <packages type="image">\n    <namedCollection name="cloud-server-environment" arch="x86_64"/>\n    <package name="vim"/>\n  </packages>');
  const files = { [WS]: text, '/ws/comps.xml': COMPS };
  const host = memoryHost(files);
  clearKiwiCaches();
  const at = text.indexOf('cloud-server-environment') + 3;
  const actions = await service.codeActions!(doc(WS, text), { start: at, end: at }, context(host));
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
    ["Replace 'cloud-server-environment' with its groups: core, cloud-server", true],
    ["Replace 'cloud-server-environment' with its groups and optional groups (3)", false],
  ]);
  const fixed = apply(text, actions[0]);
  assert.match(fixed, /\n {4}<namedCollection name="core" arch="x86_64"\/>\n {4}<namedCollection name="cloud-server" arch="x86_64"\/>\n {4}<package name="vim"\/>/);
  assert.deepEqual(await diag({ ...files, [WS]: fixed }, WS), []);
  assert.match(apply(text, actions[1]), /<namedCollection name="standard" arch="x86_64"\/>/);
});

test('the quick fix keeps the @-package form', async () => {
  const text = image('  <packages type="image">\n    <package name="@^cloud-server-environment"/>\n  </packages>');
  clearKiwiCaches();
  const at = text.indexOf('@^') + 4;
  const [fix] = await service.codeActions!(doc(WS, text), { start: at, end: at }, context(memoryHost({ [WS]: text, '/ws/comps.xml': COMPS })));
  assert.match(apply(text, fix), /<package name="@core"\/>\n {4}<package name="@cloud-server"\/>/);
});

test('completion: comps ids in namedCollection, environments marked; profile names in profiles=""', async () => {
  const text = image('  <profiles><profile name="Cloud" description="cloud"/><profile name="Live" description="live"/></profiles>\n  <packages type="image" profiles="Cloud,"><namedCollection name="co"/></packages>');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': COMPS });
  const inName = text.indexOf('name="co"') + 8;
  const items = await service.completion!(doc(WS, text), inName, ctx);
  assert.deepEqual(items.map((i) => `${i.label} ${i.kind}`), ['core module', 'cloud-server module', 'standard module', 'cloud-server-environment folder']);
  assert.deepEqual(items[0].replace, { start: inName - 2, end: inName });
  assert.match(items[3].documentation!, /Koji\/CBS repositories carry no environment groups/);
  const inProfiles = text.indexOf('profiles="Cloud,') + 16;
  const profs = await service.completion!(doc(WS, text), inProfiles, ctx);
  assert.deepEqual(profs.map((p) => [p.label, p.detail]), [['Cloud', 'cloud'], ['Live', 'live']]);
  assert.deepEqual(profs[0].replace, { start: inProfiles, end: inProfiles });
});

test('hover: a group shows name, description and packages; an environment its groups; a profile reference its profile', async () => {
  const text = image('  <profiles><profile name="Cloud" description="Cloud images"/></profiles>\n  <packages type="image" profiles="Cloud"><namedCollection name="core"/><namedCollection name="cloud-server-environment"/></packages>');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': COMPS });
  const g = await service.hover!(doc(WS, text), text.indexOf('"core"') + 2, ctx);
  assert.equal(g!.markdown, '**Core**\n\nSmallest possible installation\n\nPackages: bash, systemd\n\n*comps group from comps.xml*');
  const e = await service.hover!(doc(WS, text), text.indexOf('cloud-server-environment') + 2, ctx);
  assert.match(e!.markdown, /^\*\*Fedora Cloud Server\*\* \(environment\)\n\nA server install for the cloud\.\n\nGroups: core, cloud-server\n\nOptional groups: standard/);
  const p = await service.hover!(doc(WS, text), text.indexOf('profiles="Cloud"') + 11, ctx);
  assert.equal(p!.markdown, '**profile Cloud**: Cloud images');
});

test('definition: profile reference to <profile> (also in an included file), include to its file', async () => {
  const text = image('  <include from="this://./parts/profiles.xml"/>\n  <packages type="image" profiles="Cloud"><package name="x"/></packages>');
  const part = '<image>\n  <profiles>\n    <profile name="Cloud" description="c"/>\n  </profiles>\n</image>';
  const ctx = freshContext({ [WS]: text, '/ws/desc/parts/profiles.xml': part });
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('profiles="Cloud"') + 12, ctx), [
    { uri: 'file:///ws/desc/parts/profiles.xml', range: { start: { line: 2, character: 19 }, end: { line: 2, character: 24 } } },
  ]);
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('this://') + 3, ctx), [{ uri: 'file:///ws/desc/parts/profiles.xml' }]);
});

test('definition: a collection name to its <id> in a comps file on disk (not in a compressed one)', async () => {
  const text = image('  <packages type="image"><namedCollection name="core"/><package name="@^cloud-server-environment"/><namedCollection name="nosuch"/></packages>');
  // A comment before the groups must not move the positions.
  const comps = COMPS.replace('<comps>', '<comps>\n<!-- a\ncomment -->');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': comps });
  const lines = comps.split('\n');
  const coreLine = lines.findIndex((l) => l.includes('<id>core</id>'));
  const envLine = lines.findIndex((l) => l.includes('<id>cloud-server-environment</id>'));
  const col = (l: number, id: string) => lines[l].indexOf(`<id>${id}`) + 4;
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('"core"') + 2, ctx), [
    { uri: 'file:///ws/comps.xml', range: { start: { line: coreLine, character: col(coreLine, 'core') }, end: { line: coreLine, character: col(coreLine, 'core') + 4 } } },
  ]);
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('@^cloud') + 5, ctx), [
    { uri: 'file:///ws/comps.xml', range: { start: { line: envLine, character: 8 }, end: { line: envLine, character: 32 } } },
  ]);
  assert.equal(lines[envLine].slice(8, 32), 'cloud-server-environment');
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('"nosuch"') + 2, ctx), []);
  clearCompsCaches();
  const gz = context(memoryHost({ [WS]: text, '/ws/comps.xml.gz': gzipSync(comps) }), { kiwi: { workspaceComps: false, compsFiles: ['/ws/comps.xml.gz'] } });
  assert.match((await service.hover!(doc(WS, text), text.indexOf('"core"') + 2, gz))!.markdown, /comps group from comps\.xml\.gz/);
  assert.deepEqual(await service.definition!(doc(WS, text), text.indexOf('"core"') + 2, gz), []);
});

test('outline and folding', () => {
  const text = image('  <profiles>\n    <profile name="Cloud" description="c"/>\n  </profiles>\n  <packages type="image" profiles="Cloud">\n    <package name="x"/>\n  </packages>');
  clearKiwiCaches();
  const ctx = context(memoryHost({}));
  const symbols = service.symbols!(doc(WS, text), ctx);
  assert.deepEqual(symbols.map((s) => `${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''}`), [
    'string description (system)', 'namespace preferences', 'module repository (https://example.org/repo)', 'namespace profiles', 'array packages image (profiles: Cloud, 1 entries)',
  ]);
  assert.deepEqual(symbols[1].children!.map((c) => `${c.name} (${c.detail})`), ['type oem (xfs)']);
  const folds = service.folding!(doc(WS, text), ctx).map((f) => [text.slice(0, f.start).split('\n').length, text.slice(0, f.end).split('\n').length]);
  assert.deepEqual(folds, [[2, 15], [4, 7], [10, 11], [13, 14]]);
});

test('the comps files diagnostics read are reported for watching, like a spec\'s macro files', async () => {
  const text = image('  <packages type="image"><namedCollection name="core"/></packages>');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': COMPS }, { kiwi: { schemaValidation: false } });
  const ls = createLanguageService();
  await ls.diagnostics(doc(WS, text), ctx);
  assert.ok(ls.watchedFiles().includes('/ws/comps.xml'), ls.watchedFiles().join(', '));
});

test('package names: completion from the comps groups (also without collections), hover names the groups', async () => {
  const text = image('  <packages type="image"><package name="sy"/><package name="bash"/><package name="htop"/></packages>');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': COMPS });
  const at = text.indexOf('name="sy"') + 8;
  const items = await service.completion!(doc(WS, text), at, ctx);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['bash', 'comps: core (mandatory)'], ['systemd', 'comps: core (default)'], ['cloud-init', 'comps: cloud-server (mandatory)'], ['rsync', 'comps: standard (default)'],
  ]);
  assert.deepEqual(items[1].replace, { start: at - 2, end: at });
  const bash = await service.hover!(doc(WS, text), text.indexOf('"bash"') + 2, ctx);
  assert.equal(bash!.markdown, '**bash** is in the comps groups: core (mandatory)');
  const htop = await service.hover!(doc(WS, text), text.indexOf('"htop"') + 2, ctx);
  assert.equal(htop!.markdown, '`htop` is in no group of the comps data in use (comps.xml); comps lists only the packages a distribution groups.');
});

test('quick fixes for a misspelt comps group and profile name', async () => {
  const text = image('  <profiles><profile name="Cloud" description="c"/></profiles>\n  <packages type="image" profiles="Clodu"><namedCollection name="cloud-sever"/><package name="@cor"/></packages>');
  const ctx = freshContext({ [WS]: text, '/ws/comps.xml': COMPS });
  const fixAt = async (needle: string, from = 0) => {
    const at = text.indexOf(needle) + from;
    return (await service.codeActions!(doc(WS, text), { start: at, end: at }, ctx)).map((a) => [a.title, a.isPreferred ?? false, a.edits[0]?.newText]);
  };
  assert.deepEqual(await fixAt('cloud-sever', 2), [["Change to 'cloud-server'", true, 'cloud-server']]);
  assert.deepEqual(await fixAt('@cor', 2), [["Change to 'core'", true, 'core']]);
  assert.deepEqual(await fixAt('Clodu', 2), [["Change to 'Cloud'", true, 'Cloud']]);
});
