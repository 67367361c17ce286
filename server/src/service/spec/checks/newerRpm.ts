/**
 * Spec features newer than the rpm of the profile's target: a Fedora spec moved to CentOS Stream meets an
 * older rpm. Tags and sections carry the version that introduced them (rpm/tags.ts, rpm/sections.ts); build
 * sections take `-a`/`-p` (append, prepend) since rpm 4.20, with declarative builds. An older rpm stops at
 * an unknown tag ("Unknown tag") and reads an unknown section header as text of the section before it.
 * `%bcond name default` came with rpm 4.17.1; EL8's rpm 4.14 reads it as an unknown tag. So are `%elif…`
 * (4.15) and `%[expr]` (4.16) unknown to EL8's rpm. EL9's rpm 4.16 is
 * left alone: RHBZ#2129060 asked for the macro's backport to RHEL 9, which is not verified here.
 */
import type { Finding } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import type { DistroProfile } from '../../../rpm/profiles';
import { rpmvercmp } from '../../../rpm/vercmp';
import { SECTION_BY_NAME } from '../../../rpm/sections';
import { lookupTag, TAGS } from '../../../rpm/tags';

/** Tag key -> the rpm that introduced it (a lookup per tag would cost on every keystroke in a large spec). */
const TAG_SINCE = new Map(TAGS.filter((t) => t.since).map((t) => [lookupTag(t.name)!.key, t.since!]));

const BUILD_SECTIONS = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean']);

export function newerRpmFindings(doc: SpecDocument, profile: DistroProfile): Finding[] {
  const out: Finding[] = [];
  const rpm = profile.rpm;
  const target = `${profile.id} builds with rpm ${rpm}`;
  const add = (message: string, start: number, end: number, data?: Record<string, unknown>) =>
    out.push({ code: 'needs-newer-rpm', severity: 'error', message, span: { start, end }, source: 'rpm-spec', ...(data ? { data } : {}) });
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    if (!t.known) continue;
    const since = TAG_SINCE.get(t.key);
    if (since && rpmvercmp(rpm, since) < 0) add(`${t.name}: needs rpm >= ${since}; ${target}, which stops with "Unknown tag"`, t.start, t.nameEnd);
  }
  for (const s of doc.sections) {
    const since = SECTION_BY_NAME.get(s.name)?.since;
    if (since && rpmvercmp(rpm, since) < 0) {
      add(`%${s.name} needs rpm >= ${since}; ${target}, which does not know this section`, s.keywordSpan.start, s.keywordSpan.end);
      continue;
    }
    if (!BUILD_SECTIONS.has(s.name) || rpmvercmp(rpm, '4.20') >= 0) continue;
    for (const o of s.options) {
      if (o.flag === '-a' || o.flag === '-p') {
        add(`%${s.name} ${o.flag} (${o.flag === '-a' ? 'append to' : 'prepend to'} the section) needs rpm >= 4.20; ${target}`, o.span.start, o.span.end);
      }
    }
  }
  // `%elif`/`%elifarch`/`%elifos` came with rpm 4.15: EL8's rpm skips them with a false %if (so their branch
  // is never taken) and passes them on as text with a true one.
  if (rpmvercmp(rpm, '4.15') < 0) {
    for (const c of doc.conditionals) {
      for (const b of c.branches) {
        if (b.keyword.startsWith('elif')) add(`%${b.keyword} needs rpm >= 4.15; ${target}, which does not know it (nest an %if in the %else)`, b.keywordSpan.start, b.keywordSpan.end);
      }
    }
  }
  // Before rpm 4.16 (EL8): `%[expression]` (4.16) stays as written; `%bcond` (4.17.1; EL9's 4.16 is left alone, see the top).
  if (rpmvercmp(rpm, '4.16') < 0) {
    for (const r of doc.macroRefs) {
      if (r.form === 'expr') add(`%[…] expressions need rpm >= 4.16; ${target}, which leaves it unexpanded (compute it with %{lua: print(…)})`, r.start, r.start + 2);
    }
    for (const b of doc.bconds) {
      if (b.kind !== 'bcond') continue;
      // The old spelling of a literal 0/1 default, for the quick fix (an expression default has none).
      const m = /^%bcond[ \t]+\w+[ \t]+(\d+)(?=\s|$)/.exec(doc.text.slice(b.span.start, b.span.end));
      const old = m && b.defaultOn !== undefined ? `%bcond_${b.defaultOn ? 'without' : 'with'} ${b.name}` : undefined;
      add(`%bcond needs rpm >= 4.17.1; ${target}, which stops with "Unknown tag"${old ? ` (write ${old})` : ' (use %bcond_with or %bcond_without)'}`,
        b.span.start, b.span.start + 6, old ? { replacement: old, replaces: { start: b.span.start, end: b.span.start + m![0].length } } : undefined);
    }
  }
  return out;
}
