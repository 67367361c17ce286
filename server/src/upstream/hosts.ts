/**
 * Where a package's packaging lives: Fedora dist-git (Pagure today, Forgejo tomorrow), CentOS Stream
 * and the Hyperscale SIG on GitLab, and the Fedora services around them. Every URL comes from a template
 * with `{base}`, `{name}`, `{branch}`, `{path}`, `{group}` placeholders; settings can replace any of them.
 */

export type HostId = 'fedora' | 'centos' | 'hyperscale';
export type Flavour = 'pagure' | 'forgejo' | 'gitlab';
export type UrlKind = 'raw' | 'page' | 'specPage' | 'log' | 'branchesApi';

export interface HostConfig {
  id: HostId;
  label: string;
  flavour: Flavour;
  base: string;
  /** GitLab group path, e.g. `redhat/centos-stream/rpms`. */
  group: string;
  /** Overrides of the flavour's templates. */
  templates: Partial<Record<UrlKind, string>>;
}

export const FLAVOUR_TEMPLATES: Record<Flavour, Record<UrlKind, string>> = {
  pagure: {
    raw: '{base}/rpms/{name}/raw/{branch}/f/{path}',
    page: '{base}/rpms/{name}',
    specPage: '{base}/rpms/{name}/blob/{branch}/f/{name}.spec',
    log: '{base}/rpms/{name}/commits/{branch}',
    branchesApi: '{base}/api/0/rpms/{name}/git/branches',
  },
  forgejo: {
    raw: '{base}/rpms/{name}/raw/branch/{branch}/{path}',
    page: '{base}/rpms/{name}',
    specPage: '{base}/rpms/{name}/src/branch/{branch}/{name}.spec',
    log: '{base}/rpms/{name}/commits/branch/{branch}',
    branchesApi: '{base}/api/v1/repos/rpms/{name}/branches',
  },
  gitlab: {
    raw: '{base}/{group}/{name}/-/raw/{branch}/{path}',
    page: '{base}/{group}/{name}',
    specPage: '{base}/{group}/{name}/-/blob/{branch}/{name}.spec',
    log: '{base}/{group}/{name}/-/commits/{branch}',
    branchesApi: '{base}/api/v4/projects/{groupEncoded}%2F{name}/repository/branches?per_page=100',
  },
};

export const DEFAULT_HOSTS: Record<HostId, HostConfig> = {
  fedora: { id: 'fedora', label: 'Fedora', flavour: 'pagure', base: 'https://src.fedoraproject.org', group: 'rpms', templates: {} },
  centos: { id: 'centos', label: 'CentOS Stream', flavour: 'gitlab', base: 'https://gitlab.com', group: 'redhat/centos-stream/rpms', templates: {} },
  hyperscale: { id: 'hyperscale', label: 'Hyperscale SIG', flavour: 'gitlab', base: 'https://gitlab.com', group: 'CentOS/Hyperscale/rpms', templates: {} },
};

/** Fedora's other services; each a template with `{name}` (and `{branch}` for mdapi). */
export const SERVICE_TEMPLATES = {
  mdapi: 'https://mdapi.fedoraproject.org/{branch}/pkg/{name}',
  koji: 'https://koji.fedoraproject.org/koji/search?terms={name}&type=package&match=exact',
  bodhi: 'https://bodhi.fedoraproject.org/updates/?packages={name}',
  packages: 'https://packages.fedoraproject.org/pkgs/{name}/',
  releaseMonitoring: 'https://release-monitoring.org/projects/search/?pattern={name}',
};
export type ServiceId = keyof typeof SERVICE_TEMPLATES;

/** Fills a template; every value must already be validated (see names.ts). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? values[k] : m));
}

/** GitLab project paths cannot contain `+`: CentOS Stream (and the SIGs) spell it `plus`
 *  (`libsigc++20` lives at `…/rpms/libsigcplusplus20`); the file names inside keep the `+`. */
export function projectName(host: HostConfig, name: string): string {
  return host.flavour === 'gitlab' ? name.replace(/\+/g, 'plus') : name;
}

export function hostUrl(host: HostConfig, kind: UrlKind, name: string, branch = '', path = ''): string {
  const template = host.templates[kind] ?? FLAVOUR_TEMPLATES[host.flavour][kind];
  return fill(template, {
    base: host.base.replace(/\/+$/, ''), name: projectName(host, name), branch, path, group: host.group, groupEncoded: encodeURIComponent(host.group),
  });
}
