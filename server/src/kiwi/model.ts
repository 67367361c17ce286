/**
 * The KIWI description model of one file (a description or an included fragment), with spans into
 * that file's text. Pure: includes are resolved by the service, which passes their models in.
 */
import type { Span } from '../common/findings';
import { attr, attrValue, children, descendants, parseXml, trimmedText, type XAttr, type XmlDoc, type XNode } from './xml';

export interface NameRef {
  name: string;
  span: Span;
}

export interface Profile {
  name: string;
  nameSpan: Span;
  description?: string;
  /** `import="true"`: part of the default selection. */
  imported: boolean;
  requires: NameRef[];
  node: XNode;
}

export interface ImageType {
  image: string;
  imageSpan: Span;
  node: XNode;
  attr(name: string): XAttr | undefined;
}

export interface Preferences {
  node: XNode;
  profiles: NameRef[];
  arch?: string;
  types: ImageType[];
  packagemanager?: { value: string; span: Span };
  version?: { value: string; span: Span };
}

export type EntryKind = 'package' | 'namedCollection' | 'collectionModule' | 'archive' | 'file' | 'ignore' | 'product';

export interface PackageEntry {
  kind: EntryKind;
  name: string;
  nameSpan: Span;
  node: XNode;
}

export interface PackagesSection {
  node: XNode;
  type: string;
  profiles: NameRef[];
  entries: PackageEntry[];
}

export interface Include {
  from: string;
  span: Span;
  node: XNode;
}

export interface KiwiFile {
  text: string;
  xml: XmlDoc;
  root?: XNode;
  /** The root element is `<image>`. */
  isImage: boolean;
  schemaversion?: { value: string; span: Span };
  name?: string;
  profiles: Profile[];
  preferences: Preferences[];
  packages: PackagesSection[];
  repositories: Array<{ node: XNode; profiles: NameRef[] }>;
  includes: Include[];
  /** Every `profiles="…"` and `<requires profile>` reference. */
  profileRefs: NameRef[];
}

/** `a,b` in a `profiles` attribute, with a span per name. */
export function splitProfiles(a: XAttr | undefined): NameRef[] {
  if (!a || a.value === null || !a.valueSpan) return [];
  const out: NameRef[] = [];
  const re = /[^,\s]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(a.value))) out.push({ name: m[0], span: { start: a.valueSpan.start + m.index, end: a.valueSpan.start + m.index + m[0].length } });
  return out;
}

function nameOf(node: XNode): NameRef | undefined {
  const a = attr(node, 'name');
  if (!a || a.value === null || !a.valueSpan) return undefined;
  return { name: a.value, span: a.valueSpan };
}

function textOf(node: XNode | undefined): { value: string; span: Span } | undefined {
  if (!node) return undefined;
  const t = trimmedText(node);
  return t ? { value: t.text, span: t.span } : undefined;
}

const ENTRY_KINDS = new Set<EntryKind>(['package', 'namedCollection', 'collectionModule', 'archive', 'file', 'ignore', 'product']);

/** Builds the model of one file's text. Never throws. */
export function parseKiwi(text: string): KiwiFile {
  const xml = parseXml(text);
  const root = xml.root;
  const file: KiwiFile = {
    text, xml, root, isImage: root?.name === 'image', profiles: [], preferences: [], packages: [], repositories: [], includes: [], profileRefs: [],
  };
  if (!root || root.name !== 'image') return file;
  const sv = attr(root, 'schemaversion');
  if (sv?.value != null && sv.valueSpan) file.schemaversion = { value: sv.value, span: sv.valueSpan };
  file.name = attrValue(root, 'name');
  for (const ps of children(root, 'profiles')) {
    for (const p of children(ps, 'profile')) {
      const n = nameOf(p);
      if (!n) continue;
      const requires: NameRef[] = [];
      for (const r of children(p, 'requires')) {
        const a = attr(r, 'profile');
        if (a?.value != null && a.valueSpan) requires.push({ name: a.value, span: a.valueSpan });
      }
      file.profileRefs.push(...requires);
      file.profiles.push({ name: n.name, nameSpan: n.span, description: attrValue(p, 'description'), imported: attrValue(p, 'import') === 'true', requires, node: p });
    }
  }
  for (const pref of children(root, 'preferences')) {
    const profiles = splitProfiles(attr(pref, 'profiles'));
    file.profileRefs.push(...profiles);
    const types: ImageType[] = children(pref, 'type').map((t) => {
      const im = attr(t, 'image');
      return { image: im?.value ?? '', imageSpan: im?.valueSpan ?? t.nameSpan, node: t, attr: (n: string) => attr(t, n) };
    });
    file.preferences.push({
      node: pref, profiles, arch: attrValue(pref, 'arch'), types,
      packagemanager: textOf(children(pref, 'packagemanager')[0]), version: textOf(children(pref, 'version')[0]),
    });
  }
  for (const pk of children(root, 'packages')) {
    const profiles = splitProfiles(attr(pk, 'profiles'));
    file.profileRefs.push(...profiles);
    const entries: PackageEntry[] = [];
    for (const c of pk.children) {
      if (!ENTRY_KINDS.has(c.name as EntryKind)) continue;
      const n = nameOf(c);
      if (n) entries.push({ kind: c.name as EntryKind, name: n.name, nameSpan: n.span, node: c });
    }
    file.packages.push({ node: pk, type: attrValue(pk, 'type') ?? 'image', profiles, entries });
  }
  for (const r of children(root, 'repository')) {
    const profiles = splitProfiles(attr(r, 'profiles'));
    file.profileRefs.push(...profiles);
    file.repositories.push({ node: r, profiles });
  }
  for (const tag of ['users', 'drivers', 'strip']) {
    for (const n of children(root, tag)) file.profileRefs.push(...splitProfiles(attr(n, 'profiles')));
  }
  for (const inc of descendants(root, 'include')) {
    const a = attr(inc, 'from');
    if (a?.value != null && a.valueSpan) file.includes.push({ from: a.value, span: a.valueSpan, node: inc });
  }
  return file;
}

/** The text of a description is XML (not KIWI's YAML/TOML markup). */
export function looksLikeXml(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  return t.startsWith('<') || t === '';
}
