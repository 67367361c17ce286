/** The KIWI image-description language service (features over server/src/kiwi and server/src/comps). */
import type { Finding } from '../../common/findings';
import { checkDescription } from '../../kiwi/checks';
import { schemaCompletions, schemaDocumentation, schemaFindings } from '../../kiwi/schema';
import { looksLikeXml } from '../../kiwi/model';
import type { CompletionRecord, DocumentService } from '../types';
import { environmentFixes, kiwiCompletion, nameFixes, kiwiDefinition, kiwiFolding, kiwiHover, kiwiSymbols } from './features';
import { kiwiDependencyPaths, kiwiFileOf, resolveDescription } from './resolve';
import { compsFilePaths } from './compsSource';
import { loadSchema } from './schemaSource';
import { includedFindings, includedFixes } from './included';
import { kiwiHighlights, kiwiLinks, kiwiPrepareRename, kiwiReferences, kiwiRename } from './names';

export function createKiwiService(): DocumentService {
  return {
    async diagnostics(doc, ctx) {
      if (!looksLikeXml(doc.text)) {
        return [{ code: 'kiwi-not-xml', severity: 'information', message: 'KIWI YAML/TOML markup is not validated (only XML descriptions are)', span: { start: 0, end: Math.min(doc.text.length, doc.text.indexOf('\n') < 0 ? doc.text.length : doc.text.indexOf('\n')) }, source: 'kiwi' }];
      }
      const r = await resolveDescription(doc, ctx);
      const out = [...checkDescription(r.desc), ...includedFindings(r.desc, r.path)];
      const root = r.desc.file.root;
      if (ctx.settings.kiwi.schemaValidation && root && r.desc.file.isImage && !r.desc.file.xml.problems.some((p) => p.message.startsWith('XML syntax'))) {
        const schema = await loadSchema(ctx);
        if (schema.grammar) out.push(...schemaFindings(schema.grammar, r.desc.file));
        else if (schema.unavailable && r.desc.file.schemaversion) out.push({ code: 'kiwi-schema-unavailable', severity: 'information', message: schema.unavailable, span: root.nameSpan, source: 'kiwi' });
      }
      out.sort((a, b) => a.span.start - b.span.start);
      for (const n of r.notices) {
        out.push({ code: 'kiwi-comps-unavailable', severity: 'information', message: n, span: root ? root.nameSpan : { start: 0, end: 0 }, source: 'kiwi' } satisfies Finding);
      }
      return out;
    },
    async completion(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const own = kiwiCompletion((await resolveDescription(doc, ctx, true)).desc, offset);
      if (own.length) return own;
      const schema = await loadSchema(ctx);
      if (!schema.grammar) return [];
      return schemaCompletions(schema.grammar, kiwiFileOf(doc), offset).map((i): CompletionRecord => ({
        label: i.label, kind: i.kind === 'element' ? 'class' : i.kind === 'attribute' ? 'property' : 'value', detail: `KIWI ${i.kind}`,
        documentation: i.doc, insertText: i.insert, snippet: i.snippet, replace: { start: i.start, end: i.end },
      }));
    },
    async hover(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return null;
      const own = kiwiHover((await resolveDescription(doc, ctx, true)).desc, offset);
      if (own) return own;
      const schema = await loadSchema(ctx);
      const d = schema.grammar ? schemaDocumentation(schema.grammar, kiwiFileOf(doc), offset) : undefined;
      return d ? { markdown: d.markdown, span: { start: d.start, end: d.end } } : null;
    },
    async definition(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      return kiwiDefinition(r.desc, offset, doc.uri, r.path);
    },
    async references(doc, offset, includeDeclaration, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      return kiwiReferences(r.desc, offset, includeDeclaration, doc.uri, r.path);
    },
    async highlights(doc, offset, ctx) {
      return looksLikeXml(doc.text) ? kiwiHighlights((await resolveDescription(doc, ctx)).desc, offset) : [];
    },
    async prepareRename(doc, offset, ctx) {
      if (!looksLikeXml(doc.text)) return undefined;
      const r = await resolveDescription(doc, ctx);
      return kiwiPrepareRename(r.desc, offset, doc.uri, r.path);
    },
    async rename(doc, offset, newName, ctx) {
      if (!looksLikeXml(doc.text)) return { error: 'KIWI YAML/TOML markup is not supported' };
      const r = await resolveDescription(doc, ctx);
      return kiwiRename(r.desc, offset, newName, doc.uri, r.path);
    },
    async links(doc, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      return kiwiLinks(r.desc, r.path);
    },
    watchedFiles: () => [...compsFilePaths(), ...kiwiDependencyPaths()],
    symbols: (doc) => (looksLikeXml(doc.text) ? kiwiSymbols(kiwiFileOf(doc)) : []),
    folding: (doc) => (looksLikeXml(doc.text) ? kiwiFolding(kiwiFileOf(doc)) : []),
    async codeActions(doc, span, ctx) {
      if (!looksLikeXml(doc.text)) return [];
      const r = await resolveDescription(doc, ctx);
      const here = checkDescription(r.desc).filter((f) => f.span.start <= span.end && span.start <= f.span.end);
      const env = here.filter((f) => f.code === 'kiwi-environment-group').flatMap((f) => environmentFixes(doc.text, r.desc.file, f));
      return [...env, ...nameFixes(doc.text, r.desc, here), ...includedFixes(r.desc, r.path, span)];
    },
  };
}
