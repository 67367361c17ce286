// Inlay hints: what tags and %globals written with macros expand to under the profile, in the asked range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import { createLanguageService } from '../../../../server/src/service';
import { context, memoryHost } from '../memoryHost';

const SPEC = [
  '%global forgeurl https://github.com/example/demo',
  '%if 0%{?rhel}',
  '%global sig_suffix .sig',
  '%endif',
  '%global shortcommit %(echo abc)',
  'Name:           demo',
  'Version:        1.2',
  'Release:        3%{?sig_suffix}%{?dist}',
  'Summary:        Demo',
  'License:        MIT',
  'URL:            %{forgeurl}',
  'Source0:        %{url}/archive/v%{version}/%{name}-%{version}.tar.gz',
  'Source1:        %{nosuch}/x.tar.gz',
  'Source2:        plain.tar.gz',
  '%global tarball %{name}-%{version}.tar.gz',
  '%global provides %{expand:\\',
  'Provides: %{name}-compat = %{version}\\',
  '}',
  '%description',
  'Demo.',
  '',
].join('\n');

const service = createLanguageService();
const hints = async (settings: unknown, span = { start: 0, end: SPEC.length }) => {
  const idx = new LineIndex(SPEC);
  const found = await service.inlayHints({ uri: 'file:///ws/demo/demo.spec', languageId: 'rpm-spec', version: 1, text: SPEC }, span, context(memoryHost({}), settings));
  return found.map((h) => {
    const p = idx.positionAt(h.offset);
    return `${p.line + 1}:${p.character + 1} ${h.label}`;
  });
};

test('the values of tags and %globals under the profile, at the end of their line', async () => {
  // Not shown: %(…) (line 5), an undefined macro (line 13), values without macros.
  assert.deepEqual(await hints({}), [
    '8:40 → 3.fc46',
    '11:28 → https://github.com/example/demo',
    '12:69 → https://github.com/example/demo/archive/v1.2/demo-1.2.tar.gz',
    '15:42 → demo-1.2.tar.gz',
  ]);
  // The %global in the %if 0%{?rhel} branch counts for EL.
  assert.deepEqual(await hints({ spec: { profile: 'el9-hs' } }), [
    '8:40 → 3.sig.hs.el9',
    '11:28 → https://github.com/example/demo',
    '12:69 → https://github.com/example/demo/archive/v1.2/demo-1.2.tar.gz',
    '15:42 → demo-1.2.tar.gz',
  ]);
});

test('only the asked range; off with hyperscale.spec.inlayHints: false', async () => {
  const start = SPEC.indexOf('Release:');
  assert.deepEqual(await hints({}, { start, end: start + 10 }), ['8:40 → 3.fc46']);
  assert.deepEqual(await hints({ spec: { inlayHints: false } }), []);
});
