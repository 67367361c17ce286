/**
 * The error-tolerant spec parser: one pass over the lines, never throws. Physical lines are joined into
 * logical lines the way rpm's reader does (while `%{`/`%(` are open, and after a trailing `\` in macro
 * definitions), then each logical line is classified: conditional directive, section header, macro
 * definition, `%bcond`, preamble tag, comment, changelog entry or body text.
 */
import {
  NODE_ARRAYS, type Bcond, type BranchKeyword, type Conditional, type MacroDefinition, type MacroRef, type Package,
  type ParseCheckpoint, type ParseProblem, type Section, type Span, type SpecDocument, type SpecLine,
  Tag,
} from './ast';
import { addBodyLine, parseChangelogHeader } from './changelog';
import { expandMacros } from './expand';
import { ParserState } from './parserState';
import { scanMacroRefs } from './macroRefs';
import { parseOptions, SECTION_BY_NAME } from './sections';
import { CLOSED, intern, isOpen, NextChar, own, scanOpen, splitLines } from './reader';
import { lookupTag } from './tags';
import { keepShape } from '../common/keepShape';
import { isBodyMark, isWordStart, namesPackages, tagAt } from './lineScan';

export { BODY_MARK_REACH, markedByHash } from './lineScan';

export { splitLines };

const MAX_JOINED_LINES = 5000;
// rpm: directives that take an argument need a blank after them (`%ifarch` alone is not one); %else and
// %endif must not run into a word.
const DIRECTIVE = /^%(?:(if|ifarch|ifnarch|ifos|ifnos|elif|elifarch|elifos)(?=[ \t])|(else|endif)(?![A-Za-z0-9_]))/;
const DEFINE = /^%(define|global|undefine)(?=\s|$)/;
const BCOND = /^%(bcond_with|bcond_without|bcond)(?=\s|$)/;

const isBlank = (c: number) => c === 32 || c === 9;

export class Parser extends ParserState {
  private readonly pct: NextChar;
  private readonly bs: NextChar;

  constructor(text: string, lines: SpecLine[] = splitLines(text)) {
    super(text, lines);
    this.pct = new NextChar(text, '%');
    this.bs = new NextChar(text, '\\');
  }

  /**
   * A parser that continues `old` at its checkpoint `cp`: the nodes before `cp` are `old`'s (the text up to
   * there is the same), and the macro table and package index are replayed from them.
   */
  static resumeAt(text: string, lines: SpecLine[], old: SpecDocument, cp: ParseCheckpoint): Parser {
    const p = new Parser(text, lines);
    p.restore(old, cp);
    return p;
  }

  parse(): SpecDocument {
    this.run(0);
    return this.doc;
  }

  /**
   * Parses from logical line `from` to the end, or until `stop(li)` says to stop at the start of a logical
   * line (then returns that line; the caller completes the document). Returns -1 at the end.
   */
  run(from: number, stop?: (li: number) => boolean): number {
    const { lines } = this.doc;
    const text = this.text;
    let li = from;
    while (li < lines.length) {
      if (stop?.(li)) return li;
      this.li = li;
      this.refsBefore = this.doc.macroRefs.length;
      const line = lines[li];
      const mark = this.bodyCheckpoint(li);
      const section = this.section;
      let first = line.start;
      while (first < line.end && isBlank(text.charCodeAt(first))) first++;
      // Join physical lines into one logical line while a macro is open (its content is macro input, not
      // spec lines). rpm also joins backslash-continued lines before expanding, but splits the result
      // into lines again, so a continuation only matters to %define/%global bodies.
      let last = li;
      const isDefine = text.charCodeAt(first) === 37 && DEFINE.test(text.slice(first, first + 10));
      // Lines without `%` or `\\` (most of them) cannot open anything: skip the character scan.
      const p = this.pct.at(line.start);
      const b = this.bs.at(line.start);
      const plain = (p < 0 || p >= line.end) && (b < 0 || b >= line.end);
      let open = plain ? CLOSED : scanOpen(text, line.start, line.end, CLOSED, b < 0 || b >= line.end);
      while (isOpen(open, isDefine) && li > this.failedUntil && last + 1 < lines.length && last - li < MAX_JOINED_LINES) {
        last++;
        open = scanOpen(text, lines[last].start, lines[last].end, open);
      }
      if (open.bc > 0 || open.pc > 0 || open.xc > 0) {
        this.doc.problems.push({ code: 'unclosed-macro', span: { start: line.start, end: line.end }, line: li, detail: '' });
        if (li > this.failedUntil) this.failedUntil = last; // do not rescan the same unclosed stretch per line
        last = li; // rpm fails here; keep the following lines parseable
      }
      const end = lines[last].end;
      this.curLine = last === li ? li : -1;
      this.logicalLine(li, last, first, end);
      // A section header there made its own checkpoint.
      if (mark && this.section === section) this.resume.checkpoints.push(mark);
      li = last + 1;
    }
    this.finish();
    return -1;
  }

  /**
   * A checkpoint before body line `li` of a section (not %changelog, whose entries have theirs), outside
   * any `%if`: a keystroke in a %files list of thousands of lines then re-parses a few dozen lines, not
   * the whole section. Which lines get one depends only on the text (`isBodyMark`), so a re-parse places
   * them where a full parse does.
   */
  private bodyCheckpoint(li: number): ParseCheckpoint | undefined {
    const s = this.section;
    if (!s || s.kind === 'changelog' || li <= s.endLine || this.failedUntil >= li) return undefined;
    if (!isBodyMark(this.text, this.doc.lines, li)) return undefined;
    return { line: li, conds: this.openConds(), body: true, counts: this.counts(), failedUntil: this.failedUntil, macroPackages: this.doc.macroPackages };
  }

  private logicalLine(li: number, last: number, first: number, end: number): void {
    const text = this.text;
    const start = this.doc.lines[li].start;
    const c0 = text.charCodeAt(first);
    // Directives, sections, definitions and bconds are `%` and a word: `%{…}` lines (most of a file list)
    // are none of them.
    const word = c0 === 37 && isWordStart(text.charCodeAt(first + 1));
    const head = word ? text.slice(first, Math.min(end, first + 24)) : '';
    const inChangelog = this.section?.kind === 'changelog';
    if (word) {
      const d = DIRECTIVE.exec(head);
      if (d) {
        this.directive((d[1] ?? d[2]) as BranchKeyword | 'endif', li, first, end);
        this.scanRefs(first + d[0].length, end);
        return;
      }
      if (first === start) {
        const m = /^%([A-Za-z_]+)(?=\s|$)/.exec(head);
        const info = m ? SECTION_BY_NAME.get(m[1].toLowerCase()) : undefined; // rpm matches sections case-insensitively
        if (info) {
          this.sectionHeader(info.name, li, last, start, end);
          this.scanRefs(start + 1 + info.name.length, end);
          return;
        }
      }
      if (!inChangelog) {
        const def = DEFINE.exec(head);
        if (def) {
          this.define(def[1] as MacroDefinition['kind'], li, first, end);
          return;
        }
        const b = BCOND.exec(head);
        if (b) {
          this.bcond(b[1] as Bcond['kind'], li, first, end);
          this.scanRefs(first, end);
          return;
        }
      }
    }
    this.scanRefs(first, end);
    if (c0 === 37 && !inChangelog && namesPackages(text, first, Math.min(end, first + 24))) this.doc.macroPackages = true;
    if (c0 === 37 && last > li && (!this.section || this.section.kind === 'package')) this.tagsFromMacros(first, end);
    if (inChangelog) {
      this.changelogLine(li, first, end);
      return;
    }
    if (c0 === 35 /* # */) {
      const kind = this.section?.kind;
      if (kind !== 'description') this.doc.comments.push({ span: { start: first, end }, line: li });
      return;
    }
    const inPreamble = !this.section || this.section.kind === 'package';
    // rpm reads tags only at the start of a line: ` Name: x` is an unknown tag.
    if (inPreamble && first < end && c0 !== 37) this.preambleLine(li, start, end, first === start);
  }

  private scanRefs(from: number, to: number): void {
    const p = this.pct.at(from);
    if (p >= 0 && p < to) scanMacroRefs(this.text, from, to, this.lineAt, this.doc.macroRefs);
  }

  private preambleLine(li: number, first: number, end: number, atLineStart: boolean): void {
    const text = this.text;
    const t = atLineStart ? tagAt(text, first, end) : undefined;
    if (!t) {
      this.doc.preambleStray.push({ span: { start: first, end }, line: li });
      return;
    }
    const name = intern(text.slice(first, t.nameEnd));
    const found = lookupTag(name);
    let valueStart = t.colon + 1;
    while (valueStart < end && isBlank(text.charCodeAt(valueStart))) valueStart++;
    let valueEnd = end;
    while (valueEnd > valueStart && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const tag = new Tag(
      name, found ? found.key : own(name.toLowerCase()), found?.number, t.qStart < 0 ? undefined : intern(text.slice(t.qStart, t.qEnd).trim()),
      own(text.slice(valueStart, valueEnd)), first, end, t.nameEnd, valueStart, valueEnd, t.qStart, t.qEnd, li, this.pkg, this.branch,
      found !== undefined,
    );
    this.doc.tags.push(tag);
    if (this.pkg >= 0) this.doc.packages[this.pkg].tags.push(tag);
    if (this.pkg === 0 && tag.key === 'name' && !this.doc.packages[0].name) {
      this.doc.packages[0].name = tag.value;
      this.names.set('name', tag.value);
    }
  }

  private directive(kw: BranchKeyword | 'endif', li: number, first: number, end: number): void {
    const kwSpan = { start: first, end: first + 1 + kw.length };
    let exprStart = kwSpan.end;
    while (exprStart < end && isBlank(this.text.charCodeAt(exprStart))) exprStart++;
    let exprEnd = end;
    while (exprEnd > exprStart && isBlank(this.text.charCodeAt(exprEnd - 1))) exprEnd--;
    const lineEnd = this.doc.lines[this.lineAt(end)].end;
    const nextLine = this.lineAt(end) + 1;
    const bodyStart = nextLine < this.doc.lines.length ? this.doc.lines[nextLine].start : this.text.length;
    if (kw === 'if' || kw === 'ifarch' || kw === 'ifnarch' || kw === 'ifos' || kw === 'ifnos') {
      const index = this.doc.conditionals.length;
      const cond: Conditional = {
        index,
        branches: [{ keyword: kw, keywordSpan: kwSpan, expr: own(this.text.slice(exprStart, exprEnd)), exprSpan: { start: exprStart, end: exprEnd }, bodySpan: { start: bodyStart, end: bodyStart }, line: li }],
        span: { start: first, end: lineEnd },
        line: li,
        endLine: li,
        parent: this.condStack.length ? this.condStack[this.condStack.length - 1] : -1,
        branch: this.branch,
      };
      this.doc.conditionals.push(cond);
      this.condStack.push(index);
      this.branch = { steps: [...this.branch.steps, [index, 0]] };
      return;
    }
    const top = this.condStack.length ? this.doc.conditionals[this.condStack[this.condStack.length - 1]] : undefined;
    if (!top) {
      const code = kw === 'endif' ? 'endif-without-if' : kw === 'else' ? 'else-without-if' : 'elif-without-if';
      this.doc.problems.push({ code, span: kwSpan, line: li, detail: `%${kw}` });
      return;
    }
    const prev = top.branches[top.branches.length - 1];
    prev.bodySpan = { start: prev.bodySpan.start, end: this.doc.lines[li].start };
    if (kw === 'endif') {
      top.endifSpan = kwSpan;
      top.span = { start: top.span.start, end: lineEnd };
      top.endLine = li;
      this.condStack.pop();
      this.branch = top.branch;
      return;
    }
    top.branches.push({ keyword: kw, keywordSpan: kwSpan, expr: own(this.text.slice(exprStart, exprEnd)), exprSpan: { start: exprStart, end: exprEnd }, bodySpan: { start: bodyStart, end: bodyStart }, line: li });
    this.branch = { steps: [...top.branch.steps, [top.index, top.branches.length - 1]] };
  }

  private sectionHeader(name: string, li: number, last: number, start: number, end: number): void {
    const info = SECTION_BY_NAME.get(name)!;
    this.resume.checkpoints.push({ line: li, conds: this.openConds(), counts: this.counts(), failedUntil: this.failedUntil, macroPackages: this.doc.macroPackages });
    this.closeSection(li);
    if (this.doc.sections.length === 0) this.doc.preambleEndLine = li;
    const keywordSpan = { start, end: start + 1 + name.length };
    const options = parseOptions(this.text, keywordSpan.end, end);
    const section: Section = {
      kind: info.kind, name, headerSpan: { start, end }, keywordSpan, options, pkg: 0,
      bodySpan: { start: end, end }, line: li, endLine: last, branch: this.branch,
    };
    // Which package: `-n full` or the first positional word (the suffix); triggers stop at `--`.
    const nOpt = options.find((o) => o.flag === '-n');
    const positional = options.find((o) => o.flag === '');
    let ref = nOpt ? { name: nOpt.value, full: true, span: nOpt.valueSpan } : positional && info.options.includes('-n') ? { name: positional.value, full: false, span: positional.valueSpan } : undefined;
    // rpm expands the header line first: `%description %{_description}` whose value starts with a newline
    // is the main package's description followed by text.
    if (ref && !nOpt && ref.name.startsWith('%')) {
      this.resume.nameUses.push(li);
      const x = expandMacros(ref.name, this.names, { maxDepth: 8, maxLength: 4000 });
      if (!x.unknown && !x.text.includes('%')) {
        const word = /^\S+/.exec(x.text);
        ref = word ? { ...ref, name: own(word[0]) } : undefined;
      }
    }
    if (ref) section.pkgRef = ref;
    if (info.kind === 'package') {
      const main = this.doc.packages[0].name;
      const pkg: Package = ref
        ? { name: ref.full ? ref.name : own(`${main || '%{name}'}-${ref.name}`), tags: [], descriptions: [], section, resolved: '' }
        : { name: '', tags: [], descriptions: [], section, resolved: '' };
      if (ref && !ref.full) pkg.suffix = ref.name;
      section.pkg = this.addPackage(pkg);
      this.pkg = section.pkg;
    } else {
      section.pkg = ref ? this.findPackage(ref.name, ref.full) : 0;
      this.pkg = -1;
      if (info.kind === 'description' && section.pkg >= 0) this.doc.packages[section.pkg].descriptions.push(section);
    }
    this.section = section;
    this.entry = undefined;
    this.doc.sections.push(section);
  }

  private define(kind: MacroDefinition['kind'], li: number, first: number, end: number): void {
    const text = this.text;
    const keywordSpan = { start: first, end: first + 1 + kind.length };
    let p = keywordSpan.end;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    const nameStart = p;
    while (p < end && /[A-Za-z0-9_]/.test(text[p])) p++;
    const nameSpan = { start: nameStart, end: p };
    let params: string | undefined;
    if (kind !== 'undefine' && text[p] === '(') {
      const close = text.indexOf(')', p);
      if (close > 0 && close < end) {
        params = own(text.slice(p + 1, close));
        p = close + 1;
      }
    }
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    let bodyEnd = end;
    while (bodyEnd > p && isBlank(text.charCodeAt(bodyEnd - 1))) bodyEnd--;
    const def: MacroDefinition = {
      kind, name: own(text.slice(nameSpan.start, nameSpan.end)), body: own(text.slice(p, bodyEnd).replace(/\\\r?\n/g, '\n')),
      span: { start: first, end }, keywordSpan, nameSpan, bodySpan: { start: p, end: bodyEnd }, line: li, branch: this.branch,
    };
    if (params !== undefined) def.params = params;
    this.doc.defines.push(def);
    if (kind === 'undefine') this.names.delete(def.name);
    else if (params === undefined) this.names.set(def.name, def.body);
    if (/^\s*%(package|description)\b/m.test(def.body)) this.doc.macroPackages = true;
    this.tagsFromMacros(p, bodyEnd);
    this.scanRefs(p, bodyEnd);
  }

  /** Records tag names written inside macro text (a definition, a multi-line macro block in a preamble). */
  private tagsFromMacros(from: number, to: number): void {
    const seg = this.text.slice(from, to);
    if (!seg.includes(':')) return;
    for (const m of seg.matchAll(/(?:^|\n)[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*(?:\([^)]*\))?:/g)) {
      const t = lookupTag(m[1]);
      if (t) {
        const key = t.key;
        this.doc.tagsInMacros.add(key);
        this.resume.tagsInMacrosAt.push([this.li, key]);
      }
    }
  }

  private bcond(kind: Bcond['kind'], li: number, first: number, end: number): void {
    const m = /^%\w+[ \t]+([A-Za-z0-9_]+)(?:[ \t]+(\S+))?/.exec(this.text.slice(first, end));
    if (!m) return;
    const nameStart = first + m[0].indexOf(m[1], kind.length + 1);
    const defaultOn = kind === 'bcond_with' ? false : kind === 'bcond_without' ? true : m[2] === undefined ? undefined : m[2] === '0' ? false : /^\d+$/.test(m[2]) ? true : undefined;
    this.doc.bconds.push({ kind, name: own(m[1]), defaultOn, span: { start: first, end }, nameSpan: { start: nameStart, end: nameStart + m[1].length }, line: li });
  }

  private changelogLine(li: number, first: number, end: number): void {
    const text = this.text;
    if (first >= end) {
      // Blank lines belong to the entry's text (rpm accepts an entry whose text is only blank lines).
      if (this.entry) this.entry.bodyLines++;
      return;
    }
    if (text.charCodeAt(first) === 35 /* # */) return; // comments
    // rpm looks for the next entry from the second character of the text: a `*` line right after the
    // header is part of the entry's text.
    const rightAfterHeader = this.entry !== undefined && this.entry.bodyLines === 0 && this.entry.line === li - 1;
    if (text.charCodeAt(first) === 42 /* * */ && first === this.doc.lines[li].start && !rightAfterHeader) {
      const counts = this.counts();
      counts[NODE_ARRAYS.indexOf('macroRefs')] = this.refsBefore;
      this.resume.checkpoints.push({ line: li, conds: this.openConds(), entry: true, counts, failedUntil: this.failedUntil, macroPackages: this.doc.macroPackages });
      this.entry = parseChangelogHeader(text.slice(first, end), first, li);
      this.doc.changelog.push(this.entry);
      return;
    }
    if (this.entry) addBodyLine(this.entry, text, first, end, li);
    else this.doc.changelogStray.push({ span: { start: first, end }, line: li });
  }

  private finish(): void {
    this.closeSection(this.doc.lines.length);
    this.doc.problems.push(...this.leaveOpen());
  }
}

/** Parses a spec file. Never throws; every node has offsets into `text`. */
export function parseSpec(text: string): SpecDocument {
  return new Parser(text).parse();
}

export type { MacroRef, ParseProblem, Span };

keepShape(new Parser(''));
