// Real non-VS Code LSP clients: headless Neovim (vim.lsp.start_client) and Emacs 28 + eglot open a broken
// spec and a KIWI description from test/e2e/workspace; what they receive must equal test/editors/expected/.
// Prints `N passed, N failed`; a missing editor fails with a clear message.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CASES = [
  { editor: 'nvim', file: 'broken.spec', expected: 'nvim-broken.spec.txt' },
  { editor: 'nvim', file: 'kiwi/appliance.kiwi', expected: 'nvim-appliance.kiwi.txt' },
  { editor: 'emacs', file: 'broken.spec', expected: 'emacs-broken.spec.txt' },
  { editor: 'emacs', file: 'kiwi/appliance.kiwi', expected: 'emacs-appliance.kiwi.txt' },
];

if (!existsSync(SERVER)) {
  console.error('dist/server.js is missing: run npm run build first');
  process.exit(1);
}
const ws = mkdtempSync(path.join(os.tmpdir(), 'editors-'));
cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), ws, { recursive: true });
let passed = 0;
let failed = 0;
for (const c of CASES) {
  const expectedText = readFileSync(path.join(HERE, 'expected', c.expected), 'utf8');
  const expectCount = expectedText.split('\n').filter(Boolean).length;
  const out = path.join(ws, `${c.editor}-${path.basename(c.file)}.out`);
  const env = { ...process.env, LSP_OUT: out, LSP_EXPECT: String(expectCount), LSP_CMD: `node --max-semi-space-size=8 ${SERVER} --stdio`, LSP_SERVER: SERVER };
  const args = c.editor === 'nvim'
    ? ['--headless', '-n', '-i', 'NONE', '-u', path.join(HERE, 'init.lua'), c.file]
    : ['--batch', '-Q', '-l', path.join(HERE, 'lsp-test.el'), c.file];
  const r = spawnSync(c.editor, args, { cwd: ws, env, encoding: 'utf8', timeout: 60000 });
  let problem = '';
  if (r.error) problem = `${c.editor} could not run (${r.error.code ?? r.error.message}): install Debian's ${c.editor === 'nvim' ? 'neovim' : 'emacs-nox and elpa-eglot'} (.ci/run does)`;
  else if (!existsSync(out)) problem = `${c.editor} wrote no result (exit ${r.status}): ${(r.stderr ?? '').slice(-500)}`;
  else {
    const got = readFileSync(out, 'utf8');
    if (got !== expectedText) problem = `${c.editor} on ${c.file}: got\n${got}\nexpected\n${expectedText}`;
  }
  if (problem) { failed++; console.log(`✖ ${c.editor} ${c.file}\n${problem}`); } else { passed++; console.log(`✔ ${c.editor} ${c.file}`); }
}
rmSync(ws, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
