/**
 * The facade the LSP layer and the CLI talk to: picks the language of a document, runs its feature,
 * and applies what is common to all languages (severity overrides, crash containment is the caller's).
 */
import type { Finding, Span } from '../common/findings';
import type { Settings } from './settings';
import type {
  CodeActionRecord, CompletionRecord, Context, DocumentService, FoldRecord, HighlightRecord, HoverRecord, LanguageKind,
  InlayHintRecord, LinkRecord, LocationRecord, RenameResult, RenameTarget, SymbolRecord, TextDoc,
} from './types';
import { kindOfDocument } from './languageKind';
import type { ExpandedSpecResult, InactiveRegionsResult, SpecInfoResult } from '../protocol';

/** The spec service also answers the custom requests (`specInfo`, `inactiveRegions`, `expandedSpec`). */
export interface SpecDocumentService extends DocumentService {
  specInfo(doc: TextDoc, ctx: Context): Promise<SpecInfoResult>;
  inactiveRegions(doc: TextDoc, ctx: Context): Promise<InactiveRegionsResult>;
  expandedSpec(doc: TextDoc, ctx: Context): Promise<ExpandedSpecResult>;
}

export interface Services {
  'rpm-spec': SpecDocumentService;
  kiwi: DocumentService;
}

export class LanguageService {
  constructor(private readonly services: Services) {}

  kindOf(doc: TextDoc): LanguageKind | undefined {
    return kindOfDocument(doc.uri, doc.languageId, doc.text);
  }

  private serviceFor(doc: TextDoc): DocumentService | undefined {
    const kind = this.kindOf(doc);
    return kind ? this.services[kind] : undefined;
  }

  /** The editor closed the document. */
  closed(uri: string): void {
    for (const service of Object.values(this.services) as DocumentService[]) service.closed?.(uri);
  }

  /** Files outside the open documents that diagnostics read (macro files, comps files): when one changes, check again. */
  watchedFiles(): string[] {
    return (Object.values(this.services) as DocumentService[]).flatMap((s) => s.watchedFiles?.() ?? []);
  }

  /** The kinds of document whose diagnostics read the file at `path` (besides the document itself). */
  readersOf(path: string): LanguageKind[] {
    return (Object.entries(this.services) as [LanguageKind, DocumentService][])
      .filter(([, s]) => s.watchedFiles?.().includes(path))
      .map(([kind]) => kind);
  }

  /** Idle time after the document's diagnostics were published (see `DocumentService.warm`). */
  warm(doc: TextDoc, ctx: Context): boolean {
    return this.serviceFor(doc)?.warm?.(doc, ctx) ?? false;
  }

  async diagnostics(doc: TextDoc, ctx: Context): Promise<Finding[]> {
    const service = this.serviceFor(doc);
    if (!service) return [];
    const findings = await service.diagnostics(doc, ctx);
    return applySeverityOverrides(findings, ctx.settings);
  }

  async completion(doc: TextDoc, offset: number, ctx: Context): Promise<CompletionRecord[]> {
    return (await this.serviceFor(doc)?.completion?.(doc, offset, ctx)) ?? [];
  }

  async hover(doc: TextDoc, offset: number, ctx: Context): Promise<HoverRecord | null> {
    return (await this.serviceFor(doc)?.hover?.(doc, offset, ctx)) ?? null;
  }

  async definition(doc: TextDoc, offset: number, ctx: Context): Promise<LocationRecord[]> {
    return (await this.serviceFor(doc)?.definition?.(doc, offset, ctx)) ?? [];
  }

  async references(doc: TextDoc, offset: number, includeDeclaration: boolean, ctx: Context): Promise<LocationRecord[]> {
    return (await this.serviceFor(doc)?.references?.(doc, offset, includeDeclaration, ctx)) ?? [];
  }

  async highlights(doc: TextDoc, offset: number, ctx: Context): Promise<HighlightRecord[]> {
    return (await this.serviceFor(doc)?.highlights?.(doc, offset, ctx)) ?? [];
  }

  async prepareRename(doc: TextDoc, offset: number, ctx: Context): Promise<RenameTarget | undefined> {
    return (await this.serviceFor(doc)?.prepareRename?.(doc, offset, ctx)) ?? undefined;
  }

  async rename(doc: TextDoc, offset: number, newName: string, ctx: Context): Promise<RenameResult> {
    const service = this.serviceFor(doc);
    return service?.rename ? service.rename(doc, offset, newName, ctx) : { error: 'Rename is not supported in this document' };
  }

  async links(doc: TextDoc, ctx: Context): Promise<LinkRecord[]> {
    return (await this.serviceFor(doc)?.links?.(doc, ctx)) ?? [];
  }

  async inlayHints(doc: TextDoc, span: Span, ctx: Context): Promise<InlayHintRecord[]> {
    return (await this.serviceFor(doc)?.inlayHints?.(doc, span, ctx)) ?? [];
  }

  symbols(doc: TextDoc, ctx: Context): SymbolRecord[] {
    return this.serviceFor(doc)?.symbols?.(doc, ctx) ?? [];
  }

  folding(doc: TextDoc, ctx: Context): FoldRecord[] {
    return this.serviceFor(doc)?.folding?.(doc, ctx) ?? [];
  }

  async onSave(doc: TextDoc, ctx: Context): Promise<void> {
    await this.serviceFor(doc)?.onSave?.(doc, ctx);
  }

  specInfo(doc: TextDoc, ctx: Context): Promise<SpecInfoResult> {
    return this.services['rpm-spec'].specInfo(doc, ctx);
  }

  async inactiveRegions(doc: TextDoc, ctx: Context): Promise<InactiveRegionsResult> {
    if (this.kindOf(doc) !== 'rpm-spec') return { profile: ctx.settings.spec.profile, regions: [] };
    return this.services['rpm-spec'].inactiveRegions(doc, ctx);
  }

  /** The spec expanded for the profile (undefined for other documents). */
  async expandedSpec(doc: TextDoc, ctx: Context): Promise<ExpandedSpecResult | undefined> {
    return this.kindOf(doc) === 'rpm-spec' ? this.services['rpm-spec'].expandedSpec(doc, ctx) : undefined;
  }

  async codeActions(doc: TextDoc, span: Span, ctx: Context): Promise<CodeActionRecord[]> {
    return (await this.serviceFor(doc)?.codeActions?.(doc, span, ctx)) ?? [];
  }
}

/** Applies the user's per-code severity settings; 'off' removes a finding. */
export function applySeverityOverrides(findings: Finding[], settings: Settings): Finding[] {
  const overrides = settings.severity;
  if (Object.keys(overrides).length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.code];
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}
