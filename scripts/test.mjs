// Runs the compiled node:test suites: `node scripts/test.mjs unit lsp` runs out/test/unit/**/*.test.js
// and out/test/lsp/**/*.test.js. Extra suites (e2e, editors) have their own runners under test/.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const suites = process.argv.slice(2);
const files = suites.flatMap((s) => collect(join('out', 'test', s), []));
if (files.length === 0) {
  console.error(`no test files found for: ${suites.join(', ')}`);
  process.exit(1);
}
// A test that fails before shutting its server down leaves the server's pipes open: the runner still ends.
const args = ['--test', '--test-force-exit', '--test-reporter=spec', '--test-concurrency=2', ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
