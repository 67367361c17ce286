// The command-line linter (dist/cli.js, the package's bin): output format, exit codes, JSON, and the
// options that set the distro profile, KIWI's Koji mode and the comps files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PREAMBLE, KIWI_DESCRIPTION, REPO_ROOT } from './harness';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const SPEC = [
  ...DEMO_PREAMBLE,
  'Patch1:         fix.patch',
  '',
  '%description',
  'Demo.',
  '',
  '%prep',
  '%setup -q',
  '%patch 1 -p1',
  '',
].join('\n');
const KIWI = KIWI_DESCRIPTION;

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trim().split('\n').filter(Boolean), err: r.stderr.trim() };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  mkdirSync(join(dir, 'spec'));
  mkdirSync(join(dir, 'image'));
  writeFileSync(join(dir, 'spec', 'demo.spec'), SPEC);
  writeFileSync(join(dir, 'spec', 'broken.spec'), SPEC + '%endif\n');
  writeFileSync(join(dir, 'image', 'appliance.kiwi'), KIWI);
  copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'kiwi', 'comps-small.xml'), join(dir, 'comps-small.xml'));
  return dir;
}

test('prints file:line:col severity code message, exits 1 on errors and 0 without', () => {
  const dir = workspace();
  try {
    const r = run(dir, 'spec');
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, ['spec/broken.spec:14:1 error endif-without-if %endif with no %if']);
    assert.equal(r.err, '2 file(s) checked, 1 error(s)');
    assert.equal(run(dir, 'spec/demo.spec').code, 0);
    // The comps file in the folder is read for the description, not counted as a checked file.
    assert.match(run(dir, '.').err, /^3 file\(s\) checked, /);
    const json = run(dir, '--json', 'spec/broken.spec');
    assert.deepEqual(JSON.parse(json.out.join('\n')), [{ file: 'spec/broken.spec', line: 14, column: 1, severity: 'error', code: 'endif-without-if', message: '%endif with no %if' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--profile takes a profile id or a dist-git branch name', () => {
  const dir = workspace();
  try {
    // Outside a git checkout `auto` is Fedora Rawhide, whose rpm reads %patch 1 as it means.
    assert.deepEqual(run(dir, 'spec/demo.spec').out, []);
    const expected = ['spec/demo.spec:13:1 warning patch-positional-number %patch 1 also applies Patch0 with rpm before 4.18 (el9-hs: rpm 4.16): write %patch -P 1, which every rpm reads'];
    assert.deepEqual(run(dir, '--profile', 'el9-hs', 'spec/demo.spec').out, expected);
    assert.deepEqual(run(dir, '--profile', 'c9s-hs', 'spec/demo.spec').out, expected);
    const bad = run(dir, '--profile', 'nope', 'spec');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^unknown profile nope \(a branch like c9s-hs, or one of: auto, fedora-rawhide, /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--comps and --koji: a comps environment in a KIWI description is a warning, an error for Koji/CBS', () => {
  const dir = workspace();
  try {
    const comps = join(dir, 'comps-small.xml');
    const dnf = run(dir, '--comps', comps, 'image');
    assert.equal(dnf.code, 0);
    // (The installed kiwi schema may add a hint of its own; only the comps finding is asserted.)
    const env = (lines: string[]) => lines.filter((l) => l.includes('kiwi-environment-group')).map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(env(dnf.out), ['image/appliance.kiwi:11:28 warning kiwi-environment-group']);
    const koji = run(dir, '--koji', '--comps', comps, 'image');
    assert.equal(koji.code, 1);
    assert.deepEqual(env(koji.out), ['image/appliance.kiwi:11:28 error kiwi-environment-group']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with the usage line', () => {
  const dir = workspace();
  try {
    for (const args of [[], ['--nope', 'spec'], ['--comps'], ['no/such/path']]) {
      const r = run(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
    }
    assert.match(run(dir, '--comps').err, /^--comps needs a value\nusage: rpm-kiwi-lint /);
    assert.equal(run(dir, 'no/such/path').err, 'no/such/path: no such file or directory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundled KIWI example shows the Koji environment warning, a misspelt group and an undefined profile', () => {
  const r = run(REPO_ROOT, '--json', 'examples/kiwi-hyperscale');
  assert.equal(r.code, 1);
  // (The installed kiwi schema may add a note of its own; the comps and profile findings are asserted.)
  const found = (JSON.parse(r.out.join('\n')) as Array<{ line: number; column: number; severity: string; code: string; message: string }>)
    .filter((f) => !f.code.startsWith('kiwi-schema'))
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  assert.deepEqual(found, [
    "32:28 warning kiwi-environment-group 'cloud-server-environment' is a comps environment (Cloud Server): Koji/CBS repositories carry no environment groups, only plain groups; list its groups instead (core, cloud-server)",
    "33:28 error kiwi-group-not-found group 'standrad' not found in comps (comps.xml)",
    "36:36 warning kiwi-profile-undefined profile 'Clodu' is not defined: KIWI ignores the reference",
  ]);
  // With --json nothing goes to stderr (no summary, no log line about the comps file).
  assert.equal(r.err, '');
});

test('--format gitlab writes a GitLab Code Quality report; --format github workflow commands; an unknown format is a usage error', () => {
  const dir = workspace();
  try {
    writeFileSync(join(dir, 'spec', 'broken.spec'), SPEC.replace('%setup -q', '%setup') + '%endif\n%endif\n');
    const gitlab = run(dir, '--format', 'gitlab', 'spec/broken.spec');
    assert.equal(gitlab.code, 1);
    assert.equal(gitlab.err, '');
    const issues = JSON.parse(gitlab.out.join('\n'));
    assert.deepEqual(issues.map((i: any) => [i.type, i.check_name, i.severity, i.location]), [
      ['issue', 'setup-not-quiet', 'minor', { path: 'spec/broken.spec', lines: { begin: 12, end: 12 } }],
      ['issue', 'endif-without-if', 'critical', { path: 'spec/broken.spec', lines: { begin: 14, end: 14 } }],
      ['issue', 'endif-without-if', 'critical', { path: 'spec/broken.spec', lines: { begin: 15, end: 15 } }],
    ]);
    assert.equal(issues[1].description, 'endif-without-if: %endif with no %if');
    // Fingerprints: 32 hex digits, one per finding; the same finding on another line keeps its own.
    assert.ok(issues.every((i: any) => /^[0-9a-f]{32}$/.test(i.fingerprint)));
    assert.equal(new Set(issues.map((i: any) => i.fingerprint)).size, 3);
    const moved = run(dir, '--format', 'gitlab', 'spec/broken.spec');
    writeFileSync(join(dir, 'spec', 'broken.spec'), '# a comment line moves everything down\n' + SPEC.replace('%setup -q', '%setup') + '%endif\n%endif\n');
    const shifted = JSON.parse(run(dir, '--format', 'gitlab', 'spec/broken.spec').out.join('\n'));
    assert.deepEqual(shifted.map((i: any) => i.fingerprint), JSON.parse(moved.out.join('\n')).map((i: any) => i.fingerprint));
    const github = run(dir, '--format', 'github', 'spec/broken.spec');
    assert.equal(github.code, 1);
    assert.deepEqual(github.out, [
      '::warning file=spec/broken.spec,line=13,col=1,endLine=13,endColumn=7,title=setup-not-quiet::Use %25setup -q to avoid useless output from unpacking the sources',
      '::error file=spec/broken.spec,line=15,col=1,endLine=15,endColumn=7,title=endif-without-if::%25endif with no %25if',
      '::error file=spec/broken.spec,line=16,col=1,endLine=16,endColumn=7,title=endif-without-if::%25endif with no %25if',
    ]);
    const bad = run(dir, '--format', 'xml', 'spec');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^unknown format xml \(one of text, json, gitlab, github\)\nusage: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
