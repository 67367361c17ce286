/** The KIWI image-description language service (features over server/src/kiwi and server/src/comps). */
import type { Finding } from '../../common/findings';
import { checkDescription } from '../../kiwi/checks';
import { looksLikeXml } from '../../kiwi/model';
import type { DocumentService } from '../types';
import { environmentFixes, kiwiCompletion, kiwiDefinition, kiwiFolding, kiwiHover, kiwiSymbols } from './features';
import { kiwiFileOf, resolveDescription } from './resolve';

export function createKiwiService(): DocumentService {
  return {
    async diagnostics(doc, ctx) {
      if (!looksLikeXml(doc.text)) {
        return [{ code: 'kiwi-not-xml', severity: 'information', message: 'KIWI YAML/TOML markup is not validated (only XML descriptions are)', span: { start: 0, end: Math.min(doc.text.length, doc.text.indexOf('\n') < 0 ? doc.text.length : doc.text.indexOf('\n')) }, source: 'kiwi' }];
      }
      const r = await resolveDescription(doc, ctx);
      const out = checkDescription(r.desc);
      const root = r.desc.file.root;
      for (const n of r.notices) {
        out.push({ code: 'kiwi-comps-unavailable', severity: 'information', message: n, span: root ? root.nameSpan : { start: 0, end: 0 }, source: 'kiwi' } satisfies Finding);
      }
      return out;
    },
    async completion(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      return kiwiCompletion((await resolveDescription(doc, ctx)).desc, offset);
    },
    async hover(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return null;
      return kiwiHover((await resolveDescription(doc, ctx)).desc, offset);
    },
    async definition(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      return kiwiDefinition(r.desc, offset, doc.uri, r.path);
    },
    symbols: (doc) => (looksLikeXml(doc.text) ? kiwiSymbols(kiwiFileOf(doc)) : []),
    folding: (doc) => (looksLikeXml(doc.text) ? kiwiFolding(kiwiFileOf(doc)) : []),
    async codeActions(doc, span, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      const findings = checkDescription(r.desc).filter((f) => f.code === 'kiwi-environment-group' && f.span.start <= span.end && span.start <= f.span.end);
      return findings.flatMap((f) => environmentFixes(doc.text, r.desc.file, f));
    },
  };
}
