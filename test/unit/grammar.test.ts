// The TextMate grammar: valid JSON with the scopes editors rely on, and its regexes (written in the
// subset JavaScript and Oniguruma share) match the constructs they are for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'rpm-spec.tmLanguage.json'), 'utf8'));
const repo = grammar.repository;
const re = (s: string) => new RegExp(s, 'm');

test('scope and top-level structure', () => {
  assert.equal(grammar.scopeName, 'source.rpm-spec');
  assert.deepEqual(grammar.patterns.map((p: { include: string }) => p.include), ['#changelog', '#shell-section', '#text-section', '#preamble']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.grammars.find((x: { language: string }) => x.language === 'rpm-spec'), { language: 'rpm-spec', scopeName: 'source.rpm-spec', path: './syntaxes/rpm-spec.tmLanguage.json' });
});

test('tags with numbers and qualifiers', () => {
  const m = re(repo.tag.match).exec('Requires(post): systemd')!;
  assert.deepEqual([m[1], m[3], m[5].trim()], ['Requires', '(post)', 'systemd']);
  const s = re(repo.tag.match).exec('Source12:       x.tar.gz')!;
  assert.deepEqual([s[1], s[2]], ['Source', '12']);
});

test('macros: %name, %{?name}, %{!?name:alt}, %(shell), %[expr], %% escape', () => {
  const pats = repo.macros.patterns;
  assert.ok(re(pats[0].match).test('100%%'));
  assert.equal(re(pats[2].begin).exec('%{!?python3_pkgversion:3}')![2], '!?');
  assert.ok(re(pats[3].begin).test('%(echo hi)'));
  assert.ok(re(pats[4].begin).test('%[1 + 2]'));
  assert.equal(re(pats[5].match).exec('%_bindir/x')![3], '_bindir');
  assert.ok(re(pats[1].begin).test('%{lua: print(1)}'));
});

test('sections, conditionals, definitions, changelog headers', () => {
  assert.ok(re(repo['shell-section'].begin).test('%post -p /sbin/ldconfig'));
  assert.ok(re(repo['shell-section'].begin).test('%filetriggerin -- /usr/lib'));
  assert.ok(re(repo['text-section'].begin).test('%files -n python3-foo -f files.list'));
  assert.ok(!re(repo['shell-section'].begin).test('%prepare'));
  assert.equal(re(repo.conditional.match).exec('%ifarch x86_64 aarch64')![1], '%ifarch');
  assert.equal(re(repo.conditional.match).exec('%endif # end')![3], '%endif');
  const d = re(repo.definition.match).exec('%define greet(n:) Hello')!;
  assert.deepEqual([d[1], d[2], d[3]], ['%define', 'greet', '(n:)']);
  const h = re(repo.changelog.patterns[2].match).exec('* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-1')!;
  assert.deepEqual([h[2], h[3], h[4], h[5]], ['Mon Jan 01 2024', 'Jane Doe', '<jane@example.org>', '1.0-1']);
});
