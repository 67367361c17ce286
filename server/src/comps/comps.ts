/**
 * Fedora comps (groups, environments, categories) read by a fast linear scanner: comps files from
 * repodata reach 10+ MB with translations, so this does not build a full XML tree. Handles the
 * translatable `.xml.in` form (`<_name>`, `<_description>`), skips `xml:lang` translations and comments.
 * Never throws.
 */

export interface CompsPackage {
  name: string;
  /** mandatory, default, optional, conditional */
  type: string;
  arch?: string;
}

/** Where an id is written in the comps text: 0-based line and UTF-16 column of its first character. */
export interface CompsAt {
  line: number;
  col: number;
}

export interface CompsGroup {
  kind: 'group';
  id: string;
  at: CompsAt;
  name: string;
  description: string;
  uservisible: boolean;
  packages: CompsPackage[];
}

export interface CompsEnvironment {
  kind: 'environment';
  id: string;
  at: CompsAt;
  name: string;
  description: string;
  /** `<grouplist>`: groups installed with the environment. */
  groups: string[];
  /** `<optionlist>`: optional groups. */
  options: string[];
}

export interface CompsCategory {
  kind: 'category';
  id: string;
  name: string;
  groups: string[];
}

export interface Comps {
  groups: CompsGroup[];
  environments: CompsEnvironment[];
  categories: CompsCategory[];
  /** The text did not look like comps at all. */
  notComps: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]).replace(/\s+/g, ' ').trim();

/** Text of the first `<tag>` (or `<_tag>`) without xml:lang in `body`. */
function field(body: string, tag: string): string {
  const re = new RegExp(`<_?${tag}(\\s[^>]*)?>([\\s\\S]*?)</_?${tag}>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) if (!m[1] || !/xml:lang/.test(m[1])) return decode(m[2]);
  return '';
}

function list(body: string, container: string, item: string): string[] {
  const out: string[] = [];
  const c = new RegExp(`<${container}>([\\s\\S]*?)</${container}>`).exec(body);
  if (!c) return out;
  for (const m of c[1].matchAll(new RegExp(`<${item}(?:\\s[^>]*)?>([^<]*)</${item}>`, 'g'))) out.push(decode(m[1]));
  return out;
}

/** Parses comps XML text. */
export function parseComps(text: string): Comps {
  // Comments become blanks of the same length (line breaks kept), so offsets stay those of `text`.
  const clean = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const comps: Comps = { groups: [], environments: [], categories: [], notComps: !/<comps[\s>]/.test(clean) };
  // Line of the current match, counted forward as the matches come in text order.
  let line = 0;
  let lineStart = 0;
  let counted = 0;
  const locate = (offset: number): CompsAt => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = Math.max(counted, offset);
    return { line, col: offset - lineStart };
  };
  for (const m of clean.matchAll(/<(group|environment|category)>([\s\S]*?)<\/\1>/g)) {
    const body = m[2];
    const id = field(body, 'id');
    if (!id) continue;
    const idTag = /<_?id(?:\s[^>]*)?>\s*/.exec(body);
    const at = locate(m.index! + m[1].length + 2 + (idTag ? idTag.index + idTag[0].length : 0));
    if (m[1] === 'group') {
      const packages: CompsPackage[] = [];
      const pl = /<packagelist>([\s\S]*?)<\/packagelist>/.exec(body);
      if (pl) {
        for (const p of pl[1].matchAll(/<packagereq([^>]*)>([^<]*)<\/packagereq>/g)) {
          const type = /type="([^"]*)"/.exec(p[1])?.[1] ?? 'mandatory';
          const arch = /arch="([^"]*)"/.exec(p[1])?.[1];
          packages.push(arch ? { name: decode(p[2]), type, arch } : { name: decode(p[2]), type });
        }
      }
      const uv = field(body, 'uservisible');
      comps.groups.push({ kind: 'group', id, at, name: field(body, 'name'), description: field(body, 'description'), uservisible: uv !== 'false', packages });
    } else if (m[1] === 'environment') {
      comps.environments.push({ kind: 'environment', id, at, name: field(body, 'name'), description: field(body, 'description'), groups: list(body, 'grouplist', 'groupid'), options: list(body, 'optionlist', 'groupid') });
    } else {
      comps.categories.push({ kind: 'category', id, name: field(body, 'name'), groups: list(body, 'grouplist', 'groupid') });
    }
  }
  return comps;
}

/** Groups and environments of one or more comps sources, by id. The first source wins on conflicts. */
export class CompsIndex {
  readonly groups = new Map<string, { group: CompsGroup; source: string }>();
  readonly environments = new Map<string, { env: CompsEnvironment; source: string }>();
  readonly sources: string[] = [];

  add(comps: Comps, source: string): this {
    this.sources.push(source);
    for (const g of comps.groups) if (!this.groups.has(g.id)) this.groups.set(g.id, { group: g, source });
    for (const e of comps.environments) if (!this.environments.has(e.id)) this.environments.set(e.id, { env: e, source });
    return this;
  }

  get empty(): boolean {
    return this.groups.size === 0 && this.environments.size === 0;
  }

  private byPackage: Map<string, Array<{ group: string; type: string }>> | undefined;

  /** Package name -> the groups that list it (with how: mandatory, default, optional, conditional); built once. */
  packageGroups(): Map<string, Array<{ group: string; type: string }>> {
    if (!this.byPackage) {
      this.byPackage = new Map();
      for (const [id, { group }] of this.groups) {
        for (const p of group.packages) {
          const list = this.byPackage.get(p.name);
          if (list) list.push({ group: id, type: p.type });
          else this.byPackage.set(p.name, [{ group: id, type: p.type }]);
        }
      }
    }
    return this.byPackage;
  }

  /** A short human label of the sources, e.g. `comps-f41.xml.in, comps-eln.xml.in.in`. */
  describeSources(): string {
    return this.sources.map((s) => s.replace(/^.*[\\/]/, '')).join(', ');
  }
}
