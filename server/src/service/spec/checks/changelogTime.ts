/**
 * rpmlint's TagsCheck on the latest %changelog entry's date (rpm stores it as noon of that day):
 * `changelog-time-in-future` when it is later than now, even allowing 26 hours for time zones (a typo
 * in the year: `2062`), `changelog-time-overflow` when it is before 1995 (`1926` for `2026`). rpm builds
 * either; rpmlint reports them on the built package, so they are warnings here.
 */
import type { Finding } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import { entryDay } from '../../../rpm/changelog';

const DAY = 86400000;
const OLDEST = Date.UTC(1995, 0, 1);

export function changelogTimeFindings(doc: SpecDocument, now: Date): Finding[] {
  const e = doc.changelog[0];
  const day = e && entryDay(e);
  if (day === undefined || !e.dateSpan) return [];
  const time = day * DAY + DAY / 2 - 26 * 3600000;
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  const f = (code: string, message: string): Finding[] => [{ code, severity: 'warning', source: 'rpmlint', span: { ...e.dateSpan! }, message }];
  if (time > now.getTime()) return f('changelog-time-in-future', `The latest %changelog entry is dated ${date}, in the future (a typo in the date?)`);
  if (time < OLDEST) return f('changelog-time-overflow', `The latest %changelog entry is dated ${date}, before 1995 (a typo in the year?)`);
  return [];
}
