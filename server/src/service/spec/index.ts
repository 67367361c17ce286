/** The RPM spec language service (features over the spec parser in server/src/rpm). */
import type { SpecDocumentService } from '../languageService';
import { quickFixes, releaseActions } from './actions';
import { specCompletion } from './completion';
import { specDiagnostics } from './diagnostics';
import { specDefinition, specHover } from './navigation';
import { specFolding, specSymbols } from './outline';
import { parsed } from './parsed';
import { specInfo } from './specInfo';

export function createSpecService(): SpecDocumentService {
  return {
    diagnostics: (doc, ctx) => specDiagnostics(parsed(doc), ctx.settings),
    completion: (doc, offset, ctx) => specCompletion(parsed(doc), offset, ctx.settings, ctx.host.now()),
    hover: (doc, offset, ctx) => specHover(parsed(doc), offset, ctx.settings),
    definition: (doc, offset) => specDefinition(parsed(doc), offset, doc.uri),
    symbols: (doc) => specSymbols(parsed(doc)),
    folding: (doc) => specFolding(parsed(doc)),
    codeActions: (doc, span, ctx) => {
      const tree = parsed(doc);
      return [...quickFixes(tree, specDiagnostics(tree, ctx.settings), span), ...releaseActions(tree, ctx.settings, ctx.host.now())];
    },
    specInfo: (doc, ctx) => specInfo(parsed(doc), ctx.settings.spec),
  };
}
