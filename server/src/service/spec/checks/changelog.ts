/**
 * %changelog checks with rpm's messages (build/parseChangelog.c). rpm reports these without a line
 * number (and rpmspec -P still exits 0, dropping the changelog); we point at the entry.
 */
import type { Finding } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import { entryDay, realWeekday, WEEKDAYS, MONTHS } from '../../../rpm/changelog';
import { sectionAtLine } from '../../../rpm/query';

const SRC = 'rpm';

export function changelogFindings(doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  const f = (code: string, severity: Finding['severity'], message: string, start: number, end: number, data?: unknown) => {
    const finding: Finding = { code, severity, message, span: { start, end }, source: SRC };
    if (data !== undefined) finding.data = data;
    out.push(finding);
  };
  const reportedSections = new Set<number>();
  for (const s of doc.changelogStray) {
    const text = doc.text.slice(s.span.start, s.span.end);
    if (text.trim().startsWith('%')) continue; // %autochangelog or another macro that generates entries
    const section = sectionAtLine(doc, s.line)?.line ?? -1;
    if (reportedSections.has(section)) continue; // rpm reports once per %changelog section
    reportedSections.add(section);
    f('changelog-missing-star', 'error', '%changelog entries must start with *', s.span.start, s.span.end);
  }
  let previous: number | undefined;
  for (const e of doc.changelog) {
    const header = doc.text.slice(e.headerSpan.start + 1, e.headerSpan.end).trim();
    const day = entryDay(e);
    const validNames = e.weekday !== undefined && WEEKDAYS.includes(e.weekday) && e.month !== undefined && MONTHS.includes(e.month);
    if (day === undefined || !validNames) {
      f('changelog-bad-date', 'error', `bad date in %changelog: ${header}`, e.dateSpan?.start ?? e.headerSpan.start, e.dateSpan?.end ?? e.headerSpan.end);
      continue;
    }
    const real = realWeekday(e)!;
    if (real !== e.weekday) {
      f('changelog-bogus-date', 'warning', `bogus date in %changelog: ${header} (${e.month} ${e.day} ${e.year} is a ${real})`, e.dateSpan!.start, e.dateSpan!.start + e.weekday!.length, { weekday: real });
    }
    if (previous !== undefined && day > previous) {
      f('changelog-not-descending', 'error', '%changelog not in descending chronological order', e.dateSpan!.start, e.dateSpan!.end);
    }
    previous = day;
    if (!e.author && !e.email) {
      f('changelog-missing-name', 'error', 'missing name in %changelog', e.headerSpan.start, e.headerSpan.end);
    }
    if (e.bodyLines === 0) {
      f('changelog-no-description', 'error', 'no description in %changelog', e.headerSpan.start, e.headerSpan.end);
    } else if (!e.dashed) {
      const at = e.firstText?.span ?? e.headerSpan;
      f('changelog-item-without-dash', 'warning', "changelog entry has no '- ' item line", at.start, at.end);
    }
  }
  return out;
}
