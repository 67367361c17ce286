// Keeps the layering: core (pure) <- service <- lsp <- client. Scans every import in server/src and client/src.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const CORE = ['common', 'rpm', 'kiwi', 'comps', 'upstream'];
const NODE_BUILTIN = /^(node:)?(fs|path|http|https|net|child_process|os|zlib|url|worker_threads|crypto|dns|stream)(\/|$)/;

test('core folders import no LSP, vscode, fs, network or process modules, and only other core folders', () => {
  const bad: string[] = [];
  for (const dir of CORE) {
    let list: string[] = [];
    try { list = files(join(ROOT, 'server', 'src', dir)); } catch { continue; }
    for (const f of list) {
      for (const spec of imports(f)) {
        const rel = relative(ROOT, f);
        if (/^vscode/.test(spec) || NODE_BUILTIN.test(spec)) bad.push(`${rel} imports ${spec}`);
        if (/\.\.\/(service|lsp|node)(\/|$)/.test(spec) || /\.\.\/\.\.\/client/.test(spec)) bad.push(`${rel} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('the service layer imports neither the LSP layer nor vscode nor node built-ins', () => {
  const bad: string[] = [];
  for (const f of files(join(ROOT, 'server', 'src', 'service'))) {
    for (const spec of imports(f)) {
      if (/^vscode/.test(spec) || NODE_BUILTIN.test(spec) || /\/(lsp|node)(\/|$)/.test(spec)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('only server/src/lsp imports vscode-languageserver; only client/src imports vscode', () => {
  const bad: string[] = [];
  for (const f of files(join(ROOT, 'server', 'src'))) {
    const inLsp = relative(join(ROOT, 'server', 'src', 'lsp'), f).startsWith('..') === false;
    const isEntry = /server[\\/]src[\\/]main\.ts$/.test(f);
    for (const spec of imports(f)) {
      if (spec === 'vscode' || spec.startsWith('vscode-languageclient')) bad.push(`${relative(ROOT, f)} imports ${spec}`);
      if (spec.startsWith('vscode-languageserver') && !inLsp && !isEntry) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  for (const f of files(join(ROOT, 'client', 'src'))) {
    for (const spec of imports(f)) {
      if (spec.startsWith('vscode-languageserver')) bad.push(`${relative(ROOT, f)} imports ${spec}`);
      if (/server\/src\/(lsp|service|node)\//.test(spec)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('no source file writes to stdout in the server (stdio transport)', () => {
  const bad: string[] = [];
  for (const f of files(join(ROOT, 'server', 'src'))) {
    if (/cli\.ts$/.test(f)) continue; // the CLI prints its report on stdout by design
    const src = readFileSync(f, 'utf8').replace(/console\.log = /g, '');
    if (/console\.log\(|process\.stdout\.write\(/.test(src)) bad.push(relative(ROOT, f));
  }
  assert.deepEqual(bad, []);
});
