/**
 * Spec code actions: quick fixes for findings where the fix is obvious, and the release workflow
 * (add a changelog entry, bump the release), aware of %autorelease/%autochangelog and of SIG rebuild
 * numbering (`2` -> `2.1` -> `2.2` for a Hyperscale profile).
 */
import type { Finding, Span } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { formatChangelogDate } from '../../rpm/changelog';
import { expandMacros } from '../../rpm/expand';
import { lineOfOffset, specDefinedNames } from '../../rpm/query';
import { BUILTIN_MACROS } from '../../rpm/macroData';
import { REMOVED_TAGS, TAGS } from '../../rpm/tags';
import { SECTIONS } from '../../rpm/sections';
import { likelyTypos } from '../../common/similar';
import type { Settings } from '../settings';
import type { CodeActionRecord, TextEditRecord } from '../types';
import { profileFor, specMacroTable } from './macroEnv';

export const ADD_CHANGELOG_KIND = 'source.hyperscale.addChangelogEntry';
export const BUMP_RELEASE_KIND = 'source.hyperscale.bumpRelease';
export const FIX_ALL_KIND = 'source.fixAll.hyperscale';
export const BUMP_WITH_ENTRY_KIND = 'source.hyperscale.bumpReleaseWithChangelog';

/** The span of whole lines containing `span`, including the final line break. */
function wholeLines(doc: SpecDocument, span: Span): Span {
  const a = lineOfOffset(doc, span.start);
  const b = lineOfOffset(doc, Math.max(span.start, span.end - 1));
  return { start: doc.lines[a].start, end: doc.lines[b].next };
}

function fix(title: string, f: Finding, edits: TextEditRecord[], preferred = true): CodeActionRecord {
  return { title, kind: 'quickfix', fixes: f, edits, isPreferred: preferred };
}

/** The %patch rewrites (`%patchN`, `%patch N` → `%patch -P N`) of the whole spec, for "fix all". */
function patchRewrites(findings: Finding[]): Array<{ f: Finding; edit: TextEditRecord }> {
  const out: Array<{ f: Finding; edit: TextEditRecord }> = [];
  for (const f of findings) {
    const r = (f.data as { replacement?: unknown } | undefined)?.replacement;
    if ((f.code === 'patch-macro-old-format' || f.code === 'patch-positional-number') && typeof r === 'string' && r) out.push({ f, edit: { span: f.span, newText: r } });
  }
  return out;
}

/** `source.fixAll`: what is safe to apply on save — the %patch lines the target's rpm misreads or rejects. */
export function fixAllAction(findings: Finding[]): CodeActionRecord[] {
  const all = patchRewrites(findings);
  return all.length ? [{ title: `Write %patch -P N on ${all.length} %patch line${all.length > 1 ? 's' : ''}`, kind: 'source', subKind: FIX_ALL_KIND, edits: all.map((x) => x.edit) }] : [];
}

export function quickFixes(doc: SpecDocument, findings: Finding[], range: Span): CodeActionRecord[] {
  const out: CodeActionRecord[] = [];
  // Many %patch lines (ruby.spec has dozens): one fix for all of them, offered on each.
  const rewrites = patchRewrites(findings);
  const onPatch = rewrites.find((x) => x.f.span.end >= range.start && x.f.span.start <= range.end);
  const text = doc.text;
  for (const f of findings) {
    if (f.span.end < range.start || f.span.start > range.end) continue;
    const data = (f.data ?? {}) as Record<string, unknown>;
    switch (f.code) {
      case 'buildroot-tag':
      case 'group-tag':
      case 'hardcoded-packager-tag':
      case 'defattr-is-default':
        out.push(fix(`Remove ${text.slice(f.span.start, f.span.end).split(/[:(]/)[0]}`, f, [{ span: wholeLines(doc, f.span), newText: '' }]));
        break;
      case 'superfluous-%clean-section': {
        const s = doc.sections.find((x) => x.headerSpan.start === f.span.start);
        if (s) out.push(fix('Remove the %clean section', f, [{ span: { start: s.headerSpan.start, end: doc.lines[s.endLine].next }, newText: '' }]));
        break;
      }
      case 'setup-not-quiet':
        out.push(fix('Add -q to %setup', f, [{ span: { start: f.span.end, end: f.span.end }, newText: ' -q' }]));
        break;
      case 'hardcoded-library-path':
      case 'deprecated-grep':
        if (typeof data.replacement === 'string') out.push(fix(`Replace with ${data.replacement}`, f, [{ span: f.span, newText: data.replacement }]));
        break;
      case 'non-break-space':
        out.push(fix('Replace with a space', f, [{ span: f.span, newText: ' ' }]));
        break;
      case 'patch-macro-old-format':
      case 'patch-positional-number':
        if (typeof data.replacement === 'string' && data.replacement) out.push(fix(`Write ${data.replacement} (every rpm reads it)`, f, [{ span: f.span, newText: data.replacement }]));
        break;
      case 'needs-newer-rpm': {
        const over = data.replaces as Span | undefined;
        if (typeof data.replacement === 'string' && over) out.push(fix(`Write ${data.replacement}`, f, [{ span: over, newText: data.replacement }]));
        break;
      }
      case 'macro-in-comment':
      case 'macro-in-%changelog':
        if (typeof data.escape === 'string') out.push(fix(`Escape as ${data.escape}`, f, [{ span: f.span, newText: data.escape }]));
        break;
      case 'undefined-macro':
        if (typeof data.name === 'string') {
          const written = text.slice(f.span.start, f.span.end);
          // A typo of a known name: the spec's own macros first, then rpm's and the distribution's.
          const name = data.name;
          const rel = written.indexOf(name, 1);
          // At the start of a line, `%descripton` is more likely a misspelt section than a macro.
          const lineStart = f.span.start === 0 || text[f.span.start - 1] === '\n';
          const names = [...(lineStart ? SECTIONS.map((x) => x.name) : []), ...specDefinedNames(doc), ...BUILTIN_MACROS.map((m) => m.name)];
          const near = likelyTypos(name, names);
          for (const n of near) {
            const shown = written.slice(0, rel) + n + written.slice(rel + name.length);
            out.push(fix(`Change to ${shown}`, f, [{ span: { start: f.span.start + rel, end: f.span.start + rel + name.length }, newText: n }], near.length === 1));
          }
          out.push(fix(`Make it optional: %{?${data.name}}`, f, [{ span: f.span, newText: `%{?${data.name}}` }], false));
          if (written.startsWith('%{') || written.startsWith('%')) {
            out.push({ title: `Treat %${data.name} as known (setting hyperscale.spec.knownMacros)`, kind: 'quickfix', fixes: f, edits: [], command: { command: 'hyperscale.addKnownMacro', title: 'Add known macro', arguments: [data.name] } });
          }
        }
        break;
      case 'release-without-dist':
        if (typeof data.replacement === 'string') out.push(fix('Add %{?dist} to Release', f, [{ span: f.span, newText: data.replacement }]));
        break;
      case 'incoherent-version-in-changelog':
        if (typeof data.replacement === 'string') out.push(fix(`Change to ${data.replacement}`, f, [{ span: f.span, newText: data.replacement }], false));
        break;
      case 'unknown-tag': {
        // A misspelt tag (`Sumary:`, `Sorce0:`), or a removed one (`Copyright:` → `License:`).
        const t = doc.tags.find((x) => !x.known && x.start === f.span.start);
        if (!t) break;
        const m = /^(.*?)(\d*)$/.exec(t.name)!;
        const removed = REMOVED_TAGS[t.name.toLowerCase()];
        const byLower = new Map(TAGS.map((x) => [x.name.toLowerCase(), x.name]));
        const near = removed ? [removed] : likelyTypos(m[1].toLowerCase(), byLower.keys()).map((n) => byLower.get(n)!);
        for (const n of near) {
          const name = n + (TAGS.find((x) => x.name === n)?.numbered ? m[2] : '');
          out.push(fix(`Change to ${name}:`, f, [{ span: { start: t.start, end: t.nameEnd }, newText: name }], near.length === 1));
        }
        break;
      }
      case 'use-of-RPM_SOURCE_DIR': {
        // `$RPM_SOURCE_DIR/hello.service` with `Source1: hello.service` → `%{SOURCE1}`.
        const file = /^\/([^\s"';|&)]+)/.exec(text.slice(f.span.end, f.span.end + 300))?.[1];
        const tag = file ? doc.tags.find((t) => (t.key === 'source' || t.key === 'patch') && t.value.replace(/^.*\//, '') === file) : undefined;
        if (file && tag) {
          const macro = `%{${tag.key.toUpperCase()}${tag.number ?? 0}}`;
          out.push(fix(`Replace with ${macro}`, f, [{ span: { start: f.span.start, end: f.span.end + 1 + file.length }, newText: macro }]));
        }
        break;
      }
      case 'changelog-bogus-date':
        if (typeof data.weekday === 'string') out.push(fix(`Change the weekday to ${data.weekday}`, f, [{ span: f.span, newText: data.weekday }]));
        break;
      case 'unversioned-explicit-provides':
        out.push(fix('Add = %{version}-%{release}', f, [{ span: { start: f.span.end, end: f.span.end }, newText: ' = %{version}-%{release}' }]));
        break;
      case 'summary-ended-with-dot':
        // Only where the dot is written (not when a macro's value ends with it).
        if (data.dot === true) out.push(fix('Remove the dot', f, [{ span: f.span, newText: '' }]));
        break;
      case 'summary-not-capitalized':
        if (typeof data.fixed === 'string') out.push(fix(`Capitalize: ${data.fixed}`, f, [{ span: { start: f.span.start, end: f.span.start + 1 }, newText: data.fixed }]));
        break;
      case 'source-file-missing':
        if (typeof data.nameStart === 'number' && Array.isArray(data.suggestions)) {
          for (const name of data.suggestions) out.push(fix(`Change to ${name}`, f, [{ span: { start: data.nameStart, end: f.span.end }, newText: String(name) }]));
        }
        break;
      case 'comparison-operator-in-deptoken':
        if (typeof data.fixed === 'string') out.push(fix(`Put spaces around the operator: ${data.fixed}`, f, [{ span: f.span, newText: data.fixed }]));
        break;
      case 'missing-build-requires':
        if (typeof data.insertAt === 'number' && typeof data.newText === 'string') {
          out.push(fix(`Add BuildRequires: ${data.pkg}`, f, [{ span: { start: data.insertAt, end: data.insertAt }, newText: data.newText }]));
        }
        break;
      case 'missing-description': {
        const pkgIndex = doc.packages.findIndex((p, i) => (i === 0 ? !p.section && p.tags.some((t) => t.start === f.span.start) : p.section?.headerSpan.start === f.span.start));
        const pkg = doc.packages[pkgIndex];
        if (!pkg) break;
        const summary = pkg.tags.find((t) => t.key === 'summary')?.value ?? 'TODO: describe the package.';
        const header = pkgIndex === 0 ? '%description' : pkg.suffix !== undefined ? `%description ${pkg.suffix}` : `%description -n ${pkg.name}`;
        // After the package's preamble: before the next section header.
        const next = doc.sections.find((s) => s.line > (pkg.section?.line ?? -1) && s !== pkg.section);
        const at = next ? next.headerSpan.start : text.length;
        const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
        out.push(fix(`Add ${header}`, f, [{ span: { start: at, end: at }, newText: `${lead}${header}\n${summary}.\n\n`.replace('..\n', '.\n') }]));
        break;
      }
    }
  }
  if (onPatch && rewrites.length > 1) {
    out.push({ title: `Write %patch -P N on all ${rewrites.length} %patch lines`, kind: 'quickfix', fixes: onPatch.f, edits: rewrites.map((x) => x.edit) });
  }
  return out;
}

/** `N%{?dist}` / `N.M%{?dist}`: the numeric head of a Release value and the rest. */
function splitRelease(value: string): { head: string; rest: string } | undefined {
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(value);
  return m ? { head: m[1], rest: m[2] } : undefined;
}

/** The next release: +1 on the first number; a SIG rebuild appends or increments `.N` instead. */
export function nextRelease(head: string, sig: boolean): string {
  const parts = head.split('.').map(Number);
  if (sig) return parts.length === 1 ? `${parts[0]}.1` : [...parts.slice(0, -1), parts[parts.length - 1] + 1].join('.');
  return String(parts[0] + 1);
}

export function releaseActions(doc: SpecDocument, settings: Settings, now: Date): CodeActionRecord[] {
  const main = doc.packages[0];
  const rel = main.tags.find((t) => t.key === 'release');
  const profile = profileFor(settings.spec);
  const out: CodeActionRecord[] = [];
  const autorelease = rel ? /%\{?\??autorelease\b/.test(rel.value) : false;
  const bumped = rel && !autorelease ? splitRelease(rel.value) : undefined;
  const bump: CodeActionRecord = { title: 'Bump Release', kind: 'source', subKind: BUMP_RELEASE_KIND, edits: [] };
  if (!rel) bump.disabled = 'The spec has no Release: tag.';
  else if (autorelease) bump.disabled = 'Release uses %autorelease: it is computed from the git history at build time; commit your change instead of editing Release.';
  else if (!bumped) bump.disabled = `Release "${rel.value}" does not start with a number.`;
  else bump.edits = [{ span: { start: rel.valueSpan.start, end: rel.valueSpan.start + bumped.head.length }, newText: nextRelease(bumped.head, profile.sigRebuild) }];
  if (bumped) bump.title = `Bump Release to ${nextRelease(bumped.head, profile.sigRebuild)}${bumped.rest}${profile.sigRebuild ? ` (SIG rebuild for ${profile.id})` : ''}`;
  out.push(bump);

  const add: CodeActionRecord = { title: 'Add %changelog entry', kind: 'source', subKind: ADD_CHANGELOG_KIND, edits: [] };
  const changelog = doc.sections.find((s) => s.kind === 'changelog');
  const autochangelog = /^%\{?\??autochangelog\}?\s*$/m.test(changelog ? doc.text.slice(changelog.bodySpan.start, changelog.bodySpan.end) : '');
  /** The edit that adds an entry for `release` (as written in Release:), and its version-release. */
  const entryFor = (release: string): { edit: TextEditRecord; evr: string } => {
    const table = specMacroTable(doc, profile);
    const expand = (s: string) => expandMacros(s.replace(/%\{\??dist\}|%dist\b/g, ''), table).text;
    const version = main.tags.find((t) => t.key === 'version');
    const epoch = main.tags.find((t) => t.key === 'epoch');
    const evr = `${epoch ? expand(epoch.value) + ':' : ''}${version ? expand(version.value) : '0'}-${expand(release).replace(/%\{\?[^}]*\}/g, '')}`;
    const who = settings.changelog.name || 'Your Name';
    const mail = settings.changelog.email || 'you@example.org';
    const entry = `* ${formatChangelogDate(now)} ${who} <${mail}> - ${evr}\n- \n`;
    if (changelog) {
      const at = changelog.bodySpan.end > changelog.bodySpan.start ? changelog.bodySpan.start : doc.lines[changelog.endLine].next;
      return { edit: { span: { start: at, end: at }, newText: entry + (doc.changelog.length ? '\n' : '') }, evr };
    }
    const lead = doc.text.endsWith('\n') || doc.text === '' ? '' : '\n';
    return { edit: { span: { start: doc.text.length, end: doc.text.length }, newText: `${lead}\n%changelog\n${entry}` }, evr };
  };
  if (autochangelog) add.disabled = 'The changelog uses %autochangelog: the entry comes from your commit message.';
  else {
    const { edit, evr } = entryFor(rel ? (bumped ? bumped.head + bumped.rest : rel.value) : '1');
    add.edits = [edit];
    add.title = `Add %changelog entry for ${evr}`;
  }
  out.push(add);
  // Both at once: the release bump and its entry (what the incoherent-version check asks for after a bump).
  if (bumped && !autochangelog && bump.edits.length) {
    const next = nextRelease(bumped.head, profile.sigRebuild);
    const { edit, evr } = entryFor(next + bumped.rest);
    out.push({ title: `Bump Release to ${next}${bumped.rest} and add a %changelog entry for ${evr}`, kind: 'source', subKind: BUMP_WITH_ENTRY_KIND, edits: [...bump.edits, edit] });
  }
  return out;
}
