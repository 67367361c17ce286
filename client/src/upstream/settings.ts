/** Upstream settings (`hyperscale.upstream.*`) in neutral form, with defaults; tolerant of any input. */
import { DEFAULT_HOSTS, SERVICE_TEMPLATES, type HostConfig, type HostId, type ServiceId, type UrlKind } from '../../../server/src/upstream/hosts';
import { DEFAULT_CENTOS_BRANCHES, DEFAULT_HYPERSCALE_BRANCHES, defaultFedoraBranches } from '../../../server/src/upstream/branches';

export interface UpstreamSettings {
  packageName: string;
  timeoutMs: number;
  cacheTtlSeconds: number;
  userAgent: string;
  hosts: Record<HostId, HostConfig>;
  branches: Record<HostId, string[]>;
  services: Record<ServiceId, string>;
  codeLens: boolean;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown, d: string) => (typeof v === 'string' && v.trim() ? v.trim() : d);
const strs = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length ? (v as string[]) : d);

export function upstreamSettings(raw: unknown, version = '0.1.0'): UpstreamSettings {
  const r = obj(raw);
  const hosts = {} as Record<HostId, HostConfig>;
  for (const id of ['fedora', 'centos', 'hyperscale'] as HostId[]) {
    const h = obj(r[id]);
    const d = DEFAULT_HOSTS[id];
    const flavour = h.flavour === 'forgejo' || h.flavour === 'pagure' || h.flavour === 'gitlab' ? h.flavour : d.flavour;
    const templates: Partial<Record<UrlKind, string>> = {};
    for (const [k, v] of Object.entries(obj(h.templates))) if (typeof v === 'string' && v) templates[k as UrlKind] = v;
    hosts[id] = { ...d, flavour, base: str(h.baseUrl, d.base).replace(/\/+$/, ''), group: str(h.group, d.group), templates };
  }
  const b = obj(r.branches);
  const services = { ...SERVICE_TEMPLATES };
  for (const [k, v] of Object.entries(obj(r.services))) if (k in services && typeof v === 'string' && v) services[k as ServiceId] = v;
  const n = Number(r.timeoutMs);
  const ttl = Number(r.cacheTtlSeconds);
  return {
    packageName: typeof r.packageName === 'string' ? r.packageName.trim() : '',
    timeoutMs: Number.isFinite(n) && n >= 100 ? Math.min(n, 120000) : 15000,
    cacheTtlSeconds: Number.isFinite(ttl) && ttl >= 0 ? ttl : 600,
    userAgent: `rpm-kiwi-tools/${version} (+https://gitlab.com/CentOS/Hyperscale)`,
    hosts,
    branches: {
      fedora: strs(b.fedora, defaultFedoraBranches()),
      centos: strs(b.centos, DEFAULT_CENTOS_BRANCHES),
      hyperscale: strs(b.hyperscale, DEFAULT_HYPERSCALE_BRANCHES),
    },
    services,
    codeLens: r.codeLens === true,
  };
}
