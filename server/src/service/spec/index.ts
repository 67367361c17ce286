/** The RPM spec language service (features over the spec parser in server/src/rpm). */
import type { SpecDocumentService } from '../languageService';
import type { Context } from '../types';
import type { Finding } from '../../common/findings';
import type { SpecDocument } from '../../rpm/ast';
import { fixAllAction, quickFixes, releaseActions } from './actions';
import { backendFindings, mergeFindings, runBackends } from './backends';
import { specCompletion } from './completion';
import { conditionsFor, specDiagnostics } from './diagnostics';
import { lineOfOffset } from '../../rpm/query';
import { expandedSpec } from './preview';
import { profileFor } from './macroEnv';
import { specDefinition, specHover } from './navigation';
import { specFolding, specSymbols } from './outline';
import { forgetParsed, parsed, warmEditPath } from './parsed';
import { parseSpec } from '../../rpm/parser';
import { specInfo } from './specInfo';
import { externalMacros, macroFilePaths } from './macroFiles';
import { branchHeadPaths, withBranchProfile } from './branchProfile';
import { specLinks } from './links';
import { sourceFolder, sourceFolderPaths } from './sourceFolder';
import { specInlayHints } from './inlayHints';
import { specHighlights, specPrepareRename, specReferences, specRename } from './names';

/**
 * The spec's own diagnostics with what they read besides its text (macro files, the source folder, the
 * clock): the diagnostics and the code actions ask alike, so the tree's cached findings serve both.
 */
async function diagnosticsOf(tree: SpecDocument, uri: string, ctx: Context): Promise<Finding[]> {
  return specDiagnostics(tree, ctx.settings, await externalMacros(tree, uri, ctx.host), { sources: await sourceFolder(uri, ctx.host), now: ctx.host.now() });
}

export function createSpecService(): SpecDocumentService {
  // Every feature that depends on the profile first resolves `auto` from the spec's git branch.
  const at = (doc: { uri: string }, ctx: Context) => withBranchProfile(ctx, doc.uri);
  return {
    diagnostics: async (doc, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      const backend = backendFindings(doc);
      const own = await diagnosticsOf(tree, doc.uri, ctx);
      return backend.length ? mergeFindings(own, backend, tree) : own;
    },
    closed: (uri) => forgetParsed(uri),
    watchedFiles: () => [...macroFilePaths(), ...branchHeadPaths(), ...sourceFolderPaths()],
    warm: (doc, ctx) => warmEditPath(doc, ctx.settings),
    // The backends run for seconds: they get a tree of their own (the shared one changes with the next edit).
    onSave: async (doc, ctx) => runBackends(doc, parseSpec(doc.text), await at(doc, ctx)),
    completion: async (doc, offset, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      return specCompletion(tree, offset, ctx.settings, ctx.host.now(), await externalMacros(tree, doc.uri, ctx.host), doc.uri, await sourceFolder(doc.uri, ctx.host));
    },
    hover: async (doc, offset, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      return specHover(tree, offset, ctx.settings, await externalMacros(tree, doc.uri, ctx.host));
    },
    definition: async (doc, offset, ctx) => {
      const tree = parsed(doc);
      return specDefinition(tree, offset, doc.uri, await externalMacros(tree, doc.uri, ctx.host));
    },
    references: (doc, offset, includeDeclaration) => specReferences(parsed(doc), offset, includeDeclaration, doc.uri),
    highlights: (doc, offset) => specHighlights(parsed(doc), offset),
    prepareRename: (doc, offset) => specPrepareRename(parsed(doc), offset),
    rename: (doc, offset, newName) => specRename(parsed(doc), offset, newName),
    links: async (doc, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      return specLinks(tree, doc.uri, ctx.settings, ctx.host, await externalMacros(tree, doc.uri, ctx.host));
    },
    inlayHints: async (doc, span, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      return specInlayHints(tree, span, ctx.settings, await externalMacros(tree, doc.uri, ctx.host));
    },
    symbols: (doc) => specSymbols(parsed(doc)),
    folding: (doc) => specFolding(parsed(doc)),
    codeActions: async (doc, span, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      const found = await diagnosticsOf(tree, doc.uri, ctx);
      return [...quickFixes(tree, found, span), ...fixAllAction(found), ...releaseActions(tree, ctx.settings, ctx.host.now())];
    },
    specInfo: async (doc, ctx) => specInfo(parsed(doc), (await at(doc, ctx)).settings.spec),
    inactiveRegions: async (doc, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      const regions = conditionsFor(tree, ctx.settings, await externalMacros(tree, doc.uri, ctx.host)).inactive.map((s) => ({ startLine: lineOfOffset(tree, s.start), endLine: lineOfOffset(tree, Math.max(s.start, s.end - 1)) }));
      return { profile: ctx.settings.spec.profile, regions };
    },
    expandedSpec: async (doc, context) => {
      const ctx = await at(doc, context);
      const tree = parsed(doc);
      const external = await externalMacros(tree, doc.uri, ctx.host);
      const r = expandedSpec(tree, profileFor(ctx.settings.spec), external, conditionsFor(tree, ctx.settings, external));
      return { profile: ctx.settings.spec.profile, ...r };
    },
  };
}
