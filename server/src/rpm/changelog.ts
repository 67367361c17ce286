/** Parses `%changelog` entries: `* Mon Jan 01 2024 Name <email> - 1.0-1` headers and their item lines. */
import type { ChangelogEntry, Span } from './ast';
import { own } from './reader';

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const HEADER = /^\*[ \t]*(\S+)[ \t]+(\S+)[ \t]+(\d{1,2})[ \t]+(?:(\d{1,2}:\d{2}(?::\d{2})?)[ \t]+(?:[A-Za-z]{2,5}[ \t]+)?)?(\d{4})(?=\s|$)[ \t]*(.*)$/;

/** Parses one header line (`text` starts with `*`) at offset `start`. */
export function parseChangelogHeader(text: string, start: number, line: number): ChangelogEntry {
  const entry: ChangelogEntry = {
    headerSpan: { start, end: start + text.length }, line, bodyLines: 0, dashed: false, firstText: undefined, lastText: undefined,
  };
  const m = HEADER.exec(text);
  if (!m) return entry;
  entry.weekday = own(m[1]);
  entry.month = own(m[2]);
  entry.day = Number(m[3]);
  entry.time = m[4] === undefined ? undefined : own(m[4]);
  entry.year = Number(m[5]);
  const afterStar = text.indexOf(m[1]);
  const restAt = text.length - m[6].length;
  entry.dateSpan = span(start + afterStar, start + text.slice(0, restAt).trimEnd().length);
  const rest = m[6];
  if (!rest.trim()) return entry;
  const lt = rest.indexOf('<');
  const gt = lt >= 0 ? rest.indexOf('>', lt) : -1;
  let authorEnd: number;
  let after: number;
  if (lt >= 0 && gt > lt) {
    entry.email = own(rest.slice(lt + 1, gt));
    authorEnd = lt;
    after = gt + 1;
  } else {
    const dash = rest.search(/\s-\s/);
    authorEnd = dash >= 0 ? dash : rest.length;
    after = authorEnd;
  }
  const author = rest.slice(0, authorEnd).trim();
  if (author) {
    entry.author = own(author);
    const a = rest.indexOf(author);
    entry.authorSpan = span(start + restAt + a, start + restAt + a + author.length);
  }
  const tail = rest.slice(after);
  const evr = /^\s*(?:-\s*)?(\S+)\s*$/.exec(tail);
  if (evr) {
    entry.evr = own(evr[1]);
    const at = after + tail.lastIndexOf(evr[1]);
    entry.evrSpan = span(start + restAt + at, start + restAt + at + evr[1].length);
  }
  return entry;
}

/** Days since the epoch of an entry's date (UTC), or undefined when the date is not valid. */
export function entryDay(e: ChangelogEntry): number | undefined {
  if (e.month === undefined || e.day === undefined || e.year === undefined) return undefined;
  const month = MONTHS.indexOf(e.month);
  if (month < 0 || e.day < 1 || e.day > 31) return undefined;
  const t = Date.UTC(e.year, month, e.day);
  if (new Date(t).getUTCDate() !== e.day) return undefined; // e.g. Feb 30
  return t / 86400000;
}

/** The weekday the date really falls on (`Mon`…), or undefined when the date is invalid. */
export function realWeekday(e: ChangelogEntry): string | undefined {
  const d = entryDay(e);
  return d === undefined ? undefined : WEEKDAYS[new Date(d * 86400000).getUTCDay()];
}

/** Formats a date the way changelog headers write it: `Mon Jan 01 2024`. */
export function formatChangelogDate(d: Date): string {
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${d.getUTCFullYear()}`;
}

function span(start: number, end: number): Span {
  return { start, end };
}

/** Counts the body line `text[first, end)` (`first` past blanks) into `entry`. */
export function addBodyLine(entry: ChangelogEntry, text: string, first: number, end: number, line: number): void {
  entry.bodyLines++;
  if (first >= end) return;
  let c = text.charCodeAt(first);
  // Other white space than blanks (rare): what trimming the line leaves decides.
  if (c <= 32 || c === 0xa0 || c >= 0x1680) {
    const t = text.slice(first, end).trim();
    if (t === '') return;
    c = t.charCodeAt(0);
  }
  if (c === 45 /* - */) entry.dashed = true;
  if (!entry.firstText) {
    entry.firstText = { span: { start: first, end }, line };
    entry.lastText = { span: { start: first, end }, line };
  } else {
    const last = entry.lastText!;
    last.span.start = first;
    last.span.end = end;
    last.line = line;
  }
}
