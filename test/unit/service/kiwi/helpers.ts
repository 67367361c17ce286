// Helpers for KIWI service tests: a description in a memory workspace, findings described compactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import type { Finding } from '../../../../server/src/common/findings';
import { createKiwiService } from '../../../../server/src/service/kiwi';
import { clearCompsCaches } from '../../../../server/src/service/kiwi/compsSource';
import { clearKiwiCaches } from '../../../../server/src/service/kiwi/resolve';
import type { Context, TextDoc } from '../../../../server/src/service/types';
import { context, memoryHost, type MemoryHost } from '../memoryHost';

export const COMPS = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'kiwi', 'comps-small.xml'), 'utf8');

export const service = createKiwiService();

/** A minimal valid description body around `packages`. */
export function image(body: string, opts: { schema?: string; pm?: string; version?: boolean } = {}): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<image schemaversion="${opts.schema ?? '7.4'}" name="demo">`,
    '  <description type="system"><author>A</author><contact>a@b</contact><specification>x</specification></description>',
    '  <preferences>',
    opts.version === false ? '' : '    <version>1.0.0</version>',
    `    <packagemanager>${opts.pm ?? 'dnf'}</packagemanager>`,
    '    <type image="oem" filesystem="xfs"><oemconfig><oem-resize>false</oem-resize></oemconfig></type>',
    '  </preferences>',
    '  <repository type="rpm-md"><source path="https://example.org/repo"/></repository>',
    body,
    '</image>',
    '',
  ].filter((l) => l !== '').join('\n');
}

export function doc(path: string, text: string, version = 1): TextDoc {
  return { uri: `file://${path}`, languageId: 'kiwi', version, text };
}

export function describe(text: string, f: Finding): string {
  const idx = new LineIndex(text);
  const a = idx.positionAt(f.span.start);
  const b = idx.positionAt(f.span.end);
  return `${f.code} ${f.severity} ${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1} ${f.message}`;
}

/** A context over a memory workspace of `files`, with the KIWI and comps caches of earlier tests cleared. */
export function freshContext(files: Record<string, string | Uint8Array>, settings: unknown = {}): Context {
  clearKiwiCaches();
  clearCompsCaches();
  return context(memoryHost(files), settings);
}

/** Diagnostics of `main`; schema validation is off unless `settings.kiwi.schemaValidation` says otherwise
 *  (the schema has its own tests), so these tests see only the checks they are about. */
export async function diag(files: Record<string, string>, main: string, settings: Record<string, any> = {}, codes?: string[], host?: MemoryHost): Promise<string[]> {
  clearKiwiCaches();
  clearCompsCaches();
  const h = host ?? memoryHost(files);
  const text = files[main];
  const withDefaults = { ...settings, kiwi: { schemaValidation: false, ...(settings.kiwi ?? {}) } };
  const found = await service.diagnostics(doc(main, text), context(h, withDefaults));
  return found.filter((f) => !codes || codes.includes(f.code)).map((f) => describe(text, f));
}
