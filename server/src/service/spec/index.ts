/** The RPM spec language service (features over the spec parser in server/src/rpm). */
import type { SpecDocumentService } from '../languageService';
import { specDiagnostics } from './diagnostics';
import { parsed } from './parsed';
import { specInfo } from './specInfo';

export function createSpecService(): SpecDocumentService {
  return {
    diagnostics: (doc, ctx) => specDiagnostics(parsed(doc), ctx.settings),
    specInfo: (doc, ctx) => specInfo(parsed(doc), ctx.settings.spec),
  };
}
