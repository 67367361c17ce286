// Where the shared corpus is: CORPUS_DIR, or ../shared/corpus next to the repository (the tests run from
// out/test, two folders below the repository root).
import { join } from 'node:path';

export const CORPUS_ROOT = process.env.CORPUS_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'corpus');
export const SPEC_CORPUS = join(CORPUS_ROOT, 'specs');
export const KIWI_CORPUS = join(CORPUS_ROOT, 'kiwi');
