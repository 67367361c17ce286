/** Near-miss lookup for "did you mean" fixes: edit distance with adjacent transpositions, bounded. */

/**
 * The optimal-string-alignment distance between `a` and `b` (insertions, deletions, substitutions and
 * swaps of neighbours each cost 1), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] > max ? max + 1 : prev[b.length];
}

/** The candidates within `max` edits of `word` (not `word` itself), closest first, then in the order given; at most `limit`. */
export function closestWords(word: string, candidates: Iterable<string>, max: number, limit: number): string[] {
  const found: Array<{ w: string; d: number; i: number }> = [];
  const seen = new Set<string>();
  let i = 0;
  for (const c of candidates) {
    i++;
    if (c === word || seen.has(c)) continue;
    seen.add(c);
    const d = editDistance(word, c, max);
    if (d <= max) found.push({ w: c, d, i });
  }
  return found.sort((x, y) => x.d - y.d || x.i - y.i).slice(0, limit).map((x) => x.w);
}

/**
 * What a misspelling of `word` could have meant among `candidates`, for "Change to" fixes: one edit away
 * (a swap of neighbours counts as one), two for names of 10 characters or more, where two are still
 * plausibly a typo; closest first, at most three.
 */
export function likelyTypos(word: string, candidates: Iterable<string>): string[] {
  return closestWords(word, candidates, word.length >= 10 ? 2 : 1, 3);
}
