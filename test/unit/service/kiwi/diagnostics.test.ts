// KIWI description checks through the service, with a memory workspace: exact codes, ranges, messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPS, diag, image } from './helpers';

const WS = '/ws/desc/appliance.kiwi';
/** In koji mode, on the `<repository>` of `image()`. */
const KOJI_REPO = "kiwi-koji-repository-ignored information 9:4-9:14 Koji/CBS removes this repository: the image is built from the build tag's repo and the URLs given with koji kiwi-build --repo";
const withComps = (text: string, extra: Record<string, string> = {}) => ({ [WS]: text, '/ws/comps-f41.xml': COMPS, ...extra });

test('a valid description is clean', async () => {
  assert.deepEqual(await diag(withComps(image('  <packages type="image"><namedCollection name="core"/><package name="vim"/></packages>')), WS), []);
});

test('a comps environment is a Koji warning (an error in koji mode) on the name', async () => {
  const text = image('  <packages type="image">\n    <namedCollection name="cloud-server-environment"/>\n  </packages>');
  const expected = "kiwi-environment-group warning 11:28-11:52 'cloud-server-environment' is a comps environment (Fedora Cloud Server): Koji/CBS repositories carry no environment groups, only plain groups; list its groups instead (core, cloud-server)";
  assert.deepEqual(await diag(withComps(text), WS), [expected]);
  assert.deepEqual(await diag(withComps(text), WS, { kiwi: { mode: 'koji' } }), [KOJI_REPO, expected.replace(' warning ', ' error ')]);
});

test('@group and @^environment packages; unknown ids are errors naming the comps source', async () => {
  const text = image('  <packages type="image">\n    <package name="@standard"/>\n    <package name="@^cloud-server-environment"/>\n    <package name="@nosuch"/>\n    <package name="@^core"/>\n  </packages>');
  assert.deepEqual(await diag(withComps(text), WS), [
    "kiwi-environment-group warning 12:22-12:46 'cloud-server-environment' is a comps environment (Fedora Cloud Server): Koji/CBS repositories carry no environment groups, only plain groups; list its groups instead (core, cloud-server)",
    "kiwi-group-not-found error 13:21-13:27 group 'nosuch' not found in comps (comps-f41.xml)",
    "kiwi-group-not-found error 14:22-14:26 environment 'core' not found in comps (comps-f41.xml)",
  ]);
});

test('comps from the compsFiles setting (relative to the workspace) win over workspace comps; no comps, no collection checks', async () => {
  const text = image('  <packages type="image"><namedCollection name="nosuch"/></packages>');
  const files = { [WS]: text, '/ws/data/mycomps.xml': COMPS };
  assert.deepEqual(await diag(files, WS, { kiwi: { compsFiles: ['data/mycomps.xml'], workspaceComps: false } }), [
    "kiwi-group-not-found error 10:49-10:55 group 'nosuch' not found in comps (mycomps.xml)",
  ]);
  assert.deepEqual(await diag({ [WS]: text }, WS), []);
  assert.deepEqual(await diag({ [WS]: text }, WS, { kiwi: { compsFiles: ['missing.xml'] } }), [
    'kiwi-comps-unavailable information 2:2-2:7 comps file not found: /ws/missing.xml',
  ]);
});

test('zypper collections are patterns, not comps groups', async () => {
  const text = image('  <packages type="image"><namedCollection name="base_pattern"/></packages>', { pm: 'zypper' });
  assert.deepEqual(await diag(withComps(text), WS), []);
});

test('profiles: undefined references, duplicates', async () => {
  const text = image([
    '  <profiles>',
    '    <profile name="A" description="a"/>',
    '    <profile name="B" description="b"><requires profile="Z"/></profile>',
    '    <profile name="A" description="again"/>',
    '  </profiles>',
    '  <packages type="image" profiles="A,Nope"><package name="x"/></packages>',
  ].join('\n'));
  assert.deepEqual(await diag({ [WS]: text }, WS), [
    "kiwi-profile-undefined warning 12:58-12:59 profile 'Z' is not defined: KIWI ignores the reference",
    "kiwi-profile-duplicate error 13:20-13:21 profile 'A' is defined more than once",
    "kiwi-profile-undefined warning 15:38-15:42 profile 'Nope' is not defined: KIWI ignores the reference",
  ]);
});

test('the same image type twice in one selection (not across architectures); no type at all', async () => {
  const text = [
    '<image schemaversion="7.4" name="d">',
    '  <profiles><profile name="P" description="p"/></profiles>',
    '  <preferences><version>1</version><packagemanager>dnf</packagemanager></preferences>',
    '  <preferences profiles="P" arch="x86_64"><type image="docker"/></preferences>',
    '  <preferences profiles="P" arch="aarch64"><type image="docker"/></preferences>',
    '  <preferences profiles="P"><type image="docker"/></preferences>',
    '  <repository><source path="x"/></repository>',
    '</image>',
  ].join('\n');
  assert.deepEqual(await diag({ [WS]: text }, WS), [
    "kiwi-type-duplicate error 4:56-4:62 image type 'docker' is defined twice for profile 'P' (x86_64): KIWI cannot tell which to build",
    "kiwi-type-duplicate error 5:57-5:63 image type 'docker' is defined twice for profile 'P' (aarch64): KIWI cannot tell which to build",
  ]);
  const none = '<image schemaversion="7.4" name="d">\n  <preferences><version>1</version></preferences>\n  <repository><source path="x"/></repository>\n</image>';
  assert.deepEqual(await diag({ [WS]: none }, WS), ['kiwi-no-default-type error 2:4-2:15 no <type> in any <preferences>: KIWI has no image type to build']);
});

test('includes: missing file, root not <image>, nested include, non-this:// in koji mode', async () => {
  const text = image([
    '  <include from="this://./parts/ok.xml"/>',
    '  <include from="this://./parts/missing.xml"/>',
    '  <include from="this://./parts/notimage.xml"/>',
    '  <include from="this://./parts/nested.xml"/>',
    '  <include from="this://../../etc/passwd"/>',
    '  <include from="https://example.org/x.xml"/>',
  ].join('\n'));
  const files = {
    [WS]: text,
    '/ws/desc/parts/ok.xml': '<image><packages type="image"><package name="a"/></packages></image>',
    '/ws/desc/parts/notimage.xml': '<packages/>',
    '/ws/desc/parts/nested.xml': '<image><include from="this://ok.xml"/></image>',
  };
  const expected = [
    "kiwi-include-missing error 11:18-11:44 included file 'parts/missing.xml' not found",
    "kiwi-include-not-image error 12:18-12:45 included file 'parts/notimage.xml' has root <packages>, but KIWI needs <image>",
    "kiwi-include-nested error 13:18-13:43 'parts/nested.xml' includes other files, and KIWI does not resolve includes inside included files",
    "kiwi-include-missing error 14:18-14:41 'this://../../etc/passwd' points outside the description folder",
  ];
  assert.deepEqual(await diag(files, WS), expected);
  assert.deepEqual(await diag(files, WS, { kiwi: { mode: 'koji' } }), [
    KOJI_REPO,
    ...expected,
    "kiwi-include-not-local error 15:18-15:43 'https://example.org/x.xml' is not a this:// include: a Koji/CBS build only has the description folder",
  ]);
});

test('a fragment sees the profiles of the description that includes it; its own includes are nested', async () => {
  const main = image('  <profiles><profile name="Cloud" description="c"/></profiles>\n  <include from="this://./frag.xml"/>');
  const frag = '<image>\n  <packages type="image" profiles="Cloud,Typo"><package name="x"/></packages>\n  <include from="this://./other.xml"/>\n</image>';
  const files = { [WS]: main, '/ws/desc/frag.xml': frag, '/ws/desc/other.xml': '<image/>' };
  assert.deepEqual(await diag(files, '/ws/desc/frag.xml'), [
    "kiwi-profile-undefined warning 2:42-2:46 profile 'Typo' is not defined: KIWI ignores the reference",
    'kiwi-include-nested error 3:18-3:36 nested include: this file is included by appliance.kiwi, and KIWI does not resolve includes inside included files',
  ]);
});

test('KIWI runtime rules: no repository, no version, volumes, efifatimagesize', async () => {
  const text = [
    '<image schemaversion="7.4" name="d">',
    '  <preferences><packagemanager>dnf</packagemanager>',
    '    <type image="oem" filesystem="btrfs" efifatimagesize="64"><oemconfig><oem-resize>false</oem-resize></oemconfig>',
    '      <systemdisk><volume name="home" label="HOME" size="all"/><volume name="x" mountpoint="/" size="all"/></systemdisk>',
    '    </type>',
    '  </preferences>',
    '</image>',
  ].join('\n');
  assert.deepEqual(await diag({ [WS]: text }, WS), [
    'kiwi-no-repository warning 1:2-1:7 No repositories configured: KIWI needs <repository> elements unless the build passes --set-repo/--add-repo (Koji/CBS does)',
    'kiwi-no-version error 2:4-2:15 No <version> in any <preferences>: KIWI requires an image version',
    'kiwi-efifatimagesize error 3:59-3:61 efifatimagesize 64 is too large: KIWI accepts at most 31 (MB)',
    'kiwi-volume-label-without-lvm error 4:46-4:50 a volume label only takes effect with LVM: btrfs manages its own volumes (set preferlvm="true" on <systemdisk>)',
    'kiwi-volume-multiple-all error 4:65-4:71 only one volume may take the remaining space (size="all")',
    'kiwi-volume-root-mountpoint error 4:93-4:94 the root volume must be sized with <volume name="@root" …/>, not a "/" mountpoint',
  ]);
});

test('KIWI runtime rules: reserved LVM labels, oem-swapname without LVM, by-partuuid on MBR, boot= without the kiwi initrd, imageinclude of a local repository', async () => {
  const text = [
    '<image schemaversion="7.4" name="d">',
    '  <preferences><version>1.0.0</version><packagemanager>dnf</packagemanager>',
    '    <type image="oem" filesystem="xfs" firmware="bios" devicepersistency="by-partuuid" boot="oemboot/suse"><oemconfig><oem-resize>false</oem-resize></oemconfig>',
    '      <systemdisk><volume name="var" label="SPARE"/><volume name="LVSwap" label="SWAP"/></systemdisk>',
    '    </type>',
    '    <type image="oem" filesystem="btrfs" firmware="efi" devicepersistency="by-partuuid" initrd_system="kiwi" boot="oemboot/suse"><oemconfig><oem-resize>false</oem-resize><oem-swapname>swap</oem-swapname></oemconfig></type>',
    '    <type image="pxe" boot="netboot/suse"/>',
    '    <type image="oem" firmware="uefi" efiparttable="msdos" devicepersistency="by-partuuid"/>',
    '  </preferences>',
    '  <repository type="rpm-md" imageinclude="true"><source path="dir:///srv/repo"/></repository>',
    '  <repository type="rpm-md" imageinclude="true"><source path="https://example.org/repo"/></repository>',
    '  <packages type="image"><package name="dracut-kiwi-oem-repart"/></packages>',
    '</image>',
  ].join('\n');
  const codes = ['kiwi-volume-reserved-label', 'kiwi-swapname-without-lvm', 'kiwi-partuuid-without-gpt', 'kiwi-boot-without-kiwi-initrd', 'kiwi-imageinclude-not-public'];
  assert.deepEqual(await diag({ [WS]: text }, WS, {}, codes), [
    'kiwi-partuuid-without-gpt error 3:75-3:86 devicepersistency="by-partuuid" needs a GPT partition table, but firmware="bios" makes an MBR one: use firmware="efi" or "uefi" with a GPT',
    'kiwi-boot-without-kiwi-initrd error 3:94-3:106 boot="oemboot/suse" selects a KIWI boot description, which only the kiwi initrd uses: add initrd_system="kiwi", or remove boot for dracut',
    'kiwi-volume-reserved-label error 4:45-4:50 the label SPARE is reserved by KIWI (ROOT, SWAP, SPARE): choose another',
    'kiwi-swapname-without-lvm error 6:172-6:184 oem-swapname only names an LVM swap volume: without LVM the swap is a plain partition, and KIWI stops ("Specified swap space name: swap will not be used")',
    'kiwi-partuuid-without-gpt error 8:79-8:90 devicepersistency="by-partuuid" needs a GPT partition table, but efiparttable="msdos" makes an MBR one: use firmware="efi" or "uefi" with a GPT',
    'kiwi-imageinclude-not-public error 10:63-10:78 imageinclude="true" needs a public repository (http, https, ftp, obs): dir:///srv/repo is local to the build host',
  ]);
});

test('dracut-kiwi modules for iso and oem types', async () => {
  const text = [
    '<image schemaversion="7.4" name="d">',
    '  <preferences><version>1</version><packagemanager>dnf</packagemanager>',
    '    <type image="iso"/>',
    '    <type image="oem" installiso="true"/>',
    '  </preferences>',
    '  <repository><source path="x"/></repository>',
    '  <packages type="image"><package name="kernel"/></packages>',
    '  <packages type="oem"><package name="dracut-kiwi-oem-dump"/></packages>',
    '</image>',
  ].join('\n');
  assert.deepEqual(await diag({ [WS]: text }, WS), [
    'kiwi-dracut-package-missing error 3:18-3:21 the iso type needs the package dracut-kiwi-live in <packages type="image"> (or type="iso")',
    'kiwi-dracut-package-missing error 4:18-4:21 the oem type needs the package dracut-kiwi-oem-repart in <packages type="image"> (or type="oem")',
  ]);
  const dmsquash = '<image schemaversion="7.4" name="d">\n  <preferences><version>1</version><type image="iso" flags="dmsquash"/></preferences>\n  <repository><source path="x"/></repository>\n</image>';
  assert.deepEqual(await diag({ [WS]: dmsquash }, WS), []);
});

test('dracut-kiwi modules brought by collections count when the comps say so', async () => {
  const live = (packages: string) => [
    '<image schemaversion="7.4" name="d">',
    '  <preferences><version>1</version><packagemanager>dnf</packagemanager><type image="iso"/></preferences>',
    '  <repository><source path="x"/></repository>',
    `  <packages type="image">${packages}</packages>`,
    '</image>',
  ].join('\n');
  const liveGroup = '<comps><group><id>live-tools</id><name>Live</name><packagelist><packagereq type="default">dracut-kiwi-live</packagereq><packagereq type="optional">dracut-kiwi-overlay</packagereq></packagelist></group></comps>';
  const missing = 'kiwi-dracut-package-missing error 2:85-2:88 the iso type needs the package dracut-kiwi-live in <packages type="image"> (or type="iso")';
  // The groups (also through an environment's grouplist) do not list it: reported, saying so.
  assert.deepEqual(await diag(withComps(live('<namedCollection name="core"/><namedCollection name="cloud-server-environment"/>')), WS, {}, ['kiwi-dracut-package-missing']), [
    `${missing}; the collections it installs do not list it in comps (comps-f41.xml)`,
  ]);
  // A group that lists it (as a default package): nothing.
  assert.deepEqual(await diag(withComps(live('<namedCollection name="core"/><package name="@live-tools"/>'), { '/ws/comps-live.xml': liveGroup }), WS, {}, ['kiwi-dracut-package-missing']), []);
  // A collection the comps do not have, or no comps at all: the collection may bring it, nothing is said.
  assert.deepEqual(await diag(withComps(live('<namedCollection name="nosuch"/>')), WS, {}, ['kiwi-dracut-package-missing']), []);
  assert.deepEqual(await diag({ [WS]: live('<namedCollection name="core"/>') }, WS, {}, ['kiwi-dracut-package-missing']), []);
  // Listed by name: nothing, collections or not.
  assert.deepEqual(await diag(withComps(live('<namedCollection name="core"/><package name="dracut-kiwi-live"/>')), WS, {}, ['kiwi-dracut-package-missing']), []);
});

test('collections with apt, collectionModule placement, archives next to the description', async () => {
  const text = [
    '<image schemaversion="7.4" name="d">',
    '  <preferences><version>1</version><packagemanager>apt</packagemanager><type image="docker"/></preferences>',
    '  <repository><source path="x"/></repository>',
    '  <packages type="image"><namedCollection name="base"/><collectionModule name="nodejs"/><archive name="root.tar.gz"/><archive name="here.tar"/></packages>',
    '</image>',
  ].join('\n');
  assert.deepEqual(await diag({ [WS]: text, '/ws/desc/here.tar': 'x' }, WS), [
    'kiwi-collection-unsupported error 4:49-4:53 namedCollection is not supported with the apt package manager',
    'kiwi-collection-module error 4:80-4:86 collectionModule is only allowed in <packages type="bootstrap">',
    "kiwi-archive-missing error 4:104-4:115 archive 'root.tar.gz' not found next to the description",
  ]);
});

test('config.sh without #! gets a hint; YAML descriptions are recognised and not parsed as XML', async () => {
  const text = image('');
  assert.deepEqual(await diag({ [WS]: text, '/ws/desc/config.sh': 'set -e\n' }, WS), [
    'kiwi-script-shebang information 2:2-2:7 config.sh next to this description has no #! line: KIWI runs it with bash inside the image; start it with #!/bin/bash',
  ]);
  assert.deepEqual(await diag({ [WS]: 'image:\n  _attributes:\n    name: x\n' }, WS), ['kiwi-not-xml information 1:1-1:7 KIWI YAML/TOML markup is not validated (only XML descriptions are)']);
});

test('XML errors are reported where they are; DOCTYPE and entities are never expanded', async () => {
  assert.deepEqual(await diag({ [WS]: '<image schemaversion="7.4" name="d">\n  <preferences attr=>\n</image>' }, WS, {}, ['kiwi-xml-syntax']), [
    "kiwi-xml-syntax error 2:21-2:22 XML syntax error: expected a quoted value but found '>'",
  ]);
  const bomb = '<?xml version="1.0"?>\n<!DOCTYPE image [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<image schemaversion="7.4" name="&b;&x;">\n</image>';
  const out = await diag({ [WS]: bomb }, WS, {}, ['kiwi-doctype-ignored', 'kiwi-xml-syntax']);
  assert.deepEqual(out, ['kiwi-doctype-ignored warning 2:1-6:3 DOCTYPE declarations are ignored: entities are never expanded']);
});

test('koji mode: Koji reads <version> from the description file alone, and replaces its repositories (koji plugins/builder/kiwi.py)', async () => {
  const main = image('  <include from="this://./prefs.xml"/>', { version: false });
  const frag = '<image>\n  <preferences><version>2.0</version></preferences>\n  <repository imageinclude="true"><source path="https://example.org/extra"/></repository>\n</image>';
  const files = { [WS]: main, '/ws/desc/prefs.xml': frag };
  // A local kiwi-ng build takes the fragment's version: nothing to say in dnf mode.
  assert.deepEqual(await diag(files, WS), []);
  assert.deepEqual(await diag(files, WS, { kiwi: { mode: 'koji' } }), [
    'kiwi-koji-version-in-include error 4:4-4:15 <version> is only in the included prefs.xml: Koji reads the image version from this file before it resolves includes, and stops with "Description file doesn\'t contain preferences/version"; move <version> into a <preferences> here',
    KOJI_REPO.replace('9:4-9:14', '8:4-8:14'),
  ]);
  // The fragment's repository goes too, and with it imageinclude.
  assert.deepEqual(await diag(files, '/ws/desc/prefs.xml', { kiwi: { mode: 'koji' } }), [
    "kiwi-koji-repository-ignored information 3:4-3:14 Koji/CBS removes this repository: the image is built from the build tag's repo and the URLs given with koji kiwi-build --repo; imageinclude=\"true\" does not put it into the image either",
  ]);
  // With the version in the description itself, only the repository note is left.
  assert.deepEqual(await diag({ [WS]: image(''), '/ws/desc/prefs.xml': frag }, WS, { kiwi: { mode: 'koji' } }), [KOJI_REPO]);
});
