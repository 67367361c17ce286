/**
 * rpmlint's SpecCheck checks that need more than one line (rpmlint/checks/SpecCheck.py), with its ids:
 * `hardcoded-packager-tag`, `patch-fuzz-is-changed`, `%ifarch-applied-patch` (a patch applied inside
 * `%ifarch`, when nothing applies patches automatically) and `libdir-macro-in-noarch-package`
 * (`%{_libdir}`/`%{_lib}` in the %files of a noarch package).
 */
import type { Finding } from '../../../common/findings';
import type { SpecDocument } from '../../../rpm/ast';
import { lineIn } from '../../../rpm/query';
import { lineFacts } from './rpmlintLines';

const SRC = 'rpmlint';
const LIBDIR = /%\{?_lib(?:dir)?\}?(?![\w])/g;

const warn = (code: string, message: string, start: number, end: number, extra: Partial<Finding> = {}): Finding =>
  ({ code, severity: 'warning', message, span: { start, end }, source: SRC, ...extra });

export function rpmlintFileFindings(doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  for (const t of doc.tags) {
    if (t.key === 'packager') out.push(warn('hardcoded-packager-tag', `Packager: ${t.value} is hardcoded: remove it, so the build system's own packager is recorded`, t.start, t.nameEnd));
  }
  for (const d of doc.defines) {
    if (d.name === '_default_patch_fuzz' && d.kind !== 'undefine') {
      out.push(warn('patch-fuzz-is-changed', `%${d.kind} ${d.name} changes how much fuzz patches may have: rebase the patches instead`, d.nameSpan.start, d.nameSpan.end));
    }
  }
  ifarchPatches(doc, out);
  noarchLibdir(doc, out);
  return out;
}

/** `%patch` lines inside `%ifarch`/`%ifnarch` in %prep: the source package then differs by architecture. */
function ifarchPatches(doc: SpecDocument, out: Finding[]): void {
  const arch = doc.conditionals.filter((c) => c.branches[0].keyword === 'ifarch' || c.branches[0].keyword === 'ifnarch');
  if (arch.length === 0) return;
  const found: Finding[] = [];
  for (const s of doc.sections) {
    if (s.kind !== 'prep') continue;
    for (let n = s.line + 1; n <= s.endLine && n < doc.lines.length; n++) {
      const l = doc.lines[n];
      const facts = lineFacts(l, doc.text, s.kind, s.name, false);
      // rpmlint says nothing when %autosetup/%autopatch applies the patches.
      if (facts.auto) return;
      if (!facts.applied || !arch.some((c) => c.span.start <= l.start && l.start < c.span.end)) continue;
      const first = l.start + /^\s*/.exec(doc.text.slice(l.start, l.end))![0].length;
      const which = facts.applied.map((p) => `Patch${p}`).join(', ');
      found.push(warn('%ifarch-applied-patch', `${which} applied inside %ifarch: apply patches on every architecture and make the change itself conditional`, first, l.end));
    }
  }
  out.push(...found);
}

/** `%{_libdir}` in the file list of a noarch package: the path differs between the architectures it installs on. */
function noarchLibdir(doc: SpecDocument, out: Finding[]): void {
  const noarch = (i: number) => doc.packages[i].tags.some((t) => (t.key === 'buildarch' || t.key === 'buildarchitectures') && /\bnoarch\b/.test(t.value));
  const mainNoarch = noarch(0);
  const hasOwnArch = (i: number) => doc.packages[i].tags.some((t) => t.key === 'buildarch' || t.key === 'buildarchitectures');
  for (const s of doc.sections) {
    if (s.kind !== 'files' || s.pkg < 0) continue;
    if (!(noarch(s.pkg) || (mainNoarch && !hasOwnArch(s.pkg)))) continue;
    const body = doc.text.slice(s.bodySpan.start, s.bodySpan.end);
    if (!body.includes('_lib')) continue;
    for (const m of body.matchAll(LIBDIR)) {
      const at = s.bodySpan.start + m.index!;
      const line = doc.lines[lineIn(doc.lines, at)];
      const before = doc.text.slice(line.start, at);
      if (/^\s*#/.test(before)) continue;
      const pkg = s.pkg === 0 ? '(main package)' : doc.packages[s.pkg].name;
      out.push(warn('libdir-macro-in-noarch-package', `${m[0]} in the %files of noarch package ${pkg}: the path differs between architectures`, at, at + m[0].length));
    }
  }
}
