/**
 * All spec diagnostics: rpm's fatal errors, %changelog, rpmlint's spec checks, undefined macros. Findings
 * inside branches that are inactive for the selected distro profile become hints (rpm never parses them
 * for that target).
 */
import type { Finding } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { evaluateConditionals, isInactive, type ConditionResult } from '../../rpm/conditions';
import type { Settings } from '../settings';
import { changelogFindings } from './checks/changelog';
import { undefinedMacroFindings } from './checks/macros';
import { rpmlintFindings } from './checks/rpmlint';
import { structureFindings } from './checks/structure';
import { patchSyntaxFindings } from './checks/patchSyntax';
import { newerRpmFindings } from './checks/newerRpm';
import { changelogVersionFindings } from './checks/changelogVersion';
import { rpmlintFileFindings } from './checks/rpmlintFile';
import { releaseDistFindings } from './checks/releaseDist';
import { packageIdentity } from './identity';
import { buildRequiresFindings } from './checks/buildRequires';
import { sourceFileFindings, type SourceFolder } from './checks/sourceFiles';
import { changelogTimeFindings } from './checks/changelogTime';
import { rpmlintTextFindings } from './checks/rpmlintText';
import { macroExpander, profileFor, profileTable } from './macroEnv';
import { NO_EXTERNAL_MACROS, withExternal, type ExternalMacros } from './macroFiles';

/** How the spec's conditionals evaluate under the profile (with what its macro files define for every build). */
export function conditionsFor(doc: SpecDocument, settings: Settings, external: ExternalMacros = NO_EXTERNAL_MACROS): ConditionResult {
  const profile = profileFor(settings.spec);
  return evaluateConditionals(doc, withExternal(profileTable(profile), external), settings.spec.arch);
}

/** rpm cannot read a spec with NUL bytes (UTF-16, binary): one clear error instead of a flood. */
function binaryFinding(doc: SpecDocument): Finding | undefined {
  // Decided by the head, so a large spec is not searched to its end: NULs there, or a UTF-16 byte-order
  // mark with a NUL anywhere.
  const head = doc.text.slice(0, 400);
  const nuls = head.split('\u0000').length - 1;
  const utf16 = nuls * 4 > head.length || (/^(\uFEFF|\uFFFE|\uFFFD\uFFFD)/.test(head) && (nuls > 0 || doc.text.includes('\u0000')));
  if (!utf16 && nuls < 8) return undefined; // no NUL, or a stray one: rpm reads on (the line ends there)
  const line = doc.lines[0];
  return {
    code: 'non-utf8-spec-file', severity: 'error', source: 'rpm-spec', span: { start: line.start, end: Math.max(line.end, Math.min(doc.text.length, 1)) },
    message: utf16 ? 'The spec file is UTF-16 encoded: rpm reads specs as UTF-8 text' : 'The spec file contains NUL bytes: rpm reads specs as text',
  };
}

interface Cached {
  key: string;
  findings: Finding[];
}

/** What the checks know besides the spec and the settings. */
export interface SpecEnv {
  /** The files rpm can take the spec's sources from, when its folder tells (sourceFolder.ts). */
  sources?: SourceFolder;
  /** Now, for the latest changelog entry's date (checked when given). */
  now?: Date;
}

/**
 * Diagnostics of a parsed spec (cached on the tree per settings: code actions ask on every cursor move).
 * `external`: what the files it includes or loads macros from define (macroFiles.ts).
 */
export function specDiagnostics(doc: SpecDocument, settings: Settings, external: ExternalMacros = NO_EXTERNAL_MACROS, env: SpecEnv = {}): Finding[] {
  const key = `${JSON.stringify(settings.spec)}${external.key}|${env.sources?.key ?? ''}|${env.now ? Math.floor(env.now.getTime() / 3600000) : ''}`;
  const hit = doc.memo as Cached | undefined;
  if (hit && hit.key === key) return hit.findings;
  const findings = computeDiagnostics(doc, settings, external, env);
  doc.memo = { key, findings } satisfies Cached;
  return findings;
}

function computeDiagnostics(doc: SpecDocument, settings: Settings, external: ExternalMacros, env: SpecEnv): Finding[] {
  const binary = binaryFinding(doc);
  if (binary) return [binary];
  const defined = new Set<string>();
  const target = profileFor(settings.spec); // `auto` unresolved (no file to look from): Fedora Rawhide
  const conditions = conditionsFor(doc, settings, external);
  // With a macro file that rpm reads for this profile but we could not, any name may be defined.
  const unknowable = external.unread.some((f) => !isInactive(conditions, f.span.start));
  const identity = packageIdentity(doc, target, external, conditions);
  // Each check that expands text walks the spec forwards with a table of its own.
  const expander = () => macroExpander(doc, target, external, (offset) => isInactive(conditions, offset));
  const all = [
    ...structureFindings(doc),
    ...changelogFindings(doc),
    ...(env.now ? changelogTimeFindings(doc, env.now) : []),
    ...rpmlintFindings(doc, defined),
    ...rpmlintFileFindings(doc),
    ...rpmlintTextFindings(doc, expander(), expander()),
    ...patchSyntaxFindings(doc, target),
    ...newerRpmFindings(doc, target),
    ...changelogVersionFindings(doc, target, identity, conditions),
    ...releaseDistFindings(target, identity),
    ...(unknowable ? [] : buildRequiresFindings(doc, target, external, conditions)),
    ...external.unread,
    ...(env.sources ? sourceFileFindings(doc, env.sources, expander()) : []),
    ...(unknowable ? [] : undefinedMacroFindings(doc, [...settings.spec.knownMacros, ...external.defs.map((d) => d.name)], defined)),
  ];
  const out = all.map((f) =>
    f.severity !== 'hint' && isInactive(conditions, f.span.start)
      ? { ...f, severity: 'hint' as const, message: `${f.message} (inactive for ${target.id})`, tags: ['unnecessary' as const] }
      : f);
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
