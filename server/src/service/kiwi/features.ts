/**
 * KIWI editor features over the model: the environment quick fix, completion of comps ids and profile
 * names, hover on collections and profile references, go-to-definition (profile, include, a collection to
 * its comps group or environment), outline and folding.
 */
import type { Finding } from '../../common/findings';
import { LineIndex } from '../../common/lineIndex';
import { likelyTypos } from '../../common/similar';
import type { EnvironmentFixData } from '../../kiwi/checks/collections';
import { allFiles, allProfiles, type Description } from '../../kiwi/description';
import type { KiwiFile } from '../../kiwi/model';
import { attr, nodeAt, type XNode } from '../../kiwi/xml';
import { dirname, joinPath, pathToUri } from '../paths';
import type { CodeActionRecord, CompletionRecord, FoldRecord, HoverRecord, LocationRecord, SymbolRecord } from '../types';

/** Quick fixes for `kiwi-environment-group`: the environment's groups (preferred), or its optional groups. */
export function environmentFixes(text: string, file: KiwiFile, f: Finding): CodeActionRecord[] {
  const data = f.data as EnvironmentFixData | undefined;
  if (!data) return [];
  const entry = file.packages.flatMap((p) => p.entries).find((e) => e.nameSpan.start <= f.span.start && f.span.end <= e.nameSpan.end);
  if (!entry) return [];
  const node = entry.node;
  const lineStart = text.lastIndexOf('\n', node.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, node.span.start))![0];
  const extra = node.attrs.filter((a) => a.name !== 'name').map((a) => ` ${text.slice(a.span.start, a.span.end)}`).join('');
  const element = (g: string) => (data.form === 'namedCollection' ? `<namedCollection name="${g}"${extra}/>` : `<package name="@${g}"${extra}/>`);
  const build = (groups: string[]) => groups.map((g, i) => (i === 0 ? '' : indent) + element(g)).join('\n');
  const out: CodeActionRecord[] = [];
  if (data.groups.length) {
    out.push({ title: `Replace '${data.environment}' with its groups: ${data.groups.join(', ')}`, kind: 'quickfix', isPreferred: true, fixes: f, edits: [{ span: node.span, newText: build(data.groups) }] });
  }
  if (data.options.length) {
    out.push({ title: `Replace '${data.environment}' with its groups and optional groups (${data.groups.length + data.options.length})`, kind: 'quickfix', fixes: f, edits: [{ span: node.span, newText: build([...data.groups, ...data.options]) }] });
  }
  return out;
}

/** "Change to" fixes for a misspelt comps group id or profile name. */
export function nameFixes(text: string, d: Description, findings: Finding[]): CodeActionRecord[] {
  const out: CodeActionRecord[] = [];
  for (const f of findings) {
    const written = text.slice(f.span.start, f.span.end);
    let near: string[] = [];
    if (f.code === 'kiwi-group-not-found' && d.comps) near = likelyTypos(written, [...d.comps.groups.keys(), ...d.comps.environments.keys()]);
    else if (f.code === 'kiwi-profile-undefined') near = likelyTypos(written, allProfiles(d).map((p) => p.name));
    for (const n of near) out.push({ title: `Change to '${n}'`, kind: 'quickfix', isPreferred: near.length === 1, fixes: f, edits: [{ span: f.span, newText: n }] });
  }
  return out;
}

/** The attribute value the offset is in: element, attribute name, value span. */
function valueAt(root: XNode | undefined, offset: number): { node: XNode; name: string; start: number; end: number; value: string } | undefined {
  const node = nodeAt(root, offset);
  if (!node) return undefined;
  for (const a of node.attrs) {
    if (a.valueSpan && a.valueSpan.start <= offset && offset <= a.valueSpan.end) return { node, name: a.name, start: a.valueSpan.start, end: a.valueSpan.end, value: a.value ?? '' };
  }
  return undefined;
}

export function kiwiCompletion(d: Description, offset: number): CompletionRecord[] {
  const v = valueAt(d.file.root, offset);
  if (!v) return [];
  const { node, name } = v;
  if ((node.name === 'namedCollection' && name === 'name') || (node.name === 'package' && name === 'name' && v.value.startsWith('@'))) {
    const comps = d.comps;
    if (!comps) return [];
    const at = node.name === 'package' ? (v.value.startsWith('@^') ? 2 : 1) : 0;
    const replace = { start: v.start + at, end: v.end };
    const items: CompletionRecord[] = [];
    for (const [id, { group }] of comps.groups) {
      items.push({ label: id, kind: 'module', detail: group.name ? `group: ${group.name}` : 'group', documentation: groupDoc(group.name, group.description, group.packages.map((p) => p.name)), replace, sortText: `1${id}` });
    }
    for (const [id, { env }] of comps.environments) {
      items.push({ label: id, kind: 'folder', detail: `environment: ${env.name}`, documentation: `${envDoc(env.name, env.description, env.groups, env.options)}\n\n⚠ Koji/CBS repositories carry no environment groups.`, replace, sortText: `2${id}` });
    }
    return items;
  }
  if ((node.name === 'package' || node.name === 'ignore') && name === 'name' && !v.value.startsWith('@') && d.comps) {
    // Package names the comps groups list (the packages a distribution groups, not every package).
    const replace = { start: v.start, end: v.end };
    const items: CompletionRecord[] = [];
    for (const [pkg, groups] of d.comps.packageGroups()) {
      items.push({ label: pkg, kind: 'value', detail: `comps: ${groupsLabel(groups)}`, replace });
    }
    return items;
  }
  const isProfileRef = (name === 'profiles' && ['preferences', 'packages', 'repository', 'users', 'drivers', 'strip'].includes(node.name)) || (node.name === 'requires' && name === 'profile');
  if (isProfileRef) {
    const before = v.value.slice(0, offset - v.start);
    const wordStart = v.start + Math.max(before.lastIndexOf(',') + 1, 0);
    return allProfiles(d).map((p, i): CompletionRecord => ({ label: p.name, kind: 'enum', detail: p.description ?? 'profile', replace: { start: wordStart, end: offset }, sortText: String(i).padStart(4, '0') }));
  }
  return [];
}

function groupsLabel(groups: Array<{ group: string; type: string }>): string {
  const shown = groups.slice(0, 3).map((g) => `${g.group} (${g.type})`).join(', ');
  return groups.length > 3 ? `${shown}, … (${groups.length} groups)` : shown;
}

function groupDoc(name: string, description: string, packages: string[]): string {
  const list = packages.length > 40 ? `${packages.slice(0, 40).join(', ')}, … (${packages.length} packages)` : packages.join(', ');
  return `**${name}**${description ? `\n\n${description}` : ''}\n\nPackages: ${list || '(none)'}`;
}

function envDoc(name: string, description: string, groups: string[], options: string[]): string {
  return `**${name}** (environment)${description ? `\n\n${description}` : ''}\n\nGroups: ${groups.join(', ') || '(none)'}${options.length ? `\n\nOptional groups: ${options.join(', ')}` : ''}`;
}

export function kiwiHover(d: Description, offset: number): HoverRecord | null {
  const v = valueAt(d.file.root, offset);
  if (!v) return null;
  const span = { start: v.start, end: v.end };
  if (((v.node.name === 'namedCollection') || (v.node.name === 'package' && v.value.startsWith('@'))) && v.name === 'name' && d.comps) {
    const id = v.value.replace(/^@\^?/, '');
    const g = d.comps.groups.get(id);
    if (g) return { markdown: `${groupDoc(g.group.name, g.group.description, g.group.packages.map((p) => p.name))}\n\n*comps group from ${g.source.replace(/^.*\//, '')}*`, span };
    const e = d.comps.environments.get(id);
    if (e) return { markdown: `${envDoc(e.env.name, e.env.description, e.env.groups, e.env.options)}\n\n*comps environment from ${e.source.replace(/^.*\//, '')}* — Koji/CBS repositories do not carry environments.`, span };
    return { markdown: `\`${id}\` is not in the comps data in use (${d.comps.describeSources()}).`, span };
  }
  if ((v.node.name === 'package' || v.node.name === 'ignore') && v.name === 'name' && d.comps && v.value) {
    const groups = d.comps.packageGroups().get(v.value);
    return { markdown: groups ? `**${v.value}** is in the comps groups: ${groups.map((g) => `${g.group} (${g.type})`).join(', ')}` : `\`${v.value}\` is in no group of the comps data in use (${d.comps.describeSources()}); comps lists only the packages a distribution groups.`, span };
  }
  const ref = d.file.profileRefs.find((r) => r.span.start <= offset && offset <= r.span.end);
  if (ref) {
    const p = allProfiles(d).find((x) => x.name === ref.name);
    return { markdown: p ? `**profile ${p.name}**${p.description ? `: ${p.description}` : ''}${p.requires.length ? `\n\nRequires: ${p.requires.map((r) => r.name).join(', ')}` : ''}` : `profile \`${ref.name}\` is not defined`, span: ref.span };
  }
  return null;
}

/** Where `file` lives: the document itself, an include, or the parent description. */
export function locate(d: Description, file: KiwiFile, docUri: string, docPath: string | undefined): { uri: string; text: string } | undefined {
  if (file === d.file) return { uri: docUri, text: file.text };
  if (!docPath) return undefined;
  const find = (list: Description['includes'], base: string) => list.find((r) => r.status === 'ok' && r.file === file)?.path
    ? joinPath(base, list.find((r) => r.status === 'ok' && r.file === file)!.path)
    : undefined;
  if (d.parent?.file === file) return { uri: pathToUri(d.parent.path), text: file.text };
  const p = find(d.includes, dirname(docPath)) ?? (d.parent ? find(d.parent.includes, dirname(d.parent.path)) : undefined);
  return p ? { uri: pathToUri(p), text: file.text } : undefined;
}

export function kiwiDefinition(d: Description, offset: number, docUri: string, docPath: string | undefined): LocationRecord[] {
  const v = valueAt(d.file.root, offset);
  if (v && v.name === 'name' && (v.node.name === 'namedCollection' || (v.node.name === 'package' && v.value.startsWith('@'))) && d.comps) {
    // The group's or environment's <id> in a comps file on disk (not in a compressed one or a repository's).
    const id = v.value.replace(/^@\^?/, '');
    const g = d.comps.groups.get(id);
    const e = d.comps.environments.get(id);
    const hit = g ? { at: g.group.at, source: g.source } : e ? { at: e.env.at, source: e.source } : undefined;
    if (!hit || !hit.source.startsWith('/') || /\.(gz|xz)$/.test(hit.source)) return [];
    const { line, col } = hit.at;
    return [{ uri: pathToUri(hit.source), range: { start: { line, character: col }, end: { line, character: col + id.length } } }];
  }
  const ref = d.file.profileRefs.find((r) => r.span.start <= offset && offset <= r.span.end);
  if (ref) {
    for (const file of allFiles(d)) {
      const p = file.profiles.find((x) => x.name === ref.name);
      if (!p) continue;
      const where = locate(d, file, docUri, docPath);
      if (!where) continue;
      if (where.uri === docUri) return [{ uri: docUri, span: p.nameSpan }];
      const idx = new LineIndex(where.text);
      return [{ uri: where.uri, range: idx.rangeAt(p.nameSpan) }];
    }
    return [];
  }
  const inc = d.file.includes.find((i) => i.span.start <= offset && offset <= i.span.end);
  if (inc && inc.from.startsWith('this://') && docPath) {
    const p = joinPath(dirname(docPath), inc.from.slice(7), true);
    if (p) return [{ uri: pathToUri(p) }];
  }
  return [];
}

export function kiwiSymbols(file: KiwiFile): SymbolRecord[] {
  const root = file.root;
  if (!root) return [];
  const sym = (name: string, kind: SymbolRecord['kind'], node: XNode, detail?: string, kids?: SymbolRecord[]): SymbolRecord =>
    ({ name, kind, detail, span: node.span, selectionSpan: node.nameSpan, children: kids });
  const out: SymbolRecord[] = [];
  for (const c of root.children) {
    const profiles = attr(c, 'profiles')?.value;
    const forProfiles = profiles ? `profiles: ${profiles}` : undefined;
    switch (c.name) {
      case 'description': out.push(sym('description', 'string', c, attr(c, 'type')?.value ?? undefined)); break;
      case 'preferences': {
        const types = c.children.filter((t) => t.name === 'type').map((t) => sym(`type ${attr(t, 'image')?.value ?? '?'}`, 'struct', t, [attr(t, 'format')?.value, attr(t, 'filesystem')?.value].filter(Boolean).join(' ') || undefined));
        out.push(sym('preferences', 'namespace', c, [forProfiles, attr(c, 'arch')?.value].filter(Boolean).join(', ') || undefined, types));
        break;
      }
      case 'profiles':
        out.push(sym('profiles', 'namespace', c, undefined, c.children.filter((p) => p.name === 'profile').map((p) => sym(attr(p, 'name')?.value ?? '?', 'enum', p, attr(p, 'description')?.value ?? undefined))));
        break;
      case 'repository': out.push(sym(`repository ${attr(c, 'alias')?.value ?? ''}`.trim(), 'module', c, c.children.find((s) => s.name === 'source')?.attrs.find((a) => a.name === 'path')?.value ?? undefined)); break;
      case 'packages': {
        const n = c.children.filter((e) => ['package', 'namedCollection', 'collectionModule', 'archive', 'file', 'product', 'ignore'].includes(e.name)).length;
        out.push(sym(`packages ${attr(c, 'type')?.value ?? 'image'}`, 'array', c, [forProfiles, `${n} entries`].filter(Boolean).join(', ')));
        break;
      }
      case 'users': out.push(sym('users', 'object', c, forProfiles, c.children.filter((u) => u.name === 'user').map((u) => sym(attr(u, 'name')?.value ?? '?', 'field', u)))); break;
      case 'include': out.push(sym(`include ${attr(c, 'from')?.value ?? ''}`, 'file', c)); break;
      default: out.push(sym(c.name, 'object', c, forProfiles));
    }
  }
  return out;
}

export function kiwiFolding(file: KiwiFile): FoldRecord[] {
  const out: FoldRecord[] = [];
  const text = file.text;
  const walk = (n: XNode) => {
    // Fold up to the line before the closing tag, which stays visible.
    const lastLineStart = text.lastIndexOf('\n', n.span.end - 1) + 1;
    if (lastLineStart > n.span.start && text.slice(n.span.start, lastLineStart - 1).includes('\n')) out.push({ start: n.span.start, end: lastLineStart - 1 });
    n.children.forEach(walk);
  };
  if (file.root) walk(file.root);
  return out;
}
