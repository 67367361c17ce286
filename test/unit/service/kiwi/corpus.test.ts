// The KIWI corpus (../shared/corpus/kiwi) in its real folder layout, with the Fedora comps files there:
// - the 31 descriptions KIWI's own pipeline accepts get no error from schema/profile/include/XML checks
//   (schema: Debian kiwi's 7.5 kiwi.rng with the version table);
// - every error and every collection finding over the whole corpus is exactly the reviewed list below;
// - descriptions that name comps environments get exactly the Koji warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineIndex } from '../../../../server/src/common/lineIndex';
import { createNodeHost } from '../../../../server/src/node/host';
import { createKiwiService } from '../../../../server/src/service/kiwi';
import { clearCompsCaches } from '../../../../server/src/service/kiwi/compsSource';
import { clearKiwiCaches } from '../../../../server/src/service/kiwi/resolve';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { rebuildKiwiCorpus } from '../../kiwi/corpusLayout';

const STRUCTURE = /^kiwi-(profile|type|no-default-type|include|xml-syntax|not-image|schema)/;

/** Reviewed: every error and collection finding the corpus produces, with why. */
const EXPECTED = [
  // The corpus holds only the XML files; these files live next to the descriptions upstream.
  'AlmaLinux__kiwi-descriptions/components/liveinstall.xml:18 kiwi-file-missing error',
  'OSInside__kiwi/build-tests/x86/fedora/test-image-live-disk/appliance.kiwi:108 kiwi-file-missing error',
  't2linux__fedora-kiwi-descriptions/components/liveinstall-eln.xml:49 kiwi-file-missing error',
  // KIWI 10.3.9 rejects this one too: the hybrid attribute is gone from the schema.
  'OSInside__kiwi-descriptions/fedora/x86_64/fedora-34.0/config.xml:25 kiwi-schema-attribute error',
  // Koji: environments in Fedora ELN descriptions.
  't2linux__fedora-kiwi-descriptions/teams/eln/cloud.xml:205 kiwi-environment-group warning',
  't2linux__fedora-kiwi-descriptions/teams/eln/cloud.xml:217 kiwi-environment-group warning',
  't2linux__fedora-kiwi-descriptions/teams/eln/desktop-environments.xml:37 kiwi-environment-group warning',
  // The comps files in the corpus (f41, eln, epel9) predate the COSMIC environment the ELN description uses.
  't2linux__fedora-kiwi-descriptions/teams/eln/desktop-environments.xml:46 kiwi-group-not-found error',
  // The same four on the <include> lines of the description Koji builds (Fedora-ELN.kiwi includes those files).
  't2linux__fedora-kiwi-descriptions/Fedora-ELN.kiwi:20 kiwi-environment-group warning',
  't2linux__fedora-kiwi-descriptions/Fedora-ELN.kiwi:20 kiwi-environment-group warning',
  't2linux__fedora-kiwi-descriptions/Fedora-ELN.kiwi:22 kiwi-environment-group warning',
  't2linux__fedora-kiwi-descriptions/Fedora-ELN.kiwi:22 kiwi-group-not-found error',
];

test('KIWI corpus: no structural errors on accepted descriptions; reviewed findings only; Koji warnings for environments', async () => {
  const { root, rows } = rebuildKiwiCorpus();
  try {
    const comps = rows.filter((r) => r.kind === 'comps').map((r) => r.file);
    assert.equal(comps.length, 3);
    const settings = normalizeSettings({ kiwi: { compsFiles: comps, workspaceComps: false } });
    const host = createNodeHost({ workspaceFolders: () => [root], log: () => undefined });
    const service = createKiwiService();
    clearKiwiCaches();
    clearCompsCaches();
    const accepted = rows.filter((r) => r.kind.startsWith('description') && r.upstream === 'pass');
    assert.equal(accepted.length, 31, 'KIWI upstream 10.3.9 pipeline accepts 31 descriptions');
    const found: string[] = [];
    const structuralOnAccepted: string[] = [];
    for (const r of rows.filter((x) => x.kind.startsWith('description') || x.kind === 'fragment')) {
      const text = readFileSync(r.file, 'utf8');
      const diags = await service.diagnostics({ uri: `file://${r.file}`, languageId: 'kiwi', version: 1, text }, { settings, host, trusted: false });
      const idx = new LineIndex(text);
      for (const d of diags) {
        const where = `${relative(root, r.file)}:${idx.positionAt(d.span.start).line + 1} ${d.code} ${d.severity}`;
        if (d.severity === 'error' || d.code.startsWith('kiwi-environment') || d.code === 'kiwi-group-not-found') found.push(where);
        if (accepted.includes(r) && d.severity === 'error' && STRUCTURE.test(d.code)) structuralOnAccepted.push(where);
      }
    }
    assert.deepEqual(structuralOnAccepted, []);
    assert.deepEqual(found.sort(), [...EXPECTED].sort());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the rebuilt layout resolves includes like the original repositories', () => {
  const { root, rows } = rebuildKiwiCorpus();
  try {
    const eln = rows.find((r) => r.path === 'Fedora-ELN.kiwi')!;
    assert.equal(relative(root, eln.file), join('t2linux__fedora-kiwi-descriptions', 'Fedora-ELN.kiwi'));
    assert.ok(rows.some((r) => r.path === 'teams/eln/cloud.xml' && r.kind === 'fragment'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
