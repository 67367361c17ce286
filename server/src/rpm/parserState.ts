/**
 * The spec parser's state between logical lines (parser.ts classifies the lines): the open section, the
 * `%if` stack, the macro table and package index used to resolve package names, and the checkpoints that
 * let `reparseSpec` (incremental.ts) resume a previous parse.
 */
import {
  NODE_ARRAYS, type BranchPath, type ChangelogEntry, type Package, type ParseCheckpoint, type ParseProblem, type ResumeInfo,
  type Section, type SpecDocument, type SpecLine,
} from './ast';
import { expandMacros, MapMacroTable } from './expand';
import { lineIn } from './query';

export const ROOT: BranchPath = { steps: [] };
export const NO_CONDS: readonly number[] = [];

/** The parser's state between logical lines, its bookkeeping for resuming, and the package index. */
export abstract class ParserState {
  readonly doc: SpecDocument;
  readonly resume: ResumeInfo;
  /** The logical line being classified, and how many macro references there were before it. */
  protected li = 0;
  protected refsBefore = 0;
  protected section: Section | undefined;
  protected pkg = 0;
  protected condStack: number[] = [];
  protected branch: BranchPath = ROOT;
  protected entry: ChangelogEntry | undefined;
  protected failedUntil = -1;
  /** The physical line being classified when it is a logical line on its own (fast `lineAt`). */
  protected curLine = -1;
  /** Macros known so far (non-parametric defines, Name), to resolve package names like rpm would. */
  protected names = new MapMacroTable();

  constructor(protected readonly text: string, lines: SpecLine[]) {
    const main: Package = { name: '', tags: [], descriptions: [], resolved: '' };
    this.doc = {
      text, lines, packages: [main], tags: [], sections: [], defines: [], macroRefs: [], conditionals: [], bconds: [],
      comments: [], changelog: [], changelogStray: [], problems: [], preambleStray: [], preambleEndLine: lines.length, macroPackages: false, tagsInMacros: new Set(), memo: undefined,
    };
    this.resume = { checkpoints: [], nameUses: [], tagsInMacrosAt: [] };
    this.doc.resume = this.resume;
  }

  /**
   * Continues `old` at its checkpoint `cp`: the nodes before `cp` are `old`'s (the text up to
   * there is the same), and the macro table and package index are replayed from them.
   */
  protected restore(old: SpecDocument, cp: ParseCheckpoint): void {
    const d = this.doc as unknown as Record<string, unknown[]>;
    const o = old as unknown as Record<string, unknown[]>;
    NODE_ARRAYS.forEach((k, i) => { d[k] = o[k].slice(0, cp.counts[i]); });
    this.doc.packages = this.doc.packages.map((pkg) => ({ ...pkg, tags: [], descriptions: [] }));
    if (this.doc.sections.length) this.doc.preambleEndLine = old.preambleEndLine;
    this.doc.macroPackages = cp.macroPackages;
    const r = old.resume!;
    this.resume.checkpoints = r.checkpoints.filter((c) => c.line < cp.line);
    this.resume.nameUses = r.nameUses.filter((l) => l < cp.line);
    this.resume.tagsInMacrosAt = r.tagsInMacrosAt.filter(([l]) => l < cp.line);
    this.doc.tagsInMacros = new Set(this.resume.tagsInMacrosAt.map(([, k]) => k));
    this.failedUntil = cp.failedUntil;
    // Inside `%if`s that ran to the end of the old text (reparseSpec only resumes inside such ones): open
    // again, in their last branch.
    if (cp.conds.length) {
      this.condStack = cp.conds.slice();
      const inner = this.doc.conditionals[cp.conds[cp.conds.length - 1]];
      this.branch = { steps: [...inner.branch.steps, [inner.index, inner.branches.length - 1]] };
    }
    this.section = this.doc.sections[this.doc.sections.length - 1];
    // In a body, tags go to the section's package (a %package preamble); elsewhere the header sets it.
    if (cp.entry) this.pkg = -1;
    else if (cp.body) this.pkg = this.section!.kind === 'package' ? this.section!.pkg : -1;
    if (this.section) {
      // Open it again: the old parse closed it at the checkpoint's header.
      const h = this.section.headerSpan;
      this.section.endLine = this.lineAt(h.end);
      this.section.bodySpan = { start: h.end, end: h.end };
    }
    // Replay, in line order, what built the macro table and the package index.
    const events: Array<[number, () => void]> = [];
    for (const def of this.doc.defines) {
      events.push([def.line, () => (def.kind === 'undefine' ? this.names.delete(def.name) : def.params === undefined && this.names.set(def.name, def.body))]);
    }
    // As `preambleLine` does: each main-package Name: while the name is still empty (an empty Name: too).
    const main = this.doc.packages[0];
    main.name = '';
    for (const t of this.doc.tags) {
      if (t.pkg !== 0 || t.key !== 'name') continue;
      events.push([t.line, () => {
        if (main.name) return;
        main.name = t.value;
        this.names.set('name', t.value);
      }]);
    }
    this.doc.packages.forEach((pkg, i) => { if (i > 0) events.push([pkg.section!.line, () => this.indexPackage(pkg, i, false)]); });
    events.sort((x, y) => x[0] - y[0]).forEach(([, run]) => run());
  }

  /** Counts of the node arrays now, in `NODE_ARRAYS` order. */
  counts(): number[] {
    const d = this.doc as unknown as Record<string, unknown[]>;
    return NODE_ARRAYS.map((k) => d[k].length);
  }

  /** The last line an unclosed macro made the parser look at (-1: none). */
  get lookedAheadTo(): number {
    return this.failedUntil;
  }

  /** The `%if`s open now, outermost first (one shared empty list outside any). */
  openConds(): readonly number[] {
    return this.condStack.length ? this.condStack.slice() : NO_CONDS;
  }

  /** How many `%if`s are open now. */
  get openCount(): number {
    return this.condStack.length;
  }

  /** The branch path of the line being parsed. */
  get branchPath(): BranchPath {
    return this.branch;
  }

  /**
   * The `%if`s still open run to the end of the text (rpm: "Unclosed %if"): their last branch and span are
   * extended to it, and the problems to report are returned, outermost first.
   */
  leaveOpen(): ParseProblem[] {
    const lastLine = this.doc.lines.length - 1;
    return this.condStack.map((idx) => {
      const c = this.doc.conditionals[idx];
      const b = c.branches[c.branches.length - 1];
      b.bodySpan = { start: b.bodySpan.start, end: this.text.length };
      c.span = { start: c.span.start, end: this.text.length };
      c.endLine = lastLine;
      return { code: 'unclosed-if', span: c.branches[0].keywordSpan, line: c.line, detail: `%${c.branches[0].keyword}` };
    });
  }

  /** Ends the open section before line `li` (what a section header there does first). */
  closeBefore(li: number): void {
    this.closeSection(li);
  }

  /** Ends the open section at line `endLine`, whose body ends at offset `bodyEnd` (its last line's end). */
  closeAs(endLine: number, bodyEnd: number): void {
    const s = this.section!;
    const firstBody = s.endLine + 1;
    if (endLine >= firstBody) {
      s.bodySpan = { start: this.doc.lines[firstBody].start, end: bodyEnd };
      s.endLine = endLine;
    } else {
      s.bodySpan = { start: s.headerSpan.end, end: s.headerSpan.end };
    }
  }

  /**
   * Whether the body of `old` (the section open at a body checkpoint of the previous parse) goes on here:
   * the open section is the same kind, for the same package, with as many sections before it.
   */
  continuesBody(old: Section | undefined, sections: number): boolean {
    const s = this.section;
    if (!s || !old || this.doc.sections.length !== sections || this.entry !== undefined) return false;
    return s.kind === old.kind && (s.kind !== 'package' || s.pkg === old.pkg);
  }

  /** Whether line `li` (a `*` line at the start) would begin a new %changelog entry here. */
  entryStartsAt(li: number): boolean {
    if (this.section?.kind !== 'changelog') return false;
    return !(this.entry !== undefined && this.entry.bodyLines === 0 && this.entry.line === li - 1);
  }

  protected lineAt = (offset: number): number => {
    if (this.curLine >= 0) {
      const l = this.doc.lines[this.curLine];
      if (offset >= l.start && offset <= l.end) return this.curLine;
    }
    return lineIn(this.doc.lines, offset);
  };

  /** Normalised full name -> package index; suffix -> package index. */
  protected byName = new Map<string, number>();
  protected bySuffix = new Map<string, number>();

  /** A package name with the macros known so far expanded (unknown ones stay as written). */
  protected normName(s: string, record = true): string {
    if (!s.includes('%')) return s;
    if (record) this.resume.nameUses.push(this.li);
    return expandMacros(s, this.names, { maxDepth: 8, maxLength: 1000 }).text;
  }

  protected addPackage(pkg: Package): number {
    this.doc.packages.push(pkg);
    const index = this.doc.packages.length - 1;
    this.indexPackage(pkg, index, true);
    return index;
  }

  protected indexPackage(pkg: Package, index: number, record: boolean): void {
    pkg.resolved = this.normName(pkg.name, record);
    this.byName.set(pkg.resolved, index);
    if (pkg.suffix !== undefined) this.bySuffix.set(pkg.suffix, index);
  }

  /** Index of the package a section names; -1 when it does not exist, -2 when macros make it unknowable. */
  protected findPackage(name: string, full: boolean): number {
    const main = this.normName(this.doc.packages[0].name);
    const norm = this.normName(full ? name : `${main || '%{name}'}-${name}`);
    const i = (full ? undefined : this.bySuffix.get(name)) ?? this.byName.get(norm);
    if (i !== undefined) return i;
    if (full && norm === main) return 0;
    return norm.includes('%') || this.doc.macroPackages ? -2 : -1;
  }

  /** Ends the current section before line `li`: its body is the lines after its header up to `li - 1`. */
  protected closeSection(li: number): void {
    if (this.section && li > 0) this.closeAs(li - 1, this.doc.lines[li - 1].end);
  }
}
