/**
 * The CLI's report formats besides `file:line:col severity code message`: JSON, GitLab's Code Quality
 * report (a merge request shows the findings on the changed lines: `artifacts: reports: codequality`), and
 * GitHub Actions workflow commands (annotations on the pull request's files).
 */
import { createHash } from 'node:crypto';

export const FORMATS = ['text', 'json', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Reported {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** GitLab Code Quality's severities: info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Reported['severity'], string> = { error: 'critical', warning: 'minor', information: 'info', hint: 'info' };

/** The whole report of `found` (text prints as it goes, so it has none). */
export function report(format: Exclude<Format, 'text'>, found: Reported[]): string {
  if (format === 'json') return JSON.stringify(found.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })), null, 2) + '\n';
  if (format === 'gitlab') {
    // The fingerprint tells GitLab which findings a merge request adds or fixes: the same finding keeps it
    // when lines move (the line is not part of it), repeats on other lines are told apart by a count.
    const seen = new Map<string, number>();
    const issues = found.map((f) => {
      const base = `${f.file}\0${f.code}\0${f.message}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        type: 'issue', check_name: f.code, description: `${f.code}: ${f.message}`, severity: GITLAB_SEVERITY[f.severity],
        fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32),
        location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
      };
    });
    return JSON.stringify(issues, null, 2) + '\n';
  }
  // GitHub: `::error file=…,line=…::message`; hints are left out (GitHub shows notices as loudly as warnings).
  const command: Record<Reported['severity'], string | undefined> = { error: 'error', warning: 'warning', information: 'notice', hint: undefined };
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return found
    .filter((f) => command[f.severity])
    .map((f) => `::${command[f.severity]} file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(f.code)}::${data(f.message)}\n`)
    .join('');
}
