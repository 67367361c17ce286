/**
 * Distribution profiles: the macro values a spec sees when built for a target (Fedora rawhide/fNN,
 * EPEL/CentOS Stream, and the CentOS Hyperscale SIG's build tags). Hyperscale facts from the SIG's
 * "Building packages" guide (sigs.centos.org/hyperscale/internal/building): every build tag sets
 * `%centos_hs 1`; main tags use `%dist .hs.elN`, experimental `.hsx.elN`, facebook `.hs+fb.elN` with
 * `%facebook 1`. The rpm each target builds with: Fedora 39-40 4.19, 41-42 4.20, 43 and later 6.0
 * (rpm 6.0.1 in Fedora 43, agx/git-buildpackage#98); EL8 4.14, EL9 4.16, EL10 4.19.
 */

export interface DistroProfile {
  id: string;
  label: string;
  /** Macro name (without %) -> value. */
  macros: Record<string, string>;
  /** Release numbering of a SIG rebuild: Fedora's release with `.N` appended (2 -> 2.1). */
  sigRebuild: boolean;
  /** The rpm version the target builds with, `major.minor`. */
  rpm: string;
}

/** Fedora's development branch at the time of this release of the extension (a setting can change it). */
export const FEDORA_RAWHIDE = 46;

const ARCH_MACROS = (arch: string): Record<string, string> => ({
  _arch: arch,
  _target_cpu: arch,
  _build_arch: arch,
  _host_cpu: arch,
  _target_os: 'linux',
  _host_os: 'linux',
  _os: 'linux',
  _lib: /64$|^s390x$/.test(arch) ? 'lib64' : 'lib',
});

function fedora(n: number, label: string): DistroProfile {
  return {
    id: n === FEDORA_RAWHIDE ? 'fedora-rawhide' : `fedora-${n}`,
    label,
    macros: { fedora: String(n), [`fc${n}`]: '1', dist: `.fc${n}` },
    sigRebuild: false,
    rpm: n >= 43 ? '6.0' : n >= 41 ? '4.20' : n >= 39 ? '4.19' : '4.18',
  };
}

function el(n: number, variant: '' | 'hs' | 'hsx' | 'hs-fb'): DistroProfile {
  const base: Record<string, string> = { rhel: String(n), centos: String(n), [`el${n}`]: '1', dist: `.el${n}` };
  const rpm = n >= 10 ? '4.19' : n === 9 ? '4.16' : '4.14';
  if (variant === '') return { id: `el${n}`, label: `CentOS Stream ${n} / EL${n}`, macros: base, sigRebuild: false, rpm };
  const dist = variant === 'hs' ? `.hs.el${n}` : variant === 'hsx' ? `.hsx.el${n}` : `.hs+fb.el${n}`;
  const macros: Record<string, string> = { ...base, centos_hs: '1', dist };
  if (variant === 'hs-fb') macros.facebook = '1';
  const what = variant === 'hs' ? 'main' : variant === 'hsx' ? 'experimental' : 'facebook';
  return { id: `el${n}-${variant}`, label: `Hyperscale ${what} (c${n}s, ${dist})`, macros, sigRebuild: true, rpm };
}

/** The built-in profiles, in picker order. */
export const PROFILES: DistroProfile[] = [
  fedora(FEDORA_RAWHIDE, `Fedora Rawhide (f${FEDORA_RAWHIDE})`),
  fedora(FEDORA_RAWHIDE - 1, `Fedora ${FEDORA_RAWHIDE - 1}`),
  fedora(FEDORA_RAWHIDE - 2, `Fedora ${FEDORA_RAWHIDE - 2}`),
  el(10, ''), el(9, ''), el(8, ''),
  el(10, 'hs'), el(9, 'hs'), el(10, 'hsx'), el(9, 'hsx'), el(10, 'hs-fb'), el(9, 'hs-fb'),
];

export const DEFAULT_PROFILE_ID = 'fedora-rawhide';

/**
 * The profile with `id` (or the default one), for `arch`, with user overrides applied
 * (an override value of null removes a macro).
 */
export function resolveProfile(id: string | undefined, arch = 'x86_64', overrides: Record<string, string | null> = {}): DistroProfile {
  const found = PROFILES.find((p) => p.id === id) ?? fedoraFromId(id) ?? PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!;
  const macros: Record<string, string> = { ...ARCH_MACROS(arch), ...found.macros };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete macros[k];
    else macros[k] = v;
  }
  return { ...found, macros };
}

/** Accepts ids like `fedora-41` that are not in the built-in list. */
function fedoraFromId(id: string | undefined): DistroProfile | undefined {
  const m = /^fedora-(\d{2,3})$/.exec(id ?? '');
  return m ? fedora(Number(m[1]), `Fedora ${m[1]}`) : undefined;
}

/** The setting value that picks the profile from the git branch the spec is checked out on. */
export const AUTO_PROFILE = 'auto';

/**
 * The profile a dist-git branch builds for: Fedora `rawhide`/`fNN`, EPEL `epelN`/`epel10.1` (built on EL N), CentOS Stream
 * `cNs`, and the Hyperscale SIG's branches (`c9s-hs`, `c10s-hsx`, `c9s-hs-fb`, or spelled out as
 * `c9s-sig-hyperscale[-experimental|-facebook]`). Undefined for other branches.
 */
export function profileForBranch(branch: string): string | undefined {
  if (branch === 'rawhide') return DEFAULT_PROFILE_ID;
  const f = /^f(\d{2,3})$/.exec(branch);
  if (f) return Number(f[1]) >= FEDORA_RAWHIDE ? DEFAULT_PROFILE_ID : `fedora-${Number(f[1])}`;
  const el = /^(?:epel(\d+)(?:\.\d+|-next)?|c(\d+)s)$/.exec(branch); // epel10.1: EPEL 10's minor branches
  if (el) return known(`el${el[1] ?? el[2]}`);
  const sig = /^c(\d+)s?-(?:hs(x)?(-fb)?|sig-hyperscale(-experimental)?(-facebook)?)$/.exec(branch);
  if (!sig) return undefined;
  const variant = sig[2] || sig[4] ? 'hsx' : sig[3] || sig[5] ? 'hs-fb' : 'hs';
  return known(`el${sig[1]}-${variant}`) ?? known(`el${sig[1]}`);
}

const known = (id: string): string | undefined => (PROFILES.some((p) => p.id === id) ? id : undefined);
