// KIWI profile names: references and rename (also in included files), highlights; document
// links on includes, local archives and web repository sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import type { Span } from '../../../../server/src/common/findings';
import { clearKiwiCaches } from '../../../../server/src/service/kiwi/resolve';
import { context, memoryHost } from '../memoryHost';
import { doc, image, service } from './helpers';

const WS = '/ws/desc/appliance.kiwi';
const PROFILES = '  <profiles>\n    <profile name="Cloud" description="c"/>\n    <profile name="Live" description="l">\n      <requires profile="Cloud"/>\n    </profile>\n  </profiles>';
const TEXT = image(`${PROFILES}\n  <packages type="image" profiles="Live,Cloud"><package name="x"/></packages>`);
const pos = (text: string) => {
  const idx = new LineIndex(text);
  return (s: Span) => {
    const a = idx.positionAt(s.start);
    const b = idx.positionAt(s.end);
    return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
  };
};

test('references and highlights of a profile: its <profile name>, <requires profile> and profiles="" uses', async () => {
  clearKiwiCaches();
  const ctx = context(memoryHost({ [WS]: TEXT }));
  const at = pos(TEXT);
  const fromUse = TEXT.indexOf('Live,Cloud') + 6;
  const refs = await service.references!(doc(WS, TEXT), fromUse, true, ctx);
  assert.deepEqual(refs.map((r) => `${r.uri} ${at(r.span!)}`), [
    'file:///ws/desc/appliance.kiwi 11:20-11:25',
    'file:///ws/desc/appliance.kiwi 13:26-13:31',
    'file:///ws/desc/appliance.kiwi 16:41-16:46',
  ]);
  assert.deepEqual((await service.references!(doc(WS, TEXT), fromUse, false, ctx)).map((r) => at(r.span!)), ['13:26-13:31', '16:41-16:46']);
  const hl = await service.highlights!(doc(WS, TEXT), TEXT.indexOf('"Live"') + 2, ctx);
  assert.deepEqual(hl.map((h) => `${at(h.span)} ${h.kind}`), ['12:20-12:24 write', '16:36-16:40 read']);
  assert.deepEqual(await service.references!(doc(WS, TEXT), TEXT.indexOf('package name="x"') + 2, true, ctx), []);
});

test('rename a profile, also in an included file; refused for bad names and for clashes', async () => {
  clearKiwiCaches();
  const ctx = context(memoryHost({ [WS]: TEXT }));
  const at = TEXT.indexOf('"Cloud"') + 2;
  assert.deepEqual(await service.prepareRename!(doc(WS, TEXT), at, ctx), { span: { start: at - 1, end: at + 4 }, placeholder: 'Cloud' });
  const r = await service.rename!(doc(WS, TEXT), at, 'Cloud-Base', ctx);
  assert.ok('edits' in r);
  let out = TEXT;
  for (const e of [...r.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  assert.match(out, /<profile name="Cloud-Base" description="c"\/>/);
  assert.match(out, /<requires profile="Cloud-Base"\/>/);
  assert.match(out, /profiles="Live,Cloud-Base"/);
  assert.deepEqual(await service.rename!(doc(WS, TEXT), at, 'a,b', ctx), { error: "'a,b' is not a usable profile name (letters, digits, _ . + -; no commas or blanks)" });
  assert.deepEqual(await service.rename!(doc(WS, TEXT), at, 'Live', ctx), { error: "profile 'Live' already exists" });

  const main = image('  <include from="this://./parts/profiles.xml"/>\n  <packages type="image" profiles="Cloud"><package name="x"/></packages>');
  const part = '<image>\n  <profiles>\n    <profile name="Cloud" description="c"/>\n  </profiles>\n</image>';
  clearKiwiCaches();
  const ctx2 = context(memoryHost({ [WS]: main, '/ws/desc/parts/profiles.xml': part }));
  const use = main.indexOf('profiles="Cloud"') + 12;
  // Rename changes the included file too.
  assert.deepEqual(await service.prepareRename!(doc(WS, main), use, ctx2), { span: { start: use - 2, end: use + 3 }, placeholder: 'Cloud' });
  assert.deepEqual(await service.rename!(doc(WS, main), use, 'Azure', ctx2), {
    edits: [{ span: { start: use - 2, end: use + 3 }, newText: 'Azure' }],
    elsewhere: [{ uri: 'file:///ws/desc/parts/profiles.xml', range: { start: { line: 2, character: 19 }, end: { line: 2, character: 24 } }, newText: 'Azure' }],
  });
  // From the fragment: the description that includes it is changed too.
  const fromPart = await service.rename!(doc('/ws/desc/parts/profiles.xml', part), part.indexOf('Cloud') + 1, 'Azure', ctx2);
  const mainLine = main.split('\n').findIndex((l) => l.includes('profiles="Cloud"'));
  const mainCol = main.split('\n')[mainLine].indexOf('profiles="Cloud"') + 10;
  assert.deepEqual(fromPart, {
    edits: [{ span: { start: part.indexOf('Cloud'), end: part.indexOf('Cloud') + 5 }, newText: 'Azure' }],
    elsewhere: [{ uri: 'file:///ws/desc/appliance.kiwi', range: { start: { line: mainLine, character: mainCol }, end: { line: mainLine, character: mainCol + 5 } }, newText: 'Azure' }],
  });
  // References reach into the included file.
  assert.deepEqual(await service.references!(doc(WS, main), use, true, ctx2), [
    { uri: 'file:///ws/desc/appliance.kiwi', span: { start: use - 2, end: use + 3 } },
    { uri: 'file:///ws/desc/parts/profiles.xml', range: { start: { line: 2, character: 19 }, end: { line: 2, character: 24 } } },
  ]);
});

test('document links: a this:// include, an existing local archive, a web repository (not one with $basearch)', async () => {
  const text = image([
    '  <include from="this://./parts/users.xml"/>',
    '  <include from="this://./parts/missing.xml"/>',
    '  <repository type="rpm-md"><source path="https://mirror.example.org/$basearch/os"/></repository>',
    '  <packages type="image"><archive name="root.tar.gz"/><archive name="gone.tar.gz"/><package name="x"/></packages>',
  ].join('\n'));
  clearKiwiCaches();
  const host = memoryHost({ [WS]: text, '/ws/desc/parts/users.xml': '<image>\n  <users><user name="root" password="x" home="/root"/></users>\n</image>', '/ws/desc/root.tar.gz': 'x' });
  const at = pos(text);
  const links = await service.links!(doc(WS, text), context(host));
  assert.deepEqual(links.map((l) => `${at(l.span)} ${l.target}${l.tooltip ? ` (${l.tooltip})` : ''}`), [
    '9:43-9:67 https://example.org/repo',
    '10:18-10:42 file:///ws/desc/parts/users.xml (Open parts/users.xml)',
    '13:41-13:52 file:///ws/desc/root.tar.gz (Open root.tar.gz)',
  ]);
});
