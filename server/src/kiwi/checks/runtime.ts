/**
 * Static versions of KIWI's runtime checks (kiwi/runtime_checker.py) that need no build: repositories,
 * version, volume rules (labels, reserved labels, oem-swapname without LVM), efifatimagesize, by-partuuid
 * without GPT, boot= without the kiwi initrd, imageinclude of a local
 * repository, collections and the package manager, dracut-kiwi modules for iso/oem types, archives/files
 * next to the description, config.sh/images.sh.
 */
import type { Finding } from '../../common/findings';
import { allFiles, type Description } from '../description';
import { collectionPackages } from './collections';
import type { ImageType } from '../model';
import { attrValue, children, descendants } from '../xml';
import { kiwiFinding as f } from './finding';

export function runtimeFindings(d: Description): Finding[] {
  const out: Finding[] = [];
  const file = d.file;
  const root = file.root!;
  const files = allFiles(d);
  const isMain = d.parent === undefined && file.schemaversion !== undefined;
  if (isMain) {
    if (!files.some((x) => x.repositories.length > 0)) {
      out.push(f('kiwi-no-repository', 'warning', 'No repositories configured: KIWI needs <repository> elements unless the build passes --set-repo/--add-repo (Koji/CBS does)', root.nameSpan));
    }
    const prefs = files.flatMap((x) => x.preferences);
    if (prefs.length && !prefs.some((p) => p.version)) {
      out.push(f('kiwi-no-version', 'error', 'No <version> in any <preferences>: KIWI requires an image version', prefs.find((p) => file.preferences.includes(p))?.node.nameSpan ?? root.nameSpan));
    }
  }
  const pm = files.flatMap((x) => x.preferences).map((p) => p.packagemanager).find((x) => x);
  for (const section of file.packages) {
    for (const e of section.entries) {
      if (e.kind === 'namedCollection' && pm && /^(apt|microdnf)/.test(pm.value)) {
        out.push(f('kiwi-collection-unsupported', 'error', `namedCollection is not supported with the ${pm.value} package manager`, e.nameSpan));
      }
      if (e.kind === 'collectionModule') {
        if (section.type !== 'bootstrap') out.push(f('kiwi-collection-module', 'error', 'collectionModule is only allowed in <packages type="bootstrap">', e.nameSpan));
        else if (pm && /^(zypper|apt)/.test(pm.value)) out.push(f('kiwi-collection-module', 'error', `collectionModule needs dnf; the package manager is ${pm.value}`, e.nameSpan));
      }
      if ((e.kind === 'archive' || e.kind === 'file') && !/^[a-z]+:\/\//.test(e.name) && !e.name.startsWith('/') && !d.exists(e.name)) {
        out.push(f(`kiwi-${e.kind}-missing`, 'error', `${e.kind} '${e.name}' not found next to the description`, e.nameSpan));
      }
    }
  }
  for (const pref of file.preferences) {
    for (const t of pref.types) out.push(...typeChecks(d, t));
  }
  // imageinclude copies the repository into the image's configuration: it must be reachable from there.
  for (const repo of file.repositories) {
    if (attrValue(repo.node, 'imageinclude') !== 'true') continue;
    const source = children(repo.node, 'source')[0]?.attrs.find((a) => a.name === 'path');
    if (source?.value && source.valueSpan && !/^(https?|ftp|obs):\/\//.test(source.value)) {
      out.push(f('kiwi-imageinclude-not-public', 'error', `imageinclude="true" needs a public repository (http, https, ftp, obs): ${source.value} is local to the build host`, source.valueSpan));
    }
  }
  out.push(...scriptHints(d));
  return out;
}

function typeChecks(d: Description, t: ImageType): Finding[] {
  const out: Finding[] = [];
  const efi = t.attr('efifatimagesize');
  if (efi?.value && /^\d+$/.test(efi.value) && Number(efi.value) > 31 && efi.valueSpan) {
    out.push(f('kiwi-efifatimagesize', 'error', `efifatimagesize ${efi.value} is too large: KIWI accepts at most 31 (MB)`, efi.valueSpan));
  }
  const disk = children(t.node, 'systemdisk')[0];
  // KIWI's volume management: LVM with a <systemdisk>, unless btrfs manages the volumes.
  const lvm = disk !== undefined && (attrValue(disk, 'preferlvm') === 'true' || (t.attr('filesystem')?.value ?? '') !== 'btrfs');
  const swapname = descendants(t.node, 'oem-swapname')[0];
  if (swapname && !lvm) {
    out.push(f('kiwi-swapname-without-lvm', 'error', `oem-swapname only names an LVM swap volume: without LVM the swap is a plain partition, and KIWI stops ("Specified swap space name: ${swapname.text.trim()} will not be used")`, swapname.nameSpan));
  }
  if (disk) {
    const volumes = children(disk, 'volume');
    const reserved = new Set([t.attr('rootfs_label')?.value || 'ROOT', 'SWAP', 'SPARE']);
    let all = 0;
    for (const v of volumes) {
      const label = v.attrs.find((a) => a.name === 'label');
      if (label?.value && label.valueSpan && !lvm && label.value !== 'SWAP') {
        out.push(f('kiwi-volume-label-without-lvm', 'error', 'a volume label only takes effect with LVM: btrfs manages its own volumes (set preferlvm="true" on <systemdisk>)', label.valueSpan));
      }
      if (label?.value && label.valueSpan && lvm && reserved.has(label.value) && attrValue(v, 'name') !== 'LVSwap') {
        out.push(f('kiwi-volume-reserved-label', 'error', `the label ${label.value} is reserved by KIWI (${[...reserved].join(', ')}): choose another`, label.valueSpan));
      }
      const mp = v.attrs.find((a) => a.name === 'mountpoint');
      if (mp?.value === '/' && mp.valueSpan) out.push(f('kiwi-volume-root-mountpoint', 'error', 'the root volume must be sized with <volume name="@root" …/>, not a "/" mountpoint', mp.valueSpan));
      const size = attrValue(v, 'size') ?? attrValue(v, 'freespace') ?? '';
      if (size.includes('all') && ++all === 2) out.push(f('kiwi-volume-multiple-all', 'error', "only one volume may take the remaining space (size=\"all\")", v.nameSpan));
    }
  }
  const firmware = t.attr('firmware')?.value;
  const persistency = t.attr('devicepersistency');
  // KIWI's FirmWare.get_partition_table_type: bios (x86 only) means msdos; EFI uses GPT unless efiparttable says msdos.
  const mbr = firmware === 'bios' ? 'firmware="bios"' : (firmware === 'efi' || firmware === 'uefi') && t.attr('efiparttable')?.value === 'msdos' ? 'efiparttable="msdos"' : undefined;
  if (persistency?.value === 'by-partuuid' && persistency.valueSpan && mbr) {
    out.push(f('kiwi-partuuid-without-gpt', 'error', `devicepersistency="by-partuuid" needs a GPT partition table, but ${mbr} makes an MBR one: use firmware="efi" or "uefi" with a GPT`, persistency.valueSpan));
  }
  const boot = t.attr('boot');
  // KIWI's initrd per type (XMLState.get_initrd_system): pxe defaults to kiwi, iso is always dracut.
  const initrdSystem = t.image === 'iso' ? 'dracut' : (t.attr('initrd_system')?.value ?? (t.image === 'pxe' ? 'kiwi' : 'dracut'));
  if (boot?.value && boot.valueSpan && initrdSystem !== 'kiwi') {
    out.push(f('kiwi-boot-without-kiwi-initrd', 'error', `boot="${boot.value}" selects a KIWI boot description, which only the kiwi initrd uses: add initrd_system="kiwi", or remove boot for dracut`, boot.valueSpan));
  }
  // dracut modules KIWI needs in the image for iso and oem types.
  const need: string[] = [];
  const image = t.image;
  const initrd = t.attr('initrd_system')?.value ?? 'dracut';
  if (image === 'iso' && t.attr('flags')?.value !== 'dmsquash') need.push('dracut-kiwi-live');
  if (image === 'oem' && initrd === 'dracut') {
    const resize = descendants(t.node, 'oem-resize')[0];
    if (!resize || resize.text.trim() !== 'false') need.push('dracut-kiwi-oem-repart');
    if (['installiso', 'installstick', 'installpxe'].some((a) => t.attr(a)?.value === 'true')) need.push('dracut-kiwi-oem-dump');
  }
  if (initrd === 'dracut' && t.attr('overlayroot')?.value === 'true') need.push('dracut-kiwi-overlay');
  if (need.length) {
    // Type-specific sections (`<packages type="iso">`) count too; delete/uninstall lists do not.
    const names = new Set(allFiles(d).flatMap((x) => x.packages.filter((p) => p.type !== 'delete' && p.type !== 'uninstall').flatMap((p) => p.entries.map((e) => e.name))));
    // Collections may bring it: when the comps say which packages they install, those count; when they
    // cannot (no comps, an unknown group), nothing is reported.
    const collections = allFiles(d).some((x) => x.packages.some((p) => p.entries.some((e) => e.kind === 'namedCollection' || e.name.startsWith('@'))));
    const fromCollections = collections ? collectionPackages(d) : new Set<string>();
    for (const pkg of need) {
      if (names.has(pkg) || !fromCollections || fromCollections.has(pkg)) continue;
      const why = collections ? `; the collections it installs do not list it in comps (${d.comps!.describeSources()})` : '';
      out.push(f('kiwi-dracut-package-missing', 'error', `the ${image} type needs the package ${pkg} in <packages type="image"> (or type="${image}")${why}`, t.imageSpan));
    }
  }
  return out;
}

function scriptHints(d: Description): Finding[] {
  if (d.parent || !d.file.schemaversion) return [];
  const out: Finding[] = [];
  for (const name of ['config.sh', 'images.sh']) {
    const text = d.neighbour(name);
    if (text === undefined) continue;
    if (!text.startsWith('#!')) {
      out.push(f('kiwi-script-shebang', 'information', `${name} next to this description has no #! line: KIWI runs it with bash inside the image; start it with #!/bin/bash`, d.file.root!.nameSpan));
    }
  }
  return out;
}
