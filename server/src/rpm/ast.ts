/**
 * The spec syntax tree. Every node carries offsets (UTF-16, end exclusive) into the original text, and
 * `line` (0-based) where it starts. Built by `parseSpec`, which never throws.
 */
import type { Span } from '../common/findings';

export type { Span };

/** A physical line: `start`..`end` is its content, `next` the start of the following line. */
export interface SpecLine {
  start: number;
  end: number;
  next: number;
  /** What line checks found on this line's text (service/spec/checks/memo.ts); lines of unchanged text
   *  keep it across incremental re-parses. Always present (undefined at first) so lines keep one shape. */
  memo: unknown;
}

/** Where a node sits in the conditional structure: the branch of each enclosing `%if`, outermost first. */
export interface BranchPath {
  /** Pairs of (conditional index in `SpecDocument.conditionals`, branch index). */
  readonly steps: ReadonlyArray<readonly [number, number]>;
}

/**
 * A preamble tag line (`Name: x`, `Requires(post): y`). Its offsets are fields, not span objects: a large
 * spec has tens of thousands of tags, and every edit moves the ones after it (one object each instead of
 * four). The span getters make a span when asked.
 */
export class Tag {
  /** What checks found on this tag by itself (service/spec/checks/memo.ts); kept across incremental
   *  re-parses while the tag's text is unchanged. */
  memo: unknown = undefined;

  constructor(
    /** The name as written, e.g. `BuildRequires`, `Source0`, `Requires`. */
    public name: string,
    /** Canonical lower-case key without number or qualifier: `buildrequires`, `source`, `requires`. */
    public key: string,
    /** The number of `SourceN`/`PatchN` (undefined when unnumbered). */
    public number: number | undefined,
    /** `post` in `Requires(post):`, `de` in `Summary(de):`. */
    public qualifier: string | undefined,
    public value: string,
    /** The tag, `text[start, end)`: from its name to the end of the line. */
    public start: number,
    public end: number,
    /** The name is `text[start, nameEnd)`. */
    public nameEnd: number,
    public valueStart: number,
    public valueEnd: number,
    /** Inside the parentheses; -1 without a qualifier. */
    public qualifierStart: number,
    public qualifierEnd: number,
    public line: number,
    /** Index into `SpecDocument.packages` (0 = main package). */
    public pkg: number,
    public branch: BranchPath,
    /** Known to rpm's preamble parser. */
    public known: boolean,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get nameSpan(): Span {
    return { start: this.start, end: this.nameEnd };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }

  get qualifierSpan(): Span | undefined {
    return this.qualifierStart < 0 ? undefined : { start: this.qualifierStart, end: this.qualifierEnd };
  }

  /** Moves the tag by `d` characters (incremental re-parsing). */
  shift(d: number): void {
    this.start += d;
    this.end += d;
    this.nameEnd += d;
    this.valueStart += d;
    this.valueEnd += d;
    if (this.qualifierStart >= 0) {
      this.qualifierStart += d;
      this.qualifierEnd += d;
    }
  }
}

export type SectionKind =
  | 'package' | 'description' | 'prep' | 'conf' | 'generate_buildrequires' | 'build' | 'install' | 'check'
  | 'clean' | 'files' | 'changelog' | 'scriptlet' | 'trigger' | 'filetrigger' | 'verifyscript' | 'sepolicy'
  | 'sourcelist' | 'patchlist' | 'end';

export interface SectionOption {
  /** `-n`, `-f`, `-p`, `-l`, `-q`, `-a`, `-P`, or '' for a positional word. */
  flag: string;
  value: string;
  span: Span;
  valueSpan: Span;
}

export interface Section {
  kind: SectionKind;
  /** The keyword without `%`: `description`, `post`, `triggerin`, `files`… */
  name: string;
  /** The header line (logical line). */
  headerSpan: Span;
  /** `%name` on the header line. */
  keywordSpan: Span;
  options: SectionOption[];
  /** The subpackage this section is about: index into `packages`; -1 when it names a package that does not
   *  exist, -2 when macros make it unknowable. */
  pkg: number;
  /** The package name as written (`-n full` or suffix), if any. */
  pkgRef?: { name: string; full: boolean; span: Span };
  /** Body: from the line after the header to the end of the line before the next section. */
  bodySpan: Span;
  line: number;
  /** Last line of the section (inclusive). */
  endLine: number;
  branch: BranchPath;
}

export interface Package {
  /** Full package name as far as known without expansion, e.g. `hello`, `%{name}-devel`, `python3-foo`. */
  name: string;
  /** The suffix of `%package foo` (full name `%{name}-foo`), or undefined for `-n` and the main package. */
  suffix?: string;
  /** The `%package` section (undefined for the main package). */
  section?: Section;
  tags: Tag[];
  /** `%description` sections for this package. */
  descriptions: Section[];
  /** A subpackage's name with the macros known at its `%package` line expanded, as later sections look it
   *  up (empty for the main package, whose name is expanded where it is used). */
  resolved: string;
}

export type DefineKind = 'define' | 'global' | 'undefine';

export interface MacroDefinition {
  kind: DefineKind;
  name: string;
  /** Getopt string of a parametric macro: `ab:` in `%define foo(ab:) …`. */
  params?: string;
  body: string;
  span: Span;
  keywordSpan: Span;
  nameSpan: Span;
  bodySpan: Span;
  line: number;
  branch: BranchPath;
}

export type MacroRefForm = 'plain' | 'braced' | 'shell' | 'expr' | 'lua';

/**
 * A macro reference. Its offsets are plain fields, not span objects: a large spec has tens of thousands
 * of references, and every edit moves the ones after it (one object each instead of three).
 */
export interface MacroRef {
  /** Macro name (`name`, `_bindir`, `1`, `-x`); '' for `%(...)` and `%[...]`. */
  name: string;
  form: MacroRefForm;
  /** The whole reference, `text[start, end)`. */
  start: number;
  end: number;
  /** The name, `text[nameStart, nameEnd)`. */
  nameStart: number;
  nameEnd: number;
  /** `%{?name}` / `%?name`. */
  conditional: boolean;
  /** `%{!?name}`. */
  negated: boolean;
  /** Text after `:` or a space inside braces (`%{name:arg}`, `%{name arg}`), at `text[argStart, argEnd)`;
   *  undefined (and the offsets -1) otherwise. The rest of the line after a plain reference is not recorded. */
  arg: string | undefined;
  argStart: number;
  argEnd: number;
  line: number;
  /** Nesting depth inside other references (0 = top level). */
  depth: number;
}

export type ConditionalKeyword = 'if' | 'ifarch' | 'ifnarch' | 'ifos' | 'ifnos';
export type BranchKeyword = ConditionalKeyword | 'elif' | 'elifarch' | 'elifos' | 'else';

export interface ConditionalBranch {
  keyword: BranchKeyword;
  keywordSpan: Span;
  /** The expression or arch/os list (empty for `%else`). */
  expr: string;
  exprSpan: Span;
  /** The lines governed by this branch: from the line after the directive to the end of the line before the next. */
  bodySpan: Span;
  line: number;
}

export interface Conditional {
  index: number;
  branches: ConditionalBranch[];
  endifSpan?: Span;
  /** From the `%if` to the end of the `%endif` line (or of the text when unclosed). */
  span: Span;
  line: number;
  endLine: number;
  /** Index of the enclosing conditional, or -1. */
  parent: number;
  /** Branch path of the `%if` line itself. */
  branch: BranchPath;
}

export interface Bcond {
  kind: 'bcond_with' | 'bcond_without' | 'bcond';
  name: string;
  /** True when the option is on by default (`%bcond_without x`, `%bcond x 1`). */
  defaultOn: boolean | undefined;
  span: Span;
  nameSpan: Span;
  line: number;
}

export interface Comment {
  span: Span;
  line: number;
}

export interface ChangelogEntry {
  headerSpan: Span;
  line: number;
  /** Header pieces as written (after `* `). */
  weekday?: string;
  month?: string;
  day?: number;
  year?: number;
  time?: string;
  dateSpan?: Span;
  author?: string;
  email?: string;
  authorSpan?: Span;
  evr?: string;
  evrSpan?: Span;
  /** How many body lines (items, continuation lines and blank lines) follow the header. */
  bodyLines: number;
  /** Some body line starts with `-` (after white space). */
  dashed: boolean;
  /** The first and the last body line that is not blank (separate objects, equal when there is one); `span`
   *  runs from the line's first non-blank character. The lines themselves are not kept: a 40k-line
   *  changelog would be 80k objects. */
  firstText: { span: Span; line: number } | undefined;
  lastText: { span: Span; line: number } | undefined;
}

/** Structural problems noticed while parsing (the diagnostics layer turns them into findings). */
export interface ParseProblem {
  code: 'else-without-if' | 'elif-without-if' | 'endif-without-if' | 'unclosed-if' | 'unclosed-macro';
  span: Span;
  line: number;
  /** Extra text for the message, e.g. the directive. */
  detail: string;
}

/** The node arrays of a `SpecDocument`, in the order `ParseCheckpoint.counts` lists their lengths. */
export const NODE_ARRAYS = [
  'tags', 'sections', 'defines', 'macroRefs', 'conditionals', 'bconds', 'comments', 'changelog', 'changelogStray',
  'problems', 'preambleStray', 'packages',
] as const;

/**
 * A place where parsing can resume (outside any `%if`) or a re-parse can stop and reuse the rest, with the
 * parser's state before it: a section or %changelog entry header, or a line inside a long section body.
 */
export interface ParseCheckpoint {
  line: number;
  /** The `%if`s open there, outermost first (indices in `conditionals`); empty outside any. */
  conds: readonly number[];
  /** A `%changelog` entry header. */
  entry?: boolean;
  /** A line of a section's body (parser.ts `bodyCheckpoint`). Neither flag: a section header. */
  body?: boolean;
  /** Lengths of the node arrays before the header, in `NODE_ARRAYS` order. */
  counts: number[];
  failedUntil: number;
  macroPackages: boolean;
}

/** Parser bookkeeping that lets `reparseSpec` re-parse only around an edit (opaque to features). */
export interface ResumeInfo {
  checkpoints: ParseCheckpoint[];
  /** Lines where a package name was resolved through macro values: the parse after them depends on those. */
  nameUses: number[];
  /** Tag names written in macro text, with their line (`tagsInMacros` is their set). */
  tagsInMacrosAt: Array<[number, string]>;
}

export interface SpecDocument {
  text: string;
  lines: SpecLine[];
  /** packages[0] is the main package. */
  packages: Package[];
  tags: Tag[];
  sections: Section[];
  defines: MacroDefinition[];
  macroRefs: MacroRef[];
  conditionals: Conditional[];
  bconds: Bcond[];
  comments: Comment[];
  changelog: ChangelogEntry[];
  /** Lines in %changelog before the first `*` entry that are not blank. */
  changelogStray: Array<{ span: Span; line: number }>;
  problems: ParseProblem[];
  /** Non-blank preamble lines that are neither tags, comments nor macro lines (rpm: "Unknown tag"). */
  preambleStray: Array<{ span: Span; line: number }>;
  /** Some macro in the spec generates subpackages (a definition containing %package, or a call like
   *  %ghc_lib_subpackage): package lookups may fail without the spec being wrong. */
  macroPackages: boolean;
  /** Tags (lower-case keys) written inside macro text, which may set them when expanded. */
  tagsInMacros: Set<string>;
  /** The line ranges of text outside any section (the main preamble): [0, firstSectionLine). */
  preambleEndLine: number;
  resume?: ResumeInfo;
  /** What the diagnostics found in this tree (service/spec/diagnostics.ts). Kept on the tree rather than in
   *  a WeakMap keyed by it: V8's quick young-generation collections treat a long-lived WeakMap's keys as
   *  live, so every superseded tree, with its whole text, outlived them and filled the old generation
   *  (megabytes per keystroke in a large spec). */
  memo?: unknown;
}
