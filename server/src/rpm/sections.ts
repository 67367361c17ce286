/** Section keywords rpm recognises at the start of a line (build/parseSpec.c `partList`), with docs. */
import type { SectionKind, SectionOption } from './ast';
import { own } from './reader';

export interface SectionInfo {
  name: string;
  kind: SectionKind;
  doc: string;
  /** The body is shell (or another interpreter with -p). */
  shell: boolean;
  /** Options the header takes. */
  options: string;
  /** The rpm version that introduced it, when recent. */
  since?: string;
}

const SCRIPTLETS: Array<[string, string]> = [
  ['pre', 'before the package is installed'],
  ['post', 'after the package is installed'],
  ['preun', 'before the package is removed'],
  ['postun', 'after the package is removed'],
  ['pretrans', 'at the start of the transaction'],
  ['posttrans', 'at the end of the transaction'],
  ['preuntrans', 'at the start of a transaction that removes the package (rpm >= 4.18)'],
  ['postuntrans', 'at the end of a transaction that removes the package (rpm >= 4.18)'],
];
const TRIGGERS = ['trigger', 'triggerin', 'triggerun', 'triggerpostun', 'triggerprein'];
const FILETRIGGERS = [
  'filetrigger', 'filetriggerin', 'filetriggerun', 'filetriggerpostun',
  'transfiletrigger', 'transfiletriggerin', 'transfiletriggerun', 'transfiletriggerpostun',
];

export const SECTIONS: SectionInfo[] = [
  { name: 'package', kind: 'package', doc: 'Declares a subpackage: `%package devel` (named `%{name}-devel`) or `%package -n fullname`.', shell: false, options: '-n' },
  { name: 'description', kind: 'description', doc: 'The long description of the main package or of a subpackage.', shell: false, options: '-n -l' },
  { name: 'prep', kind: 'prep', doc: 'Unpacks the sources and applies patches (`%autosetup`).', shell: true, options: '-a -p' },
  { name: 'conf', kind: 'conf', doc: 'Configures the build (rpm >= 4.18), e.g. `%configure` or `%cmake`.', shell: true, options: '-a -p', since: '4.18' },
  { name: 'generate_buildrequires', kind: 'generate_buildrequires', doc: 'Prints BuildRequires generated at build time (e.g. `%pyproject_buildrequires`; rpm >= 4.15).', shell: true, options: '-a -p', since: '4.15' },
  { name: 'build', kind: 'build', doc: 'Compiles the software (e.g. `%make_build`).', shell: true, options: '-a -p' },
  { name: 'install', kind: 'install', doc: 'Installs into `%{buildroot}` (e.g. `%make_install`).', shell: true, options: '-a -p' },
  { name: 'check', kind: 'check', doc: 'Runs the test suite.', shell: true, options: '-a -p' },
  { name: 'clean', kind: 'clean', doc: 'Obsolete: rpm cleans the build root itself.', shell: true, options: '' },
  { name: 'files', kind: 'files', doc: 'The files of the main package or a subpackage; `-f file` adds a file list.', shell: false, options: '-n -f' },
  { name: 'changelog', kind: 'changelog', doc: 'The package history, newest entry first, or `%autochangelog`.', shell: false, options: '' },
  ...SCRIPTLETS.map(([name, when]): SectionInfo => ({
    name, kind: 'scriptlet', doc: `Scriptlet run ${when}; \`-p <interpreter>\` selects the interpreter.`, shell: true, options: '-n -p -e -f',
    ...(name.endsWith('untrans') ? { since: '4.18' } : {}),
  })),
  ...TRIGGERS.map((name): SectionInfo => ({ name, kind: 'trigger', doc: `Trigger scriptlet: \`%${name} -- othername\` runs when the other package changes.`, shell: true, options: '-n -p' })),
  ...FILETRIGGERS.map((name): SectionInfo => ({ name, kind: 'filetrigger', doc: `File trigger: \`%${name} -- /path\` runs when files under the path change.`, shell: true, options: '-n -p -P' })),
  { name: 'verifyscript', kind: 'verifyscript', doc: 'Script run by `rpm -V`.', shell: true, options: '-n -p' },
  { name: 'sepolicy', kind: 'sepolicy', doc: 'SELinux policy modules.', shell: false, options: '-n' },
  { name: 'sourcelist', kind: 'sourcelist', doc: 'A list of sources, one per line (rpm >= 4.15).', shell: false, options: '', since: '4.15' },
  { name: 'patchlist', kind: 'patchlist', doc: 'A list of patches, one per line (rpm >= 4.15).', shell: false, options: '', since: '4.15' },
  { name: 'end', kind: 'end', doc: 'Ends the current section (e.g. after a file trigger script).', shell: false, options: '' },
];

export const SECTION_BY_NAME = new Map(SECTIONS.map((s) => [s.name, s]));

const DIRECTIVES = new Set(['if', 'ifarch', 'ifnarch', 'ifos', 'ifnos', 'elif', 'elifarch', 'elifos', 'else', 'endif']);

/**
 * Whether `%name` is a conditional directive or a section keyword: a spec line, never a macro (also when a
 * macro body writes it: kernel.spec's `%define kernel_variant_package …\` with `%if` and `%package` lines).
 */
export function isSpecKeyword(name: string): boolean {
  return DIRECTIVES.has(name) || SECTION_BY_NAME.has(name.toLowerCase()); // rpm matches sections case-insensitively
}

/** Parses section-header options: `-n name`, `-f file`, `-p /bin/sh`, positional words; stops at `--`. */
export function parseOptions(text: string, from: number, to: number): SectionOption[] {
  const out: SectionOption[] = [];
  const re = /\S+/g;
  re.lastIndex = 0;
  const seg = text.slice(from, to);
  let m: RegExpExecArray | null;
  let pending: { flag: string; start: number } | undefined;
  while ((m = re.exec(seg))) {
    const word = own(m[0]);
    const at = from + m.index;
    if (word === '--') break;
    if (pending) {
      out.push({ flag: pending.flag, value: word, span: { start: pending.start, end: at + word.length }, valueSpan: { start: at, end: at + word.length } });
      pending = undefined;
    } else if (/^-[a-zA-Z]$/.test(word)) {
      pending = { flag: word, start: at };
    } else if (/^-[a-zA-Z]./.test(word)) {
      out.push({ flag: word.slice(0, 2), value: own(word.slice(2)), span: { start: at, end: at + word.length }, valueSpan: { start: at + 2, end: at + word.length } });
    } else {
      out.push({ flag: '', value: word, span: { start: at, end: at + word.length }, valueSpan: { start: at, end: at + word.length } });
    }
  }
  if (pending) out.push({ flag: pending.flag, value: '', span: { start: pending.start, end: pending.start + 2 }, valueSpan: { start: pending.start + 2, end: pending.start + 2 } });
  return out;
}
