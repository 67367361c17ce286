/**
 * Spec features newer than the rpm of the profile's target: a Fedora spec moved to CentOS Stream meets an
 * older rpm. Tags and sections carry the version that introduced them (rpm/tags.ts, rpm/sections.ts); build
 * sections take `-a`/`-p` (append, prepend) since rpm 4.20, with declarative builds. An older rpm stops at
 * an unknown tag ("Unknown tag") and reads an unknown section header as text of the section before it.
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
  const add = (message: string, start: number, end: number) =>
    out.push({ code: 'needs-newer-rpm', severity: 'error', message, span: { start, end }, source: 'rpm-spec' });
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
  return out;
}
