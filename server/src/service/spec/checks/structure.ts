/**
 * rpm's own fatal spec errors (build/parsePreamble.c, parseSpec.c, parseDescription.c…), with rpm's
 * wording, pointed at the offending line: unknown/empty/duplicate tags, missing required tags and
 * descriptions, duplicate or unknown packages, conditional structure, duplicate source numbers.
 */
import type { Finding } from '../../../common/findings';
import type { Package, Section, SpecDocument, Tag } from '../../../rpm/ast';
import { coActive, lineText } from '../../../rpm/query';
import { absolute, relative, tagMemo } from './memo';
import { REMOVED_TAGS, tagInfo } from '../../../rpm/tags';
import { staticallyDead } from './dead';

const SRC = 'rpm';

function err(code: string, message: string, start: number, end: number): Finding {
  return { code, message, severity: 'error', span: { start, end }, source: SRC };
}

/** `(main package)` or the subpackage's full name, as rpm labels packages in messages. */
export function packageLabel(doc: SpecDocument, index: number): string {
  if (index === 0) return '(main package)';
  return expandName(doc, doc.packages[index].name);
}

function expandName(doc: SpecDocument, name: string): string {
  const main = doc.packages[0].name;
  return main ? name.replace(/%\{?name\}?/g, main) : name;
}

/** Where to report a problem of a whole package: its `%package` line, or the main `Name:` line, or line 1. */
export function packageAnchor(doc: SpecDocument, index: number): { start: number; end: number } {
  const pkg = doc.packages[index];
  if (pkg.section) return pkg.section.headerSpan;
  const name = pkg.tags.find((t) => t.key === 'name');
  if (name) return name.span;
  const first = doc.lines[0];
  return { start: first.start, end: first.end };
}

const DEP_TAGS = new Set(['requires', 'provides', 'obsoletes', 'conflicts', 'buildrequires', 'buildconflicts', 'recommends', 'suggests', 'supplements', 'enhances', 'orderwithrequires', 'prereq', 'buildprereq']);
const REQUIRED_MAIN = ['Name', 'Version', 'Release', 'Summary', 'License'];
const REQUIRED_SUB = ['Summary'];
const NAME_CHARS = /[^A-Za-z0-9.\-_+%{}]/;
const EVR_CHARS = /[^A-Za-z0-9._+%{}~^]/;

export function structureFindings(doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  for (const p of doc.problems) {
    if (p.code === 'unclosed-if') out.push(err('unclosed-if', 'Unclosed %if', p.span.start, p.span.end));
    else if (p.code === 'unclosed-macro') out.push(err('unclosed-macro', 'unclosed macro or bad line continuation', p.span.start, p.span.end));
    else out.push(err(p.code, `${p.detail} with no %if`, p.span.start, p.span.end));
  }
  for (const s of doc.preambleStray) {
    if (staticallyDead(doc, s.line)) continue;
    const line = doc.text.slice(s.span.start, s.span.end);
    const bom = s.line === 0 && line.startsWith('\uFEFF') ? ' (the file starts with a byte order mark, which rpm reads as part of the line: remove it)' : '';
    out.push(err('unknown-tag', `Unknown tag: ${line.replace(/^\uFEFF/, '')}${bom}`, s.span.start, s.span.end));
  }
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    const found = t.known ? knownTagFinding(doc, t) : tagFindings(doc, t);
    if (found) out.push(found);
  }
  const includes = /^\s*%(include|\{load:)/m.test(doc.text.slice(0, doc.lines[Math.min(doc.preambleEndLine, doc.lines.length - 1)].end));
  const unknowable = doc.sections.some((s) => s.kind === 'description' && s.pkg === -2);
  for (let i = 0; i < doc.packages.length; i++) packageFindings(doc, doc.packages[i], i, includes, unknowable, out);
  for (const f of duplicatePackages(doc)) out.push(f);
  for (const s of doc.sections) {
    if (s.pkg === -1 && s.pkgRef) {
      const full = s.pkgRef.full ? s.pkgRef.name : `${doc.packages[0].name || '%{name}'}-${s.pkgRef.name}`;
      const args = doc.text.slice(s.keywordSpan.end, s.pkgRef.span.end).trim();
      out.push(err('unknown-package', `%${s.name} ${args}: package ${expandName(doc, full)} does not exist`, s.headerSpan.start, s.headerSpan.end));
    }
  }
  for (const f of duplicateSources(doc)) out.push(f);
  for (const f of duplicateSections(doc)) out.push(f);
  return out;
}

/** A known tag's finding depends on the tag alone: memoised per tag (incremental parses keep tags). */
function knownTagFinding(doc: SpecDocument, t: Tag): Finding | undefined {
  const memo = tagMemo(t);
  let r = memo.own;
  if (r === undefined) {
    const found = tagFindings(doc, t);
    r = memo.own = found ? relative(found, t.start) : null;
  }
  return r ? absolute(r, t.start, SRC) : undefined;
}

/** The one finding of a tag, if any. */
function tagFindings(doc: SpecDocument, t: Tag): Finding | undefined {
  if (t.known && t.value && t.value.includes('%')) return undefined; // rpm checks the expanded value; we cannot without expansion
  const line = doc.text.slice(t.start, t.end);
  if (!t.known) {
    if (staticallyDead(doc, t.line)) return undefined;
    const removed = REMOVED_TAGS[t.name.toLowerCase()];
    const hint = removed ? ` (obsolete, use ${removed})` : '';
    return err('unknown-tag', `Unknown tag: ${line}${hint}`, t.start, t.end);
  }
  if (!t.value) return err('empty-tag', `Empty tag: ${line}`, t.start, t.end);
  const info = tagInfo(t.key)!;
  if (info.singleToken && /\s/.test(t.value)) return err('single-token-tag', `Tag takes single token only: ${line}`, t.valueStart, t.valueEnd);
  const bad = t.key === 'name' ? NAME_CHARS.exec(t.value) : t.key === 'version' || t.key === 'release' ? EVR_CHARS.exec(t.value) : null;
  if (bad) {
    const at = t.valueStart + bad.index;
    const hex = bad[0].charCodeAt(0).toString(16).padStart(2, '0');
    return err('illegal-char', `Illegal char '${bad[0]}' (0x${hex}) in: ${line}`, at, at + 1);
  }
  if ((t.key === 'version' || t.key === 'release') && t.value.includes('..')) {
    return err('illegal-char', `Illegal sequence ".." in: ${line}`, t.valueStart, t.valueEnd);
  }
  if (DEP_TAGS.has(t.key)) {
    const toks = t.value.split(/[\s,]+/).filter(Boolean);
    for (let k = 0; k < toks.length; k++) {
      const tok = toks[k];
      if (/^[<>=]+$/.test(tok)) {
        k++; // the version after an operator
        continue;
      }
      if (!/^[A-Za-z0-9_/(]/.test(tok)) {
        return err('bad-dependency-token', `Dependency tokens must begin with alpha-numeric, '_' or '/': ${line}`, t.valueStart, t.valueEnd);
      }
      if (t.key === 'obsoletes' && tok.startsWith('/')) {
        const at = t.valueStart + t.value.indexOf(tok);
        return err('illegal-char', `Illegal char '/' (0x2f) in: ${line}`, at, at + tok.length);
      }
    }
  }
  if (t.key === 'epoch' && !/^\d+$/.test(t.value)) {
    return err('bad-epoch', `Epoch field must be an unsigned number: ${line}`, t.valueStart, t.valueEnd);
  }
  return undefined;
}

/** A package's own findings, appended to `out` (a large spec has thousands of packages: nothing is allocated for a clean one). */
function packageFindings(doc: SpecDocument, pkg: Package, index: number, includes: boolean, unknowable: boolean, out: Finding[]): void {
  if (!includes) {
    for (const name of index === 0 ? REQUIRED_MAIN : REQUIRED_SUB) {
      const key = name.toLowerCase();
      if (!hasTag(pkg, key) && !doc.tagsInMacros.has(key)) {
        const anchor = packageAnchor(doc, index);
        out.push(err('missing-tag', `${name} field must be present in package: ${packageLabel(doc, index)}`, anchor.start, anchor.end));
      }
    }
    const nameUnknown = index > 0 && pkg.name.includes('%') && !pkg.section?.pkgRef?.name.startsWith('%{name}');
    if (pkg.descriptions.length === 0 && !unknowable && !nameUnknown && (index > 0 || doc.packages[0].tags.length > 0)) {
      const name = index === 0 ? expandName(doc, pkg.name) || '(main package)' : packageLabel(doc, index);
      const anchor = packageAnchor(doc, index);
      out.push(err('missing-description', `Package has no %description: ${name}`, anchor.start, anchor.end));
    }
  }
  // Duplicate single-valued tags (not counting tags in exclusive %if/%else branches).
  const single = pkg.tags.filter((t) => t.known && tagInfo(t.key)?.single);
  for (const t of single.length > 32 ? repeats(single, (x) => `${x.key}(${x.qualifier ?? ''})`) : repeatsAmongFew(single)) {
    out.push(err('duplicate-tag', `Duplicate ${tagInfo(t.key)!.name} entries in package: ${packageLabel(doc, index)}`, t.start, t.end));
  }
}

const NONE: Tag[] = [];

/** `repeats` by tag key and qualifier for a few tags (a package's single-valued ones): no key strings, no map. */
function repeatsAmongFew(tags: readonly Tag[]): Tag[] {
  let out = NONE;
  for (let j = 1; j < tags.length; j++) {
    const t = tags[j];
    for (let i = 0; i < j; i++) {
      const p = tags[i];
      if (p.key === t.key && (p.qualifier ?? '') === (t.qualifier ?? '') && coActive(p.branch, t.branch)) {
        if (out === NONE) out = [];
        out.push(t);
        break;
      }
    }
  }
  return out;
}

function hasTag(pkg: Package, key: string): boolean {
  for (const t of pkg.tags) if (t.key === key) return true;
  return false;
}

/** The items whose key an earlier item has in a branch that can be active together with theirs. */
function repeats<T extends { branch: Tag['branch'] }, K>(items: readonly T[], key: (item: T) => K): T[] {
  const out: T[] = [];
  const seen = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const prev = seen.get(k);
    if (!prev) {
      seen.set(k, [item]);
      continue;
    }
    if (prev.some((p) => coActive(p.branch, item.branch))) out.push(item);
    prev.push(item);
  }
  return out;
}

function duplicatePackages(doc: SpecDocument): Finding[] {
  const subs = doc.packages.slice(1).map((pkg) => ({ s: pkg.section!, branch: pkg.section!.branch, full: expandName(doc, pkg.name) }));
  return repeats(subs, (x) => x.full).map(({ s, full }) => {
    const args = lineText(doc, s.line).slice(s.keywordSpan.end - s.headerSpan.start).trim();
    return err('package-exists', `%package ${args}: package ${full} already exists`, s.headerSpan.start, s.headerSpan.end);
  });
}

/** Sections rpm reads once per spec (build/parseSpec.c); `-a`/`-p` ones (rpm >= 4.20) append instead. */
const ONCE = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean', 'changelog']);

/**
 * A section written twice where rpm takes one: `second %build` and `Second %post` (per package) stop rpm;
 * a second `%files` or `%description` of a package it only warns about. In branches that are never active
 * together (`%if`/`%else`) they are not repeats.
 */
function duplicateSections(doc: SpecDocument): Finding[] {
  const out: Finding[] = [];
  const once: Section[] = [];
  const scripts: Section[] = [];
  const files: Section[] = [];
  const descriptions: Section[] = [];
  for (const s of doc.sections) {
    if (ONCE.has(s.name)) {
      if (!s.options.some((o) => o.flag === '-a' || o.flag === '-p')) once.push(s);
    } else if (s.pkg >= 0) {
      if (s.kind === 'scriptlet' || s.kind === 'verifyscript') scripts.push(s);
      else if (s.kind === 'files') files.push(s);
      else if (s.kind === 'description') descriptions.push(s);
    }
  }
  for (const s of repeats(once.filter((x) => x.name !== 'changelog'), (x) => x.name)) out.push(err('duplicate-section', `second %${s.name}`, s.keywordSpan.start, s.keywordSpan.end));
  // rpm refuses a second %changelog only once the package has entries: an empty or broken first one (no
  // valid entry read before its error) lets the second through.
  const logs = once.filter((x) => x.name === 'changelog');
  for (let i = 1; i < logs.length; i++) {
    const s = logs[i];
    if (logs.slice(0, i).some((p) => coActive(p.branch, s.branch) && changelogHasEntries(doc, p))) out.push(err('duplicate-section', 'second %changelog', s.keywordSpan.start, s.keywordSpan.end));
  }
  for (const s of repeats(scripts, (x) => `${x.name} ${x.pkg}`)) out.push(err('duplicate-section', `Second %${s.name}`, s.keywordSpan.start, s.keywordSpan.end));
  const name = (s: Section) => expandName(doc, doc.packages[s.pkg].name);
  for (const s of repeats(files, (x) => x.pkg)) {
    out.push({ ...err('duplicate-files', `multiple %files for package '${name(s)}'`, s.keywordSpan.start, s.keywordSpan.end), severity: 'warning' });
  }
  // `%description -l de` is another language's, not a second one.
  const lang = (x: Section) => x.options.find((o) => o.flag === '-l')?.value ?? '';
  for (const s of repeats(descriptions, (x) => `${x.pkg} ${lang(x)}`)) {
    out.push({ ...err('duplicate-description', `second Description (of package '${name(s)}')`, s.keywordSpan.start, s.keywordSpan.end), severity: 'warning' });
  }
  return out;
}

/** The %changelog section gave rpm entries: it has one, and no line before it that rpm rejects. */
function changelogHasEntries(doc: SpecDocument, section: Section): boolean {
  const inside = (line: number) => line > section.line && line <= section.endLine;
  const first = doc.changelog.find((e) => inside(e.line));
  if (!first) return false;
  return !doc.changelogStray.some((x) => inside(x.line) && x.line < first.line);
}

function duplicateSources(doc: SpecDocument): Finding[] {
  const numbered = doc.tags.filter((t) => (t.key === 'source' || t.key === 'patch') && t.number !== undefined);
  // Sources by their number, patches by minus one minus theirs: a number key, no string per tag.
  return repeats(numbered, (t) => (t.key === 'source' ? t.number! : -1 - t.number!))
    .map((t) => err('duplicate-source', `${t.key} ${t.number} defined multiple times`, t.start, t.nameEnd));
}
