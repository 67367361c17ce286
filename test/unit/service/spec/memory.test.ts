// An edited document must not keep its old texts alive. Incremental re-parsing moves nodes of the
// previous tree into the next one; a string in such a node that is a V8 substring of the old text
// would keep that whole text (megabytes for a large spec) in memory, one per edited version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposeGc } from '../../../../server/src/node/idleGc';
import { createLanguageService } from '../../../../server/src/service';
import { normalizeSettings } from '../../../../server/src/service/settings';
import type { Host } from '../../../../server/src/service/types';

const host = { now: () => new Date(Date.UTC(2026, 10, 29)) } as unknown as Host;
const ctx = { settings: normalizeSettings({}), host, trusted: false };

/** A large spec whose lines hold every kind of string the tree keeps: tags, macros, options, changelog. */
function bigSpec(blocks: number): string {
  const out = ['Name: memory-test-package', 'Version: 1.0.0', 'Release: 1%{?dist}', 'Summary: A long summary line for the test', 'License: MIT'];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `%package -n texlive-collection-number-${i}`,
      `Summary: Subpackage number ${i} with a long summary`,
      `Requires: texlive-dependency-${i}-long-name >= 1.0.0`,
      `Provides: tex(some-long-provided-file-${i}.sty) = %{tl_version}`,
      `%global long_macro_name_${i} %{_texdir}/texmf-dist/tex/latex/package-${i}`,
      `%description -n texlive-collection-number-${i}`,
      `Description of %{long_macro_name_${i}} with %{?optional_macro_reference:yes}.`,
      `%files -n texlive-collection-number-${i}`,
      `%{_texdir}/texmf-dist/tex/latex/package-number-${i}`,
    );
    // Some lines with findings, whose messages quote the text.
    if (i % 50 === 0) out.push(`# see %{long_macro_name_${i}} and /usr/lib64/texlive-library-${i}`, `/usr/lib64/texlive-library-${i}`);
  }
  out.push('%changelog', '* Sun Nov 29 2026 Long Author Name <long.author@example.org> - 1.0.0-1', '- A changelog item that is long enough');
  return out.join('\n') + '\n';
}

test('edits at many places do not keep the old texts in memory', async () => {
  const gc = exposeGc();
  assert.ok(gc, 'the garbage collector could not be exposed');
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const service = createLanguageService();
  const uri = 'file:///memory/big.spec';
  let text = bigSpec(4000);
  const textBytes = text.length; // one-byte characters
  const base = heap();
  await service.diagnostics({ uri, languageId: 'rpm-spec', version: 1, text }, ctx);
  const opened = heap() - base;
  // 30 edits spread over the whole file: each leaves the nodes around it from its own version.
  for (let v = 2; v <= 31; v++) {
    const at = text.indexOf('\n%package', Math.floor((text.length * ((v * 7) % 30)) / 30)) + 1;
    text = text.slice(0, at) + `%global inserted_${v} 1\n` + text.slice(at);
    await service.diagnostics({ uri, languageId: 'rpm-spec', version: v, text }, ctx);
  }
  let edited = heap() - base;
  // V8 finishes some work in the background (concurrent compilation, sweeping): once in a few dozen runs
  // the first measurement is megabytes high. Texts kept by the tree stay kept however long one waits.
  if (edited - opened >= textBytes * 2) {
    await new Promise((r) => setTimeout(r, 500));
    edited = heap() - base;
  }
  if (process.env.MEMORY_VERBOSE) console.log(`open ${(opened / 1048576).toFixed(1)} MB, after edits ${(edited / 1048576).toFixed(1)} MB`);
  // Old texts retained would add about 30 × textBytes; allow the tree's own variation and one spare text.
  assert.ok(
    edited - opened < textBytes * 2,
    `heap grew by ${((edited - opened) / 1048576).toFixed(1)} MB over 30 edits (text ${(textBytes / 1048576).toFixed(1)} MB, tree after open ${(opened / 1048576).toFixed(1)} MB)`,
  );
});
