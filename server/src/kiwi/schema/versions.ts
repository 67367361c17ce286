/**
 * What changed in KIWI's schema after the schema a user's kiwi may ship (Debian 12: kiwi 9.24, schema
 * 7.5), so documents for newer KIWI are not flagged for what the installed schema does not know yet, and
 * things the upgrade stylesheets remove or rename are reported. Facts only (names, versions), from:
 * - OSInside/kiwi kiwi/xsl/convertXXtoYY.xsl (renames/removals, cited per entry);
 * - the corpus (../shared/corpus/kiwi, SOURCES.tsv): descriptions that KIWI 10.3.9 accepts but that jing
 *   rejects with the 7.5 schema use these additions.
 */

export interface Addition {
  element?: string;
  attribute?: string;
  /** A new value of an attribute (or of the element's text when `attribute` is undefined). */
  value?: string;
  /** The schemaversion that has it, when known. */
  since: string;
  /** Any text value of the element is accepted (the newer schema relaxed its pattern). */
  anyText?: boolean;
  note?: string;
}

/** Elements, attributes and values newer than schema 7.5 (KIWI 10.x, schema up to 8.5). */
export const ADDITIONS: Addition[] = [
  { element: 'packagemanager', value: 'dnf4', since: '7.6', note: 'convert75to76.xsl renames dnf to dnf4' },
  { element: 'packagemanager', value: 'dnf5', since: '7.6' },
  { element: 'bootloader', attribute: 'output_console', since: '8.4', note: 'convert83to84.xsl splits console' },
  { element: 'bootloader', attribute: 'input_console', since: '8.4', note: 'convert83to84.xsl splits console' },
  { element: 'type', attribute: 'btrfs_root_is_snapper_snapshot', since: '8.3', note: 'convert82to83.xsl renames btrfs_root_is_snapshot' },
  { element: 'bootloader', attribute: 'bls', since: '8.0' },
  { element: 'bootloadersettings', since: '8.0' },
  { element: 'type', attribute: 'eficsm', since: '8.0' },
  { element: 'type', attribute: 'erofscompression', since: '8.0' },
  { element: 'type', attribute: 'btrfs_root_is_subvolume', since: '8.0' },
  { element: 'type', attribute: 'btrfs_set_default_volume', since: '8.0' },
  { element: 'type', attribute: 'overlayroot_readonly_filesystem', since: '8.0' },
  { element: 'type', attribute: 'application_id', since: '8.0' },
  { element: 'type', attribute: 'rootpart_id', since: '8.0' },
  { element: 'type', attribute: 'efipart_id', since: '8.0' },
  { element: 'type', attribute: 'eficsmpart_id', since: '8.0' },
  { element: 'type', attribute: 'bootpart_id', since: '8.0' },
  { element: 'type', attribute: 'luks_pbkdf', since: '8.0' },
  { element: 'type', attribute: 'filesystem', value: 'erofs', since: '8.0' },
  { element: 'type', attribute: 'image', value: 'erofs', since: '8.0' },
  { element: 'type', attribute: 'image', value: 'wsl', since: '8.0' },
  { element: 'partition', attribute: 'part_id', since: '8.0' },
  { element: 'volume', attribute: 'parent', since: '8.0' },
  { element: 'initrd', since: '8.0' },
  { element: 'dracut', attribute: 'uefi', since: '8.0' },
  { element: 'initrd', attribute: 'action', value: 'setup', since: '8.0' },
  { element: 'file', since: '8.0', note: '<file> in <packages>' },
  { element: 'file', attribute: 'target', since: '8.0' },
  { element: 'stopsignal', since: '8.0' },
  { element: 'bootloader', attribute: 'name', value: 'zipl', since: '8.0' },
  { element: 'bootloader', attribute: 'name', value: 'systemd_boot', since: '7.5' },
  { element: 'locale', since: '8.0', anyText: true, note: 'locale values such as C.UTF-8' },
];

export interface Removal {
  element: string;
  attribute?: string;
  /** The old value (for value renames). */
  value?: string;
  /** From this schemaversion on, the old form is invalid. */
  removedIn: string;
  replacement: string;
  source: string;
}

/** What the upgrade stylesheets remove or rename (applied automatically to older documents). */
export const REMOVALS: Removal[] = [
  { element: 'packagemanager', value: 'dnf', removedIn: '7.6', replacement: 'dnf4 (or dnf5)', source: 'convert75to76.xsl' },
  { element: 'repository', attribute: 'type', value: 'rpm-dir', removedIn: '8.1', replacement: 'no type attribute (rpm-dir is detected)', source: 'convert80to81.xsl' },
  { element: 'repository', attribute: 'use_for_bootstrap', removedIn: '8.2', replacement: 'nothing (the attribute is obsolete)', source: 'convert81to82.xsl' },
  { element: 'type', attribute: 'btrfs_root_is_snapshot', removedIn: '8.3', replacement: 'btrfs_root_is_snapper_snapshot', source: 'convert82to83.xsl' },
  { element: 'bootloader', attribute: 'console', removedIn: '8.4', replacement: 'output_console and input_console', source: 'convert83to84.xsl' },
  { element: 'type', attribute: 'vga', removedIn: '8.5', replacement: 'nothing (set the console mode on kernelcmdline)', source: 'convert84to85.xsl' },
];

/** The newest schemaversion we know of. */
export const LATEST_KNOWN = '8.5';
/** KIWI rejects older documents ("Schema version must be >= 7.4"). */
export const OLDEST_SUPPORTED = '7.4';

/** Compares `7.10`-style versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Is this problem (element/attribute/value unknown to the installed schema) a known later addition? */
export function knownAddition(element: string, attribute: string | undefined, value: string | undefined): Addition | undefined {
  return ADDITIONS.find((a) => {
    if (a.element !== element) return false;
    if (value !== undefined) return (a.attribute === attribute && a.value === value) || (attribute === undefined && a.anyText === true);
    if (attribute !== undefined) return a.attribute === attribute && a.value === undefined;
    return a.attribute === undefined && a.value === undefined && !a.anyText;
  });
}
