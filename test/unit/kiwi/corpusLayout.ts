// Rebuilds the real folder layout of ../shared/corpus/kiwi in a temp dir (fragments are stored flattened
// with `__`), so includes resolve as in the original repositories. Used by the corpus tests and bench.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KIWI_CORPUS } from '../../corpus';

export { KIWI_CORPUS };

export interface CorpusRow {
  repo: string;
  path: string;
  kind: string;
  corpusFile: string;
  schemaversion: string;
  jing: string;
  jingFirstError: string;
  upstream: string;
  /** Absolute path in the rebuilt layout. */
  file: string;
}

export function rebuildKiwiCorpus(): { root: string; rows: CorpusRow[] } {
  const tsv = join(KIWI_CORPUS, 'SOURCES.tsv');
  if (!existsSync(tsv)) throw new Error(`KIWI corpus not found at ${KIWI_CORPUS} (set CORPUS_DIR to the folder holding kiwi/)`);
  const lines = readFileSync(tsv, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const head = lines.shift()!;
  const col = (n: string) => head.indexOf(n);
  const root = mkdtempSync(join(tmpdir(), 'kiwi-corpus-'));
  const rows = lines.map((r): CorpusRow => {
    const file = join(root, r[col('repo')].replace('/', '__'), r[col('path')]);
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(join(KIWI_CORPUS, r[col('corpus_file')]), file);
    return {
      repo: r[col('repo')], path: r[col('path')], kind: r[col('kind')], corpusFile: r[col('corpus_file')], schemaversion: r[col('schemaversion')],
      jing: r[col('jing_debian_7_5_raw')], jingFirstError: r[col('jing_raw_first_error')], upstream: r[col('kiwi_upstream_10_3_9_pipeline')], file,
    };
  });
  return { root, rows };
}
