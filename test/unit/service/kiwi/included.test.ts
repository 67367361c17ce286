// Problems inside included fragments, on the <include> line of the description Koji builds: same code and
// severity, the fragment's line in the message, related information there, and the quick fix editing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPS, diag, doc, freshContext, image, service } from './helpers';

const WS = '/ws/desc/appliance.kiwi';
const MAIN = image('  <include from="this://./parts/cloud.xml"/>');
const PART = [
  '<image>',
  '  <packages type="image" profiles="Nope">',
  '    <namedCollection name="cloud-server-environment"/>',
  '    <namedCollection name="no-such-group"/>',
  '  </packages>',
  '</image>',
  '',
].join('\n');
const FILES = { [WS]: MAIN, '/ws/desc/parts/cloud.xml': PART, '/ws/comps.xml': COMPS };

test('a fragment\'s environment group, unknown group and undefined profile show on the include line', async () => {
  assert.deepEqual(await diag(FILES, WS, {}, ['kiwi-environment-group', 'kiwi-group-not-found', 'kiwi-profile-undefined']), [
    "kiwi-profile-undefined warning 10:18-10:42 in parts/cloud.xml, line 2: profile 'Nope' is not defined: KIWI ignores the reference",
    "kiwi-environment-group warning 10:18-10:42 in parts/cloud.xml, line 3: 'cloud-server-environment' is a comps environment (Fedora Cloud Server): Koji/CBS repositories carry no environment groups, only plain groups; list its groups instead (core, cloud-server)",
    'kiwi-group-not-found error 10:18-10:42 in parts/cloud.xml, line 4: group \'no-such-group\' not found in comps (comps.xml)',
  ]);
  // Koji mode makes the environment an error there too.
  assert.deepEqual((await diag(FILES, WS, { kiwi: { mode: 'koji' } }, ['kiwi-environment-group'])).map((d) => d.split(' ').slice(0, 2).join(' ')), ['kiwi-environment-group error']);
});

test('related information points into the fragment; the quick fix edits the fragment', async () => {
  const ctx = freshContext(FILES, { kiwi: { schemaValidation: false } });
  const found = (await service.diagnostics(doc(WS, MAIN), ctx)).find((f) => f.code === 'kiwi-environment-group')!;
  assert.deepEqual(found.related, [{
    uri: 'file:///ws/desc/parts/cloud.xml', range: { start: { line: 2, character: 27 }, end: { line: 2, character: 51 } },
    message: found.message.replace('in parts/cloud.xml, line 3: ', ''),
  }]);
  const actions = await service.codeActions!(doc(WS, MAIN), found.span, ctx);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false, a.edits.length]), [
    ["Replace 'cloud-server-environment' with its groups: core, cloud-server in cloud.xml", true, 0],
    ["Replace 'cloud-server-environment' with its groups and optional groups (3) in cloud.xml", false, 0],
  ]);
  assert.deepEqual(actions[0].elsewhere, [{
    uri: 'file:///ws/desc/parts/cloud.xml', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 54 } },
    newText: '<namedCollection name="core"/>\n    <namedCollection name="cloud-server"/>',
  }]);
  assert.deepEqual(actions[0].fixes, found);
});
