/**
 * The skeleton of a new spec, offered by completion in an empty `.spec` file (what `rpmdev-newspec` gives,
 * as a snippet): the name from the file name, the packager from the changelog settings, today's date.
 * It builds with rpm's standard macros on Fedora and EL alike (`%{?dist}`, an explicit %changelog rather
 * than rpmautospec, which EL8 lacks).
 */
import { formatChangelogDate } from '../../rpm/changelog';
import type { Settings } from '../settings';
import type { Span } from '../../common/findings';
import type { CompletionRecord } from '../types';

/** `name` is the spec's file name without `.spec` (or undefined for an unsaved one). */
export function newSpecItem(name: string | undefined, settings: Settings, now: Date, replace: Span): CompletionRecord {
  const esc = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const who = esc(settings.changelog.name || 'Your Name');
  const mail = esc(settings.changelog.email || 'you@example.org');
  const pkg = name && /^[A-Za-z0-9._+-]+$/.test(name) ? name : 'package-name';
  const body = [
    `Name:           \${1:${esc(pkg)}}`,
    'Version:        ${2:1.0}',
    'Release:        1%{?dist}',
    'Summary:        ${3:One line about the package}',
    '',
    'License:        ${4:MIT}',
    'URL:            ${5:https://example.org/%{name\\}}',
    'Source:         %{url}/archive/v%{version}/%{name}-%{version}.tar.gz',
    '',
    'BuildRequires:  gcc',
    'BuildRequires:  make',
    '',
    '%description',
    '${6:What the package is, in a few sentences.}',
    '',
    '%prep',
    '%autosetup -p1',
    '',
    '%build',
    '%configure',
    '%make_build',
    '',
    '%install',
    '%make_install',
    '',
    '%files',
    '%license ${7:LICENSE}',
    '%doc ${8:README.md}',
    '%{_bindir}/%{name}',
    '',
    '%changelog',
    `* ${formatChangelogDate(now)} ${who} <${mail}> - \${2}-1`,
    '- Initial package',
    '',
  ].join('\n');
  return {
    label: 'new spec file', kind: 'snippet', detail: `${pkg}.spec skeleton (rpmdev-newspec style)`,
    documentation: 'The preamble, the build sections, `%files` and a first `%changelog` entry, for Fedora and EL alike.',
    insertText: body, snippet: true, replace, sortText: '0', filterText: 'Name',
  };
}
