/** The RPM spec language service (features over the spec parser in server/src/rpm). */
import type { SpecDocumentService } from '../languageService';

export function createSpecService(): SpecDocumentService {
  return {
    diagnostics: () => [],
    specInfo: () => ({ name: null, epoch: null, version: null, release: null, autorelease: false }),
  };
}
