/** Builds the language service with every language's features. */
import { LanguageService } from './languageService';
import { createKiwiService } from './kiwi';
import { createSpecService } from './spec';

export function createLanguageService(): LanguageService {
  return new LanguageService({ 'rpm-spec': createSpecService(), kiwi: createKiwiService() });
}

export { LanguageService } from './languageService';
export * from './types';
export * from './settings';
