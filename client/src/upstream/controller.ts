/**
 * The upstream commands' logic, without `vscode`: the UI, fetch, settings and the spec facts are injected,
 * so it runs in node tests against a local HTTP server. The VS Code adapter is ../commands/upstream.ts.
 */
import type { SpecInfoResult } from '../../../server/src/protocol';
import { checkBranch, checkName, InvalidNameError } from '../../../server/src/upstream/names';
import { hostUrl, fill, type HostConfig, type HostId, type ServiceId, type UrlKind } from '../../../server/src/upstream/hosts';
import { parseBranches, usefulFedoraBranches } from '../../../server/src/upstream/branches';
import { classifyFailure, classifyFile, type Outcome } from '../../../server/src/upstream/classify';
import { isSigRelease, parseMdapi, versionStatus, type RemoteEvr } from '../../../server/src/upstream/versions';
import { parseEvr, type Evr } from '../../../server/src/rpm/vercmp';
import type { UpstreamSettings } from './settings';

export const SCHEME = 'hyperscale-upstream';

export interface FetchAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface UpstreamUi {
  pick(items: Array<{ label: string; description?: string }>, title: string): Promise<string | undefined>;
  openDiff(left: string, right: string, title: string): Promise<void>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  progress<T>(title: string, task: () => Promise<T>): Promise<T>;
  openExternal(url: string): Promise<void>;
  /** Text of a local file (undefined when it does not exist). */
  readText(uri: string): Promise<string | undefined>;
  showStatus(title: string, lines: string[]): Promise<void>;
}

export interface UpstreamDeps {
  ui: UpstreamUi;
  fetch(url: string, init: { timeoutMs: number; headers: Record<string, string> }): Promise<FetchAnswer>;
  settings(): UpstreamSettings;
  /** `hyperscale/specInfo` for an open spec, or for spec text under a distro profile. */
  specInfo(uri: string): Promise<SpecInfoResult | null>;
  specInfoFromText(text: string, profile: string): Promise<SpecInfoResult | null>;
  now(): number;
}

export type ExternalPage = 'fedoraPage' | 'fedoraSpec' | 'fedoraLog' | 'centosPage' | 'hyperscalePage' | ServiceId;

const OPEN_IN_BROWSER = 'Open in Browser';

export class UpstreamController {
  private cache = new Map<string, { at: number; outcome: Outcome }>();
  private documents = new Map<string, string>();

  constructor(private readonly deps: UpstreamDeps) {}

  /** Content of a virtual document opened by a compare command. */
  documentContent(uri: string): string | undefined {
    return this.documents.get(uri);
  }

  clearCache(): void {
    this.cache.clear();
  }

  /** The package name: the setting, else the spec's expanded Name:. Throws InvalidNameError. */
  async packageName(specUri: string): Promise<string> {
    const override = this.deps.settings().packageName;
    if (override) return checkName(override);
    const info = await this.deps.specInfo(specUri);
    return checkName(info?.name);
  }

  private async get(url: string, host: string, what: string): Promise<Outcome> {
    const s = this.deps.settings();
    const hit = this.cache.get(url);
    if (hit && this.deps.now() - hit.at < s.cacheTtlSeconds * 1000) return hit.outcome;
    let outcome: Outcome;
    try {
      const answer = await this.deps.fetch(url, { timeoutMs: s.timeoutMs, headers: { 'User-Agent': s.userAgent, Accept: 'text/plain, application/json;q=0.9, */*;q=0.5' } });
      outcome = classifyFile(answer, host, what);
    } catch (e) {
      outcome = classifyFailure(e, host, s.timeoutMs);
    }
    if (outcome.kind === 'ok' || outcome.kind === 'not-found') this.cache.set(url, { at: this.deps.now(), outcome });
    return outcome;
  }

  private hostFor(id: HostId): HostConfig {
    return this.deps.settings().hosts[id];
  }

  /** The spec of `name` on `branch`: `<name>.spec` at the top, then `SPECS/<name>.spec` (CentOS 8 layout). */
  async fetchSpec(id: HostId, name: string, branch: string): Promise<Outcome & { url: string }> {
    const host = this.hostFor(id);
    const what = `${name}.spec on ${branch}`;
    const first = hostUrl(host, 'raw', name, branch, `${name}.spec`);
    const a = await this.get(first, host.label, what);
    if (a.kind !== 'not-found') return { ...a, url: first };
    const second = hostUrl(host, 'raw', name, branch, `SPECS/${name}.spec`);
    const b = await this.get(second, host.label, what);
    return { ...b, url: b.kind === 'not-found' ? hostUrl(host, 'page', name) : second };
  }

  /** Branches of a host: Fedora's from its API when reachable; the setting's list otherwise. */
  async branches(id: HostId, name: string): Promise<string[]> {
    const s = this.deps.settings();
    if (id !== 'fedora') return s.branches[id];
    const host = this.hostFor(id);
    const outcome = await this.get(hostUrl(host, 'branchesApi', name), host.label, 'the branch list');
    const parsed = outcome.kind === 'ok' ? parseBranches(outcome.text) : undefined;
    const useful = parsed ? usefulFedoraBranches(parsed) : [];
    return useful.length ? useful : s.branches.fedora;
  }

  private async report(outcome: Outcome, browserUrl?: string): Promise<void> {
    if (outcome.kind === 'ok') return;
    const choice = await this.deps.ui.error(outcome.message, ...(browserUrl ? [OPEN_IN_BROWSER] : []));
    if (choice === OPEN_IN_BROWSER && browserUrl) await this.deps.ui.openExternal(browserUrl);
  }

  private async guard(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      if (e instanceof InvalidNameError) await this.deps.ui.error(e.message);
      else await this.deps.ui.error(`Upstream command failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Compare the local spec with `branch` (asked for when undefined) of a host. */
  compareSpec(specUri: string, id: HostId, branch?: string): Promise<void> {
    return this.guard(async () => {
      const name = await this.packageName(specUri);
      const host = this.hostFor(id);
      let chosen = branch;
      if (!chosen) {
        const list = await this.deps.ui.progress(`Listing ${host.label} branches of ${name}…`, () => this.branches(id, name));
        chosen = await this.deps.ui.pick(list.map((b) => ({ label: b })), `Compare ${name}.spec with ${host.label}`);
        if (!chosen) return;
      }
      checkBranch(chosen);
      const outcome = await this.deps.ui.progress(`Fetching ${name}.spec from ${host.label} (${chosen})…`, () => this.fetchSpec(id, name, chosen!));
      if (outcome.kind !== 'ok') return this.report(outcome, hostUrl(host, 'page', name));
      const left = `${SCHEME}:/${id}/${chosen}/${name}.spec`;
      this.documents.set(left, outcome.text);
      await this.deps.ui.openDiff(left, specUri, `${name}.spec (${host.label} ${chosen}) ↔ local`);
    });
  }

  /** Compare the `sources` file next to the spec with Fedora's. */
  compareSources(specUri: string, branch?: string): Promise<void> {
    return this.guard(async () => {
      const name = await this.packageName(specUri);
      const host = this.hostFor('fedora');
      const local = specUri.replace(/[^/]*$/, 'sources');
      if ((await this.deps.ui.readText(local)) === undefined) {
        await this.deps.ui.error('There is no sources file next to the spec');
        return;
      }
      const chosen = branch ?? (await this.deps.ui.pick((await this.branches('fedora', name)).map((b) => ({ label: b })), `Compare ${name} sources with Fedora`));
      if (!chosen) return;
      checkBranch(chosen);
      const url = hostUrl(host, 'raw', name, chosen, 'sources');
      const outcome = await this.deps.ui.progress(`Fetching ${name} sources from ${host.label} (${chosen})…`, () => this.get(url, host.label, `the sources file on ${chosen}`));
      if (outcome.kind !== 'ok') return this.report(outcome, hostUrl(host, 'page', name));
      const left = `${SCHEME}:/fedora/${chosen}/${name}/sources`;
      this.documents.set(left, outcome.text);
      await this.deps.ui.openDiff(left, local, `${name} sources (Fedora ${chosen}) ↔ local`);
    });
  }

  /** URL of an external page for the package. */
  pageUrl(page: ExternalPage, name: string, branch = 'rawhide'): string {
    const s = this.deps.settings();
    const kinds: Partial<Record<ExternalPage, [HostId, UrlKind]>> = {
      fedoraPage: ['fedora', 'page'], fedoraSpec: ['fedora', 'specPage'], fedoraLog: ['fedora', 'log'], centosPage: ['centos', 'page'], hyperscalePage: ['hyperscale', 'page'],
    };
    const k = kinds[page];
    if (k) return hostUrl(s.hosts[k[0]], k[1], name, branch);
    return fill(s.services[page as ServiceId], { name, branch });
  }

  openPage(specUri: string, page: ExternalPage): Promise<void> {
    return this.guard(async () => {
      const name = await this.packageName(specUri);
      await this.deps.ui.openExternal(this.pageUrl(page, name));
    });
  }

  /** The local EVR and the upstream ones; says when CentOS Stream supersedes a SIG build. */
  versionStatus(specUri: string): Promise<void> {
    return this.guard(async () => {
      const name = await this.packageName(specUri);
      const info = await this.deps.specInfo(specUri);
      const local: Evr | undefined = info?.version ? { epoch: info.epoch, version: info.version, release: info.release } : undefined;
      const s = this.deps.settings();
      const remotes = await this.deps.ui.progress(`Looking up ${name} versions…`, async () => {
        const out: RemoteEvr[] = [];
        for (const branch of s.branches.fedora) {
          const o = await this.get(fill(s.services.mdapi, { name, branch }), 'mdapi', `${name} on ${branch}`);
          const evr = o.kind === 'ok' ? parseMdapi(o.text) : undefined;
          out.push({ label: `Fedora ${branch}`, evr, problem: o.kind === 'ok' ? (evr ? undefined : 'unexpected answer') : o.kind === 'not-found' ? 'not packaged' : o.message });
        }
        for (const branch of s.branches.centos) {
          const o = await this.fetchSpec('centos', name, branch);
          let evr: Evr | undefined;
          if (o.kind === 'ok') {
            const el = /^c(\d+)s/.exec(branch)?.[1];
            const remote = await this.deps.specInfoFromText(o.text, el ? `el${el}` : 'el9');
            if (remote?.version) evr = { epoch: remote.epoch, version: remote.version, release: remote.release };
          }
          out.push({ label: `CentOS Stream ${branch}`, evr, centos: true, problem: o.kind === 'ok' ? (evr ? undefined : 'release not computable (%autorelease or macros)') : o.kind === 'not-found' ? 'not in CentOS Stream' : o.message });
        }
        return out;
      });
      const header = local
        ? `Local ${name}: ${[local.epoch ? `${local.epoch}:` : '', local.version, local.release ? `-${local.release}` : ''].join('')}${info?.autorelease ? ' (Release: %autorelease — the number is only known after a build; versions are compared without it)' : ''}`
        : `Local ${name}: no version in the spec`;
      const lines = versionStatus(local, remotes, isSigRelease(local?.release ?? null)).map((l) => l.text);
      await this.deps.ui.showStatus(`${name} version status`, [header, ...lines]);
    });
  }
}

/** `1:2.3-4.el9` as an Evr (for CodeLens and tests). */
export function evrOf(text: string): Evr {
  return parseEvr(text);
}
