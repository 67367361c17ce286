// The schema engine against jing with the same schema (Debian kiwi's 7.5 kiwi.rng) on every corpus
// description, then the version logic: what KIWI's own pipeline accepts gets no schema error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseKiwi } from '../../../server/src/kiwi/model';
import { parseGrammar } from '../../../server/src/kiwi/schema/rng';
import { schemaFindings } from '../../../server/src/kiwi/schema';
import { validateTree } from '../../../server/src/kiwi/schema/validate';
import { parseXml } from '../../../server/src/kiwi/xml';
import { rebuildKiwiCorpus } from './corpusLayout';

const RNG = '/usr/lib/python3/dist-packages/kiwi/schema/kiwi.rng';

function grammar() {
  assert.ok(existsSync(RNG), `${RNG} missing: install Debian's kiwi package (.ci/run does)`);
  return parseGrammar(readFileSync(RNG, 'utf8'));
}

test('same verdict and the same distinct errors as jing on every corpus description', () => {
  const g = grammar();
  assert.equal(g.version, '7.5');
  const probe = spawnSync('jing', [RNG, RNG], { encoding: 'utf8' });
  assert.ok(probe.error === undefined, 'jing must be installed (Debian package jing; .ci/run installs it)');
  const { root, rows } = rebuildKiwiCorpus();
  try {
    const descriptions = rows.filter((r) => r.kind === 'description');
    assert.equal(descriptions.length, 31);
    const key = (m: string) => m.split(';')[0];
    let failing = 0;
    for (const r of descriptions) {
      const out = spawnSync('jing', [RNG, r.file], { encoding: 'utf8' }).stdout;
      const jing = new Set(out.split('\n').filter((l) => / error: /.test(l)).map((l) => key(/ error: (.*)$/.exec(l)![1])));
      const ours = validateTree(g, parseXml(readFileSync(r.file, 'utf8')).root);
      assert.equal(ours.length > 0 ? 'fail' : 'pass', r.jing, `${r.corpusFile}: verdict`);
      assert.deepEqual(new Set(ours.map((p) => key(p.message))), jing, `${r.corpusFile}: errors`);
      if (ours.length) failing++;
    }
    assert.equal(failing, 26, 'the 7.5 schema rejects 25 descriptions written for newer KIWI and fedora-34.0 (an attribute KIWI removed)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('with the version table, descriptions KIWI 10.3.9 accepts get no schema errors; the one it rejects keeps its error', () => {
  const g = grammar();
  const { root, rows } = rebuildKiwiCorpus();
  try {
    for (const r of rows.filter((x) => x.kind === 'description' || x.kind === 'fragment')) {
      const file = parseKiwi(readFileSync(r.file, 'utf8'));
      const errors = schemaFindings(g, file).filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message.split(';')[0]}`);
      if (r.kind === 'fragment' || r.upstream === 'pass') assert.deepEqual(errors, [], r.corpusFile);
      else assert.deepEqual(errors, ['kiwi-schema-attribute attribute "hybrid" not allowed here'], r.corpusFile);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const doc = (version: string, body: string) => parseKiwi(`<image schemaversion="${version}" name="x">
  <description type="system"><author>a</author><contact>b</contact><specification>c</specification></description>
  <preferences><version>1</version>${body}</preferences>
</image>`);

test('schemaversion: below 7.4 is an error; removals are errors from their version, hints before', () => {
  const g = grammar();
  const brief = (v: string, body: string) => schemaFindings(g, doc(v, body)).map((f) => `${f.code} ${f.severity} ${f.message}`);
  assert.deepEqual(brief('7.3', '<packagemanager>zypper</packagemanager><type image="docker"/>'), [
    'kiwi-schema-version error Schema version must be >= 7.4: KIWI rejects 7.3; update the description (https://osinside.github.io/kiwi/)',
  ]);
  assert.deepEqual(brief('7.5', '<packagemanager>dnf</packagemanager><type image="docker"/>'), [
    'kiwi-schema-upgrade hint The schema 7.6 upgrade replaces <packagemanager>dnf</packagemanager> with dnf4 (or dnf5) (convert75to76.xsl)',
  ]);
  assert.deepEqual(brief('8.2', '<packagemanager>dnf</packagemanager><type image="docker"/>'), [
    'kiwi-schema-removed error <packagemanager>dnf</packagemanager> is not valid from schema 7.6 on: use dnf4 (or dnf5) (convert75to76.xsl)',
  ]);
  assert.deepEqual(brief('8.5', '<packagemanager>dnf5</packagemanager><type image="oem" vga="0x318" erofscompression="lz4"/>'), [
    'kiwi-schema-newer information The installed kiwi schema is 7.5: 2 element(s)/attribute(s) it does not know were accepted as known additions of later KIWI releases',
    'kiwi-schema-removed error attribute "vga" on <type> is not valid from schema 8.5 on: use nothing (set the console mode on kernelcmdline) (convert84to85.xsl)',
  ]);
  assert.deepEqual(brief('8.5', '<packagemanager>dnf5</packagemanager><type image="oem" wrongattr="1"/>').filter((m) => m.includes('wrongattr')).map((m) => m.split(';')[0]), [
    'kiwi-schema-attribute error attribute "wrongattr" not allowed here',
  ]);
});

test('a fragment (no schemaversion) is not asked for the root\'s required attributes and children', () => {
  const g = grammar();
  assert.deepEqual(schemaFindings(g, parseKiwi('<image><packages type="image"><package name="x"/></packages></image>')), []);
  assert.deepEqual(schemaFindings(g, parseKiwi('<image><packages type="image"><pkg name="x"/></packages></image>')).map((f) => f.message.split(';')[0]), [
    'element "pkg" not allowed anywhere',
  ]);
});
