// Schema features through the service: where the schema comes from, diagnostics, completion, hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { clearKiwiCaches } from '../../../../server/src/service/kiwi/resolve';
import { clearSchemaCache } from '../../../../server/src/service/kiwi/schemaSource';
import { context, memoryHost } from '../memoryHost';
import { diag, doc, image, service } from './helpers';

const RNG_PATH = '/usr/lib/python3/dist-packages/kiwi/schema/kiwi.rng';
const WS = '/ws/desc/appliance.kiwi';

function rng(): string {
  assert.ok(existsSync(RNG_PATH), `${RNG_PATH} missing: install Debian's kiwi package (.ci/run does)`);
  return readFileSync(RNG_PATH, 'utf8');
}

test('no schema anywhere: one information diagnostic naming the setting, nothing else', async () => {
  clearSchemaCache();
  const text = image('  <packages type="image"><package name="x"/></packages>');
  assert.deepEqual(await diag({ [WS]: text }, WS, { kiwi: { schemaValidation: true } }, ['kiwi-schema-unavailable']), [
    'kiwi-schema-unavailable information 2:2-2:7 KIWI schema not found: install kiwi (its kiwi.rng) or set hyperscale.kiwi.schemaPath; schema validation is off',
  ]);
  clearSchemaCache();
  assert.deepEqual(await diag({ [WS]: text }, WS, { kiwi: { schemaValidation: true, schemaPath: 'schema/kiwi.rng' } }, ['kiwi-schema-unavailable']), [
    'kiwi-schema-unavailable information 2:2-2:7 KIWI schema not found at /ws/schema/kiwi.rng (setting hyperscale.kiwi.schemaPath)',
  ]);
});

test('the installed schema (found on the Debian path) validates; errors land on the user\'s line', async () => {
  clearSchemaCache();
  const text = image('  <packages type="image"><package name="x" arch="x86_64" bogus="1"/></packages>').replace('<type image="oem"', '<type image="oem" format="nope"');
  const out = await diag({ [WS]: text, [RNG_PATH]: rng() }, WS, { kiwi: { schemaValidation: true } }, ['kiwi-schema-value', 'kiwi-schema-attribute']);
  assert.equal(out.length, 2);
  assert.match(out[0], /^kiwi-schema-value error 7:31-7:35 value of attribute "format" is invalid; must be equal to "gce", "ova", "qcow2"/);
  assert.match(out[1], /^kiwi-schema-attribute error 10:58-10:63 attribute "bogus" not allowed here; expected attribute /);
});

test('schema completion: child elements after <, attributes in a start tag, values in quotes; hover docs', async () => {
  clearSchemaCache();
  clearKiwiCaches();
  const host = memoryHost({ [RNG_PATH]: rng() });
  const ctx = context(host);
  const base = image('  <packages type="image">\n    <|\n  </packages>');
  const at = base.indexOf('|');
  const text = base.replace('|', '');
  const els = await service.completion!(doc(WS, text), at, ctx);
  assert.deepEqual(els.map((e) => e.label), ['archive', 'collectionModule', 'ignore', 'namedCollection', 'package', 'product']);
  assert.equal(els[3].kind, 'class');
  const tag = image('  <packages type="image"><package name="x" |/></packages>');
  const attrs = await service.completion!(doc(WS, tag.replace('|', '')), tag.indexOf('|'), ctx);
  assert.ok(attrs.some((a) => a.label === 'arch' && a.insertText === 'arch="$1"' && a.snippet));
  assert.ok(!attrs.some((a) => a.label === 'name'), 'present attributes are not offered again');
  const val = image('  <packages type="|"><package name="x"/></packages>');
  const vals = await service.completion!(doc(WS, val.replace('|', '')), val.indexOf('|'), ctx);
  assert.deepEqual(vals.map((v) => v.label).slice(0, 4), ['bootstrap', 'delete', 'docker', 'image']);
  const h = await service.hover!(doc(WS, text), text.indexOf('packagemanager') + 3, ctx);
  assert.equal(h!.markdown, '**<packagemanager>** — Name of the Package Manager');
  const ha = await service.hover!(doc(WS, text), text.indexOf('image="oem"') + 2, ctx);
  assert.match(ha!.markdown, /^\*\*image\*\* \(on <type>\) — Specifies the image type\n\nValues: `appx`, `btrfs`/);
});
