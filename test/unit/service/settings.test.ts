import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../../server/src/service/settings';
import { applySeverityOverrides } from '../../../server/src/service/languageService';
import type { Finding } from '../../../server/src/common/findings';

test('normalizeSettings tolerates any shape and keeps valid severity overrides', () => {
  assert.deepEqual(normalizeSettings(null).severity, {});
  assert.deepEqual(normalizeSettings('x').severity, {});
  const s = normalizeSettings({ diagnostics: { severity: { a: 'Error', b: 'off', c: 'bogus', d: 'info', e: 3 } } });
  assert.deepEqual(s.severity, { a: 'error', b: 'off', d: 'information' });
});

test('severity overrides change or drop findings by code', () => {
  const f = (code: string): Finding => ({ code, message: code, severity: 'warning', span: { start: 0, end: 1 }, source: 't' });
  const out = applySeverityOverrides([f('a'), f('b'), f('c')], normalizeSettings({ diagnostics: { severity: { a: 'error', b: 'off' } } }));
  assert.deepEqual(out.map((x) => [x.code, x.severity]), [['a', 'error'], ['c', 'warning']]);
});

test('a severity set for a renamed code applies to its new name (patch-number-suffix is rpmlint\'s patch-macro-old-format)', () => {
  const s = normalizeSettings({ diagnostics: { severity: { 'patch-number-suffix': 'off' } } });
  assert.deepEqual(s.severity, { 'patch-macro-old-format': 'off' });
});
