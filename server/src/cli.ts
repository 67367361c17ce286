/**
 * Command-line linter over the same language service as the editor:
 *   rpm-kiwi-lint [--format text|json|gitlab|github] [--settings settings.json] [--profile ID] [--koji] [--comps FILE]... PATH...
 * Prints `file:line:col severity code message` per diagnostic (or a report: cliReport.ts; `--json` is
 * `--format json`); exits 1 when any error was found,
 * 2 on a usage error. Directories are walked for *.spec, *.kiwi and KIWI config.xml files. The options
 * after --settings override its values: the distro profile (`el9-hs`, or a branch name like `c9s-hs`;
 * default `auto`, from each spec's git branch), KIWI's Koji/CBS mode, and comps files (instead of the settings' and the workspace's).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from './common/lineIndex';
import { createNodeHost } from './node/host';
import { createLanguageService } from './service';
import { normalizeSettings } from './service/settings';
import { kindOfDocument } from './service/languageKind';
import { AUTO_PROFILE, PROFILES, profileForBranch } from './rpm/profiles';
import { FORMATS, report, type Format, type Reported } from './cliReport';

const USAGE = 'usage: rpm-kiwi-lint [--format text|json|gitlab|github] [--json] [--settings FILE] [--profile ID] [--koji] [--comps FILE]... PATH...';

async function collect(p: string, out: string[]): Promise<void> {
  const st = await fs.stat(p);
  if (st.isDirectory()) {
    for (const name of (await fs.readdir(p)).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      await collect(path.join(p, name), out);
    }
  } else if (/\.(spec|kiwi)$/.test(p) || /\.xml$/.test(p)) {
    out.push(p);
  }
}

async function main(argv: string[]): Promise<number> {
  let format: Format = 'text';
  let settingsFile: string | undefined;
  let profile: string | undefined;
  let koji = false;
  const comps: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') format = 'json';
    else if (a === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format ${f} (one of ${FORMATS.join(', ')})`);
      format = f as Format;
    }
    else if (a === '--settings') settingsFile = value();
    else if (a === '--profile') profile = value();
    else if (a === '--koji') koji = true;
    else if (a === '--comps') comps.push(path.resolve(value()));
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const raw = (settingsFile ? JSON.parse(await fs.readFile(settingsFile, 'utf8')) : {}) as { spec?: Record<string, unknown>; kiwi?: Record<string, unknown> };
  if (profile) {
    // A profile id, or a dist-git branch name (`c9s-hs`, `epel9`, `f42`).
    const id = profile === AUTO_PROFILE || PROFILES.some((p) => p.id === profile) || /^fedora-\d{2,3}$/.test(profile) ? profile : profileForBranch(profile);
    if (!id) {
      process.stderr.write(`unknown profile ${profile} (a branch like c9s-hs, or one of: ${[AUTO_PROFILE, ...PROFILES.map((p) => p.id)].join(', ')})\n`);
      return 2;
    }
    raw.spec = { ...raw.spec, profile: id };
  }
  if (koji) raw.kiwi = { ...raw.kiwi, mode: 'koji' };
  if (comps.length) raw.kiwi = { ...raw.kiwi, compsFiles: comps, workspaceComps: false };
  const settings = normalizeSettings(raw);
  const files: string[] = [];
  for (const p of paths) {
    try {
      await collect(path.resolve(p), files);
    } catch (e) {
      process.stderr.write(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(e)}\n`);
      return 2;
    }
  }
  const folders = paths.map((p) => path.resolve(p));
  const host = createNodeHost({ workspaceFolders: () => folders, log: (m) => process.stderr.write(m + '\n') });
  const service = createLanguageService();
  let errors = 0;
  let checked = 0;
  const results: Reported[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8');
    const uri = pathToFileURL(file).href;
    // Other XML (a comps file next to a description) is not checked.
    if (!kindOfDocument(uri, '', text)) continue;
    checked++;
    const findings = await service.diagnostics({ uri, languageId: '', version: 1, text }, { settings, host, trusted: false });
    const index = new LineIndex(text);
    const rel = path.relative(process.cwd(), file) || file;
    for (const f of findings.sort((a, b) => a.span.start - b.span.start)) {
      const pos = index.positionAt(f.span.start);
      const end = index.positionAt(f.span.end);
      if (f.severity === 'error') errors++;
      if (format !== 'text') results.push({ file: rel, line: pos.line + 1, column: pos.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: f.severity, code: f.code, message: f.message });
      else process.stdout.write(`${rel}:${pos.line + 1}:${pos.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
    }
  }
  if (format !== 'text') process.stdout.write(report(format, results));
  else process.stderr.write(`${checked} file(s) checked, ${errors} error(s)\n`);
  return errors > 0 ? 1 : 0;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`rpm-kiwi-lint: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
