// rpmlint's TagsCheck checks of Summary and %description text, on the spec: exact codes, ranges and
// messages, quick fixes, and the same findings rpmlint itself reports on the packages rpmbuild makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpec } from '../../../../server/src/rpm/parser';
import { specDiagnostics } from '../../../../server/src/service/spec/diagnostics';
import { quickFixes } from '../../../../server/src/service/spec/actions';
import { normalizeSettings } from '../../../../server/src/service/settings';
import { describe } from './helpers';

const CODES = ['summary-ended-with-dot', 'summary-not-capitalized', 'summary-too-long', 'name-repeated-in-summary', 'description-line-too-long', 'description-shorter-than-summary'];
const SPEC = [
  'Name:           demo',
  'Version:        1.0',
  'Release:        1',
  'Summary:        the demo package for demo users.',
  'License:        MIT',
  'BuildArch:      noarch',
  '',
  '%description',
  'A description line that is far too long for rpmlint, which wants seventy-nine chars at most.',
  'A line with a %{name} macro is measured as rpm expands it: this one is longer than seventy-nine.',
  '',
  '%package        tools',
  'Summary:        Tools for demo-tools, a very long summary that goes on and on well beyond the limit',
  '%description    tools',
  'Tools.',
  '',
  '%package -n     python3-demo',
  'Summary:        jQuery helpers...',
  '%description -n python3-demo',
  'Py.',
  '',
  '%package        docs',
  'Summary:        Documentation for %{name}',
  '%description    docs',
  'The documentation of the demo package, in HTML.',
  '',
  '%prep', '%build', '%install', '%files', '%files tools', '%files -n python3-demo', '%files docs', '',
  '%changelog', '* Tue Nov 24 2026 Jane <j@x.org> - 1.0-1', '- x', '',
].join('\n');

const S = normalizeSettings({});
const found = (text: string) => specDiagnostics(parseSpec(text), S).filter((f) => CODES.includes(f.code));

test('Summary and %description text: rpmlint\'s ids, on the words they are about; macros expanded as rpm would', () => {
  assert.deepEqual(found(SPEC).map((f) => describe(SPEC, f)), [
    'summary-not-capitalized warning 4:17-4:20 Summary does not start with a capital letter: the demo package for demo users.',
    'name-repeated-in-summary warning 4:21-4:25 Summary repeats the package name demo: say what it is instead',
    'summary-ended-with-dot warning 4:48-4:49 Summary ends with a dot: the demo package for demo users.',
    'description-line-too-long warning 9:1-9:93 %description line of 92 characters: rpmlint allows 79 (wrap it)',
    'description-line-too-long warning 10:1-10:97 %description line of 93 characters: rpmlint allows 79 (wrap it)',
    'summary-too-long warning 13:17-13:100 Summary of 83 characters: rpmlint allows 79',
    'name-repeated-in-summary warning 13:27-13:37 Summary repeats the package name demo-tools: say what it is instead',
    'description-shorter-than-summary warning 14:1-14:13 The %description (6 characters) is shorter than the Summary (83): describe the package in a few sentences',
    'summary-ended-with-dot warning 18:33-18:34 Summary ends with a dot: jQuery helpers...',
    'description-shorter-than-summary warning 19:1-19:13 The %description (3 characters) is shorter than the Summary (17): describe the package in a few sentences',
  ]);
  // A line with a macro we cannot expand is not measured (nor is its description's length).
  const unknown = SPEC.replace('Tools.\n', 'Tools: %{nosuch} makes this line long, but what it expands to is unknown, so it is not measured at all.\n');
  assert.deepEqual(found(unknown).filter((f) => f.span.start > unknown.indexOf('%description    tools') && f.span.start < unknown.indexOf('%package -n')), []);
});

test('quick fixes: drop the dot, capitalize', () => {
  const doc = parseSpec(SPEC);
  const all = specDiagnostics(doc, S);
  const line4 = { start: SPEC.indexOf('the demo'), end: SPEC.indexOf('users.') + 6 };
  const fixes = quickFixes(doc, all, line4).filter((a) => a.title === 'Remove the dot' || a.title.startsWith('Capitalize'));
  assert.deepEqual(fixes.map((a) => a.title), ['Capitalize: T', 'Remove the dot']);
  let text = SPEC;
  for (const e of fixes.flatMap((a) => a.edits).sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  assert.match(text, /\nSummary: {8}The demo package for demo users\n/);
  // A Summary whose macro's value ends with the dot: reported on the whole value, and no fix there.
  const viaMacro = '%global sum Demo helpers.\n' + SPEC.replace('Summary:        the demo package for demo users.', 'Summary:        %{sum}');
  const doc2 = parseSpec(viaMacro);
  const dot = specDiagnostics(doc2, S).filter((f) => f.code === 'summary-ended-with-dot');
  assert.deepEqual(dot.map((f) => describe(viaMacro, f)).slice(0, 1), ['summary-ended-with-dot warning 5:17-5:23 Summary ends with a dot: Demo helpers.']);
  assert.deepEqual(quickFixes(doc2, dot, dot[0].span).map((a) => a.title), []);
});

test('the same findings as rpmlint on the packages rpmbuild builds from the spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rpmlint-text-'));
  try {
    writeFileSync(join(dir, 'demo.spec'), SPEC);
    const build = spawnSync('rpmbuild', ['-bb', '--define', `_topdir ${dir}/top`, join(dir, 'demo.spec')], { encoding: 'utf8' });
    assert.equal(build.error, undefined, 'rpmbuild is installed (Debian package rpm; .ci/run installs it)');
    assert.equal(build.status, 0, build.stderr);
    const rpms = readdirSync(join(dir, 'top', 'RPMS', 'noarch')).map((f) => join(dir, 'top', 'RPMS', 'noarch', f));
    const lint = spawnSync('rpmlint', rpms, { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    assert.equal(lint.error, undefined, 'rpmlint is installed (.ci/run installs it)');
    const theirs = lint.stdout.split('\n').map((l) => /^([\w.-]+)\.noarch: [EW]: (\S+)/.exec(l)).filter((m) => m && CODES.includes(m[2])).map((m) => `${m![1]} ${m![2]}`).sort();
    const doc = parseSpec(SPEC);
    const pkgOf = (offset: number) => {
      const line = SPEC.slice(0, offset).split('\n').length - 1;
      const sec = [...doc.sections].reverse().find((s) => s.line <= line && s.kind !== 'build');
      const tag = doc.tags.find((t) => t.start <= offset && offset <= t.end);
      const index = tag ? tag.pkg : sec?.pkg ?? 0;
      return index === 0 ? 'demo' : doc.packages[index].resolved || doc.packages[index].name;
    };
    const ours = found(SPEC).map((f) => `${pkgOf(f.span.start)} ${f.code}`).sort();
    assert.deepEqual(ours, theirs);
    assert.ok(theirs.length >= 8, `rpmlint found them too: ${theirs.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
