/**
 * The `%patch` syntaxes against the rpm of the profile's target, the trap of moving a spec between Fedora
 * and CentOS Stream:
 * - `%patchN` is deprecated since rpm 4.18 (it warns) and a build error since rpm 4.20 (rpm.org/releases/4.20.0);
 * - `%patch N`, a positional number, works as written only since rpm 4.18: before, `%patch 1` applies Patch0
 *   and Patch1 (rpm-software-management/rpm#2209);
 * - `%patch -P N` works with every rpm: the quick fix writes it.
 */
import type { Finding, Severity } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import type { DistroProfile } from '../../../rpm/profiles';
import { rpmvercmp } from '../../../rpm/vercmp';

/** `%patch` options that take a value (build/parsePrep.c). */
const WITH_VALUE = new Set(['-P', '-p', '-F', '-b', '-z', '-d', '-o', '-D']);

export function patchSyntaxFindings(doc: SpecDocument, profile: DistroProfile): Finding[] {
  const out: Finding[] = [];
  const rpm = profile.rpm;
  const target = `${profile.id}: rpm ${rpm}`;
  const add = (code: string, severity: Severity, message: string, start: number, end: number, replacement: string) =>
    out.push({ code, severity, message, span: { start, end }, source: 'rpm-spec', data: { replacement } });
  for (const s of doc.sections) {
    if (s.kind !== 'prep') continue;
    for (let li = s.line + 1; li <= s.endLine && li < doc.lines.length; li++) {
      const line = doc.lines[li];
      const text = doc.text.slice(line.start, line.end);
      const indent = /^[ \t]*/.exec(text)![0].length;
      if (!text.startsWith('%patch', indent)) continue;
      const at = line.start + indent;
      const numbered = /^%patch(\d+)(?![\w])/.exec(text.slice(indent));
      if (numbered) {
        const n = String(Number(numbered[1]));
        const fixed = `%patch -P ${n}`;
        if (rpmvercmp(rpm, '4.20') >= 0) {
          add('patch-macro-old-format', 'error', `${numbered[0]} is a build error since rpm 4.20 (${target}): write ${fixed}`, at, at + numbered[0].length, fixed);
        } else if (rpmvercmp(rpm, '4.18') >= 0) {
          add('patch-macro-old-format', 'warning', `${numbered[0]} is deprecated since rpm 4.18 (${target}) and a build error from rpm 4.20: write ${fixed}`, at, at + numbered[0].length, fixed);
        }
        continue;
      }
      if (rpmvercmp(rpm, '4.18') >= 0 || !/^%patch(?=[ \t]|$)/.test(text.slice(indent))) continue;
      const positional = positionalNumbers(text, indent + '%patch'.length);
      if (positional.length === 0) continue;
      const first = positional[0];
      const end = line.start + first.end;
      const written = doc.text.slice(at, end);
      const fixed = written.slice(0, first.start - indent) + `-P ${first.value}`;
      const more = positional.length > 1 ? ` (one %patch -P line per patch: ${positional.map((p) => `-P ${p.value}`).join(', ')})` : '';
      // Patch0 comes with any bare %patch there: `%patch 0` applies it twice (the second time fails).
      const what = first.value === '0' && positional.length === 1 ? 'applies Patch0 twice' : 'also applies Patch0';
      add('patch-positional-number', 'warning',
        `%patch ${first.value} ${what} with rpm before 4.18 (${target}): write %patch -P ${first.value}, which every rpm reads${more}`,
        at, end, positional.length > 1 ? '' : fixed);
    }
  }
  return out;
}

/** The positional numbers of a `%patch` line after `from` (values of options skipped), with their offsets in the line. */
function positionalNumbers(text: string, from: number): Array<{ value: string; start: number; end: number }> {
  const out: Array<{ value: string; start: number; end: number }> = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let skipNext = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tok = m[0];
    if (tok.startsWith('#')) break;
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (tok.startsWith('-')) {
      skipNext = WITH_VALUE.has(tok); // `-p 1`; `-p1` carries its value
      continue;
    }
    if (/^\d+$/.test(tok)) out.push({ value: String(Number(tok)), start: m.index, end: m.index + tok.length });
  }
  return out;
}
