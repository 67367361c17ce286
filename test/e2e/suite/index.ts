// Entry of the extension-host test run (extensionTestsPath): runs the mocha suite inside VS Code and
// prints `E2E RESULT: N passed, N failed` for the runner.
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 120000, color: false, reporter: 'spec' });
  for (const f of ['extension.test.js']) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      console.log(`E2E RESULT: ${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => { passed++; });
    runner.on('fail', (t, err) => { failed++; console.log(`E2E FAIL: ${t.fullTitle()}: ${err instanceof Error ? err.stack : String(err)}`); });
  });
}
