/**
 * Incremental re-parsing: after an edit, parse again from the last section header before it (outside any
 * `%if`) and stop at the first header after it where the parser is back in the state the previous parse
 * had there; the rest of the previous tree is reused, shifted. The result is the tree `parseSpec` gives for
 * the new text (a differential test checks this over corpus files and random edits).
 *
 * The previous tree is consumed: its nodes after the edit are moved into the new one.
 */
import { NODE_ARRAYS, type MacroDefinition, type ParseCheckpoint, type Section, type Span, type SpecDocument } from './ast';
import { conditionalRebase, condsFit, openToEnd } from './incrementalConds';
import { lookUpAgain, renamedKeys, renameFits } from './incrementalNames';
import { BODY_MARK_REACH, parseSpec, Parser } from './parser';
import { NO_CONDS } from './parserState';
import { lineIn } from './query';
import { splitRange } from './reader';

const PKGS = NODE_ARRAYS.indexOf('packages');
const CONDS = NODE_ARRAYS.indexOf('conditionals');
const DEFS = NODE_ARRAYS.indexOf('defines');
const SECTIONS = NODE_ARRAYS.indexOf('sections');
/** The state at the top of the text: no nodes but the main package. */
const START: ParseCheckpoint = { line: 0, conds: NO_CONDS, counts: NODE_ARRAYS.map((k) => (k === 'packages' ? 1 : 0)), failedUntil: -1, macroPackages: false };

/** How re-parses went (tests check that edits really take the incremental path). */
export const reparseStats = { full: 0, toEnd: 0, spliced: 0, lines: 0, reparsedLines: 0 };

/** Where two texts differ: `[start, oldEnd)` in the old one became `[start, newEnd)` in the new one. */
export function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Native comparison of blocks, then characters: a 3 MB spec is compared in well under a millisecond.
  for (let block = 1 << 16; block >= 16; block >>= 4) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let j = 0;
  const m = n - i;
  for (let block = 1 << 16; block >= 16; block >>= 4) {
    while (j + block <= m && a.slice(a.length - j - block, a.length - j) === b.slice(b.length - j - block, b.length - j)) j += block;
  }
  while (j < m && a.charCodeAt(a.length - 1 - j) === b.charCodeAt(b.length - 1 - j)) j++;
  return { start: i, oldEnd: a.length - j, newEnd: b.length - j };
}

/**
 * The last checkpoint before line `line` where parsing can start again — outside any `%if`, or inside
 * `%if`s that run to the end of the text (`resumable`) —, or the one at it (`at`: where a re-parse can stop),
 * by binary search.
 */
function checkpoint(cps: ParseCheckpoint[], line: number, at: boolean, resumable?: (c: ParseCheckpoint) => boolean): ParseCheckpoint | undefined {
  let lo = 0;
  let hi = cps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].line < line) {
      found = mid;
      lo = mid + 1;
    } else {
      if (at && cps[mid].line === line) return cps[mid];
      hi = mid - 1;
    }
  }
  if (at) return undefined;
  while (found >= 0 && cps[found].conds.length > 0 && !resumable?.(cps[found])) found--;
  return found >= 0 ? cps[found] : undefined;
}

/** The tree of `text`, re-using `old` (the tree of the previous text of the same document) where it can. */
export function reparseSpec(old: SpecDocument, text: string): SpecDocument {
  if (old.text === text) return old;
  const r = old.resume;
  if (!r) return full(text);
  const { start, oldEnd, newEnd } = changedRange(old.text, text);
  const delta = newEnd - oldEnd;
  const a = lineIn(old.lines, start);
  const b = lineIn(old.lines, oldEnd);
  // Before the first section header, parsing starts from the top (and may still stop early). Inside an
  // `%if` left open to the end (one being typed), from the last checkpoint before the edit in it.
  const resumable = (c: ParseCheckpoint) => c.conds.every((i) => openToEnd(old.conditionals[i], c.line));
  const cp = checkpoint(r.checkpoints, a, false, resumable) ?? START;
  // An unclosed macro before the checkpoint made the parser look ahead (up to thousands of lines) past it.
  if (cp.failedUntil >= a) return full(text);
  const final = b === old.lines.length - 1;
  const regionStart = old.lines[a].start;
  const regionEnd = final ? text.length : old.lines[b].next + delta;
  // A CR line end just before the stretch, or at its end, that now runs on into an LF: one line end
  // instead of two, which changes lines outside the stretch.
  const crlfAt = (i: number) => i > 0 && i < text.length && text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10;
  if (crlfAt(regionStart) || crlfAt(regionEnd)) return full(text);
  const region = splitRange(text, regionStart, regionEnd, final);
  // The old line array becomes the new one: the edited lines replaced, the ones after moved, in place.
  let lines = old.lines;
  for (let i = b + 1; i < lines.length; i++) {
    const l = lines[i];
    l.start += delta;
    l.end += delta;
    l.next += delta;
  }
  if (region.length <= 10000) lines.splice(a, b - a + 1, ...region);
  else lines = lines.slice(0, a).concat(region, lines.slice(b + 1));
  const dl = region.length - (b - a + 1);
  // Whether a body line carries a checkpoint depends on the 8 lines before it (parser.ts `isBodyMark`):
  // the old checkpoints up to 8 lines after the edited ones may be placed differently now.
  const firstReused = a + region.length + BODY_MARK_REACH - 1;
  let lastNameUse = -1;
  for (const l of r.nameUses) if (l > lastNameUse) lastNameUse = l;
  // The section open at the checkpoint is opened again; a splice inside it needs how the old parse closed it.
  const reopened = old.sections[cp.counts[SECTIONS] - 1];
  const closed = reopened && { section: reopened, endLine: reopened.endLine, bodyEnd: reopened.bodySpan.end };
  const p = Parser.resumeAt(text, lines, old, cp);
  let cp2: ParseCheckpoint | undefined;
  const at = p.run(cp.line, (li) => {
    if (li < firstReused) return false;
    const c = checkpoint(r.checkpoints, li - dl, true);
    if (!c || !canSplice(p, old, cp, c, li, lastNameUse)) return false;
    cp2 = c;
    return true;
  });
  reparseStats.lines += lines.length;
  reparseStats.reparsedLines += (at >= 0 ? at : lines.length) - cp.line;
  if (at >= 0 && cp2) {
    splice(p, old, cp, cp2, at, delta, dl, closed);
    reparseStats.spliced++;
  } else {
    reparseStats.toEnd++;
  }
  const doc = p.doc;
  for (const pkg of doc.packages) {
    pkg.tags = [];
    pkg.descriptions = [];
  }
  for (let i = 0; i < doc.tags.length; i++) {
    const t = doc.tags[i];
    if (t.pkg >= 0) doc.packages[t.pkg].tags.push(t);
  }
  for (const s of doc.sections) if (s.kind === 'description' && s.pkg >= 0) doc.packages[s.pkg].descriptions.push(s);
  return doc;
}

function full(text: string): SpecDocument {
  reparseStats.full++;
  const doc = parseSpec(text);
  reparseStats.lines += doc.lines.length;
  reparseStats.reparsedLines += doc.lines.length;
  return doc;
}

/** Whether the rest of the old parse from its checkpoint `c` is what parsing on from line `li` would give. */
function canSplice(p: Parser, old: SpecDocument, cp: ParseCheckpoint, c: ParseCheckpoint, li: number, lastNameUse: number): boolean {
  const d = p.doc;
  if (p.lookedAheadTo >= li || c.failedUntil >= c.line || d.macroPackages !== c.macroPackages) return false;
  if (c.entry && !p.entryStartsAt(li)) return false;
  if (c.body && !p.continuesBody(old.sections[c.counts[SECTIONS] - 1], c.counts[SECTIONS])) return false;
  if (!condsFit(p, old, cp, c)) return false;
  // Later nodes refer to packages by index, and later sections look packages up by name (conditionals
  // are renumbered when the stretch has more or fewer of them).
  if (d.packages.length !== c.counts[PKGS]) return false;
  if (d.packages[0].name !== old.packages[0].name) return false;
  // A subpackage parsed again is found by its names (as written, and with its macros expanded): when one
  // changed, the rest's sections that name it (old name or new) are looked up again where that needs no
  // macro values (incrementalNames.ts).
  const renamed = renamedKeys(d.packages, old.packages, cp.counts[PKGS]);
  if (renamed && !renameFits(d, old, c.counts[SECTIONS], renamed)) return false;
  // Macro values only matter to the rest where it resolves package names through them (the main package's
  // name and the name-use lines after the splice point); the rest is the same when those do not mention a
  // macro the re-parsed stretch defines differently, or one whose value mentions such a macro.
  if (lastNameUse < c.line) return true;
  const changed = changedMacros(old.defines.slice(cp.counts[DEFS], c.counts[DEFS]), d.defines.slice(cp.counts[DEFS]));
  if (changed.size === 0) return true;
  const affected = withDependents(changed, [old.defines, d.defines]);
  const dl = li - c.line;
  // A suffix (`%description extra`) is looked up as `<main name>-extra`, or `%{name}-extra` while the main
  // package has no name yet.
  const uses = [d.packages[0].name, '%{name}'];
  for (const l of old.resume!.nameUses) {
    if (l >= c.line) uses.push(d.text.slice(d.lines[l + dl].start, d.lines[l + dl].end));
  }
  for (const name of affected) if (uses.some((u) => u.includes(name))) return false;
  return true;
}

/** Names whose definitions (in order, with kind, parameters and value) differ between two stretches. */
function changedMacros(before: MacroDefinition[], now: MacroDefinition[]): Set<string> {
  const seq = (defs: MacroDefinition[]) => {
    const m = new Map<string, string[]>();
    for (const x of defs) {
      const v = m.get(x.name) ?? [];
      v.push(`${x.kind}\0${x.params ?? ''}\0${x.body}`);
      m.set(x.name, v);
    }
    return m;
  };
  const a = seq(before);
  const b = seq(now);
  const out = new Set<string>();
  for (const [name, v] of a) if (v.join('\n') !== (b.get(name) ?? []).join('\n')) out.add(name);
  for (const name of b.keys()) if (!a.has(name)) out.add(name);
  return out;
}

/** `names` and, repeatedly, every macro whose value mentions one of them (by substring: over-approximated). */
function withDependents(names: Set<string>, lists: MacroDefinition[][]): Set<string> {
  const out = new Set(names);
  for (let grew = true; grew;) {
    grew = false;
    for (const list of lists) {
      for (const x of list) {
        if (out.has(x.name)) continue;
        for (const n of out) {
          if (x.body.includes(n)) {
            out.add(x.name);
            grew = true;
            break;
          }
        }
      }
    }
  }
  return out;
}

const move = (s: Span, d: number) => {
  s.start += d;
  s.end += d;
};

/** Appends the old tree's nodes from checkpoint `c` on, moved by `d` characters and `dl` lines (the re-parse began at `cp`). */
function splice(
  p: Parser, old: SpecDocument, cp: ParseCheckpoint, c: ParseCheckpoint, li: number, d: number, dl: number,
  closed: { section: Section; endLine: number; bodyEnd: number } | undefined,
): void {
  if (c.entry || c.body) {
    // Inside %changelog or a body: the section goes on; it ends where the old parse ended it (moved).
    const s = old.sections[c.counts[SECTIONS] - 1];
    const end = s === closed?.section ? closed : { endLine: s.endLine, bodyEnd: s.bodySpan.end };
    p.closeAs(end.endLine + dl, end.bodyEnd + d);
  } else {
    p.closeBefore(li);
  }
  const doc = p.doc;
  // The main preamble ends at the first section: the header spliced at, when none was parsed again.
  if (doc.sections.length === 0) doc.preambleEndLine = li;
  const now = p.counts();
  const rebase = conditionalRebase(p, old, cp, c);
  const from = (k: (typeof NODE_ARRAYS)[number]) => c.counts[NODE_ARRAYS.indexOf(k)];
  // Every span object is moved once, in place (the parser shares a span between two nodes only where
  // noted below).
  const carry = <T extends { line: number }>(list: T[], k: (typeof NODE_ARRAYS)[number], out: T[], spans: (x: T) => void) => {
    for (let i = from(k); i < list.length; i++) {
      const x = list[i];
      spans(x);
      x.line += dl;
      out.push(x);
    }
  };
  carry(old.tags, 'tags', doc.tags, (t) => {
    t.shift(d);
    if (rebase) t.branch = rebase.path(t.branch);
  });
  carry(old.macroRefs, 'macroRefs', doc.macroRefs, (x) => {
    x.start += d;
    x.end += d;
    x.nameStart += d;
    x.nameEnd += d;
    if (x.argStart >= 0) {
      x.argStart += d;
      x.argEnd += d;
    }
  });
  carry(old.defines, 'defines', doc.defines, (x) => {
    move(x.span, d); move(x.keywordSpan, d); move(x.nameSpan, d); move(x.bodySpan, d);
    if (rebase) x.branch = rebase.path(x.branch);
  });
  carry(old.bconds, 'bconds', doc.bconds, (x) => {
    move(x.span, d); move(x.nameSpan, d);
  });
  for (const k of ['comments', 'changelogStray', 'preambleStray'] as const) carry(old[k], k, doc[k], (x) => move(x.span, d));
  carry(old.sections, 'sections', doc.sections, (s) => {
    move(s.headerSpan, d); move(s.keywordSpan, d); move(s.bodySpan, d);
    for (const o of s.options) {
      move(o.span, d); move(o.valueSpan, d);
    }
    // The package reference's span is an option's value span, moved with the options.
    if (s.pkgRef && !s.options.some((o) => o.valueSpan === s.pkgRef!.span || o.span === s.pkgRef!.span)) move(s.pkgRef.span, d);
    s.endLine += dl;
    if (rebase) s.branch = rebase.path(s.branch);
  });
  carry(old.conditionals, 'conditionals', doc.conditionals, (x) => {
    for (const b of x.branches) {
      move(b.keywordSpan, d); move(b.exprSpan, d); move(b.bodySpan, d);
      b.line += dl;
    }
    if (x.endifSpan) move(x.endifSpan, d);
    move(x.span, d);
    x.endLine += dl;
    if (rebase) {
      x.index += rebase.shift;
      x.parent = x.parent < c.counts[CONDS] ? rebase.innermost : x.parent + rebase.shift;
      x.branch = rebase.path(x.branch);
    }
  });
  carry(old.changelog, 'changelog', doc.changelog, (e) => {
    move(e.headerSpan, d);
    if (e.dateSpan) move(e.dateSpan, d);
    if (e.authorSpan) move(e.authorSpan, d);
    if (e.evrSpan) move(e.evrSpan, d);
    for (const it of [e.firstText, e.lastText]) {
      if (!it) continue;
      move(it.span, d);
      it.line += dl;
    }
  });
  // An unclosed %if is reported on its keyword span: moved with its conditional above.
  if (!rebase?.open) carry(old.problems, 'problems', doc.problems, (x) => x.code !== 'unclosed-if' && move(x.span, d));
  else {
    // The unclosed ones come last (parser.ts `finish`), outermost first: those open at the checkpoint
    // (opened before it) give way to those open now, which run to the end of the text.
    const unclosed = [];
    for (let i = from('problems'); i < old.problems.length; i++) {
      const x = old.problems[i];
      x.line += dl;
      if (x.code !== 'unclosed-if') {
        move(x.span, d);
        doc.problems.push(x);
      } else if (x.line >= li) unclosed.push(x);
    }
    doc.problems.push(...p.leaveOpen(), ...unclosed);
  }
  const renamed = renamedKeys(doc.packages, old.packages, 1);
  for (const pkg of old.packages.slice(from('packages'))) doc.packages.push({ ...pkg });
  if (renamed) lookUpAgain(doc, now[SECTIONS], renamed);
  doc.macroPackages = old.macroPackages;
  const r = old.resume!;
  const oldLine = li - dl;
  const shiftCounts = c.counts.map((n, i) => now[i] - n);
  // The old checkpoints after the splice point are moved in place (the old tree is consumed).
  for (const x of r.checkpoints) {
    if (x.line < oldLine) continue;
    x.failedUntil = x.failedUntil >= oldLine ? x.failedUntil + dl : p.lookedAheadTo;
    x.line += dl;
    if (rebase) x.conds = rebase.conds(x.conds);
    for (let i = 0; i < shiftCounts.length; i++) x.counts[i] += shiftCounts[i];
    p.resume.checkpoints.push(x);
  }
  for (const [l, k] of r.tagsInMacrosAt) if (l >= oldLine) p.resume.tagsInMacrosAt.push([l + dl, k]);
  for (const l of r.nameUses) if (l >= oldLine) p.resume.nameUses.push(l + dl);
  doc.tagsInMacros = new Set(p.resume.tagsInMacrosAt.map(([, k]) => k));
}
