/** The KIWI image-description language service (features over server/src/kiwi and server/src/comps). */
import type { DocumentService } from '../types';

export function createKiwiService(): DocumentService {
  return {
    diagnostics: () => [],
  };
}
