// The XML parser for KIWI descriptions takes about 70 ms to load, half of the server's start: it is loaded
// when the first KIWI description is analysed, never for spec files. (Each test file runs in a process of
// its own, so nothing else has loaded it here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/service';
import { context, memoryHost } from './memoryHost';

const xmlToolsLoaded = () => Object.keys(require.cache).filter((k) => k.includes('@xml-tools')).length > 0;

test('the KIWI XML parser is loaded by the first KIWI description, not before', async () => {
  const service = createLanguageService();
  const ctx = context(memoryHost({}));
  assert.equal(xmlToolsLoaded(), false, 'loaded with the service');
  const spec = await service.diagnostics({ uri: 'file:///ws/a.spec', languageId: 'rpm-spec', version: 1, text: 'Name: a\nVersion: 1\nRelease: 1%{?dist}\nSummary: S\nLicense: MIT\n%description\nA.\n' }, ctx);
  assert.deepEqual(spec.map((f) => f.code), []);
  assert.equal(xmlToolsLoaded(), false, 'loaded by a spec');
  const kiwi = await service.diagnostics({ uri: 'file:///ws/a.kiwi', languageId: 'kiwi', version: 1, text: '<image name="x" schemaversion="7.4"><oops</image>' }, ctx);
  assert.ok(kiwi.some((f) => f.code === 'kiwi-xml-syntax'), kiwi.map((f) => f.code).join(', '));
  assert.equal(xmlToolsLoaded(), true);
});
