// The workspace walk for comps files is not repeated on every keystroke: again after 10 s, or when the
// workspace folders change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearCompsCaches, loadComps } from '../../../../server/src/service/kiwi/compsSource';
import { context, memoryHost } from '../memoryHost';
import { COMPS } from './helpers';

test('the comps files of the workspace are looked for at most every 10 s, and at once for new folders', async () => {
  clearCompsCaches();
  let now = Date.UTC(2026, 10, 29, 10, 0, 0);
  let folders = ['/ws'];
  const host = memoryHost({ '/ws/comps.xml': COMPS, '/other/comps-extra.xml': COMPS });
  const walks: string[][] = [];
  const find = host.findWorkspaceFiles.bind(host);
  host.findWorkspaceFiles = async (name, max) => {
    walks.push([...folders]);
    return (await find(name, max)).filter((p) => folders.some((f) => p.startsWith(`${f}/`)));
  };
  host.workspaceFolders = () => folders;
  host.now = () => new Date(now);
  const ctx = context(host);
  const sources = async () => (await loadComps(ctx)).index?.sources ?? [];
  assert.deepEqual(await sources(), ['/ws/comps.xml']);
  now += 9_000;
  assert.deepEqual(await sources(), ['/ws/comps.xml']);
  assert.equal(walks.length, 1);
  now += 2_000;
  await sources();
  assert.equal(walks.length, 2);
  folders = ['/ws', '/other'];
  assert.deepEqual(await sources(), ['/other/comps-extra.xml', '/ws/comps.xml']);
  assert.deepEqual(walks, [['/ws'], ['/ws'], ['/ws', '/other']]);
});
