/**
 * Whether %changelog lines hold a trigger of the line checks: `%`, a tab, a non-breaking space, `macros.` or `rpm.define(` (see
 * CHANGELOG_TRIGGERS in rpmlintLines.ts). Single-character native searches are several times faster here than
 * one regular expression, on the two-byte texts large changelogs often make; both longer triggers hold a `.`.
 */
import { keepShape } from '../../../common/keepShape';

/** Whether the changelog line `text` holds no trigger. */
export function plainChangelogLine(text: string): boolean {
  return text.indexOf('%') < 0 && text.indexOf('\t') < 0 && text.indexOf('\u00a0') < 0 && (text.indexOf('.') < 0 || (!text.includes('macros.') && !text.includes('rpm.define(')));
}

/**
 * The same question for the lines of one text, asked in text order during one pass of the checks. The first
 * few lines are looked at one by one (after an edit only a few lines are asked); from then on native searches
 * run over the whole text, each going on from where the last one found its character, so a pass over 40k lines
 * costs four searches of the text and slices no line. Asking an earlier line starts the searches over.
 */
export class ChangelogScan {
  private asked = 0;
  private pct = -2;
  private tab = -2;
  private dot = -2;
  private nbsp = -2;
  private last = -1;

  constructor(private readonly text: string, private readonly oneByOne = 64) {}

  /** Whether `text[start, end)` (one line) holds no trigger. */
  plain(start: number, end: number): boolean {
    const t = this.text;
    if (++this.asked <= this.oneByOne) return plainChangelogLine(t.slice(start, end));
    if (start < this.last) this.pct = this.tab = this.dot = this.nbsp = -2;
    this.last = start;
    if (this.pct !== -1 && this.pct < start) this.pct = t.indexOf('%', start);
    if (this.pct >= 0 && this.pct < end) return false;
    if (this.tab !== -1 && this.tab < start) this.tab = t.indexOf('\t', start);
    if (this.tab >= 0 && this.tab < end) return false;
    if (this.nbsp !== -1 && this.nbsp < start) this.nbsp = t.indexOf('\u00a0', start);
    if (this.nbsp >= 0 && this.nbsp < end) return false;
    if (this.dot !== -1 && this.dot < start) this.dot = t.indexOf('.', start);
    while (this.dot >= 0 && this.dot < end) {
      const d = this.dot;
      if (d - 6 >= start && t.startsWith('macros.', d - 6)) return false;
      if (d - 3 >= start && d + 8 <= end && t.startsWith('rpm.define(', d - 3)) return false;
      this.dot = t.indexOf('.', d + 1);
    }
    return true;
  }
}

keepShape(new ChangelogScan(''));
