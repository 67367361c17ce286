// Files a spec reads macros from (%include, %{load:}) and the names such files define.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../../server/src/rpm/parser';
import { macroFileRefs, macroNamesDefinedIn } from '../../../server/src/rpm/macroFiles';

const SPEC = [
  'Name: x',                                                   // 0
  'Source0: https://example.org/x-1.tar.gz',                   // 1
  'Source1: grub.macros',                                      // 2
  'Source4: https://example.org/dl/v1.tar.gz#/macros.vagrant', // 3
  '%include %{SOURCE1}',                                       // 4
  '%{load:%{SOURCE4}}',                                        // 5
  '%include %{_sourcedir}/version.spec.inc',                   // 6
  '%include %{name}.inc',                                      // 7
  '%include ../../etc/passwd',                                 // 8
  '%package tools',                                            // 9
  'Summary: t',                                                // 10
  'Source9: late.inc',                                         // 11
  '%include %{SOURCE9}',                                       // 12
  'echo %include no',                                          // 13
  'Source10: macros.%{name}',                                  // 14
  '%{load:%{SOURCE10}}',                                       // 15
  '%include %{_sourcedir}/%{name}-%{version}.inc',             // 16
].join('\n');

test('%include lines and %{load:} references, with the file each names among the sources', () => {
  const doc = parseSpec(SPEC);
  const refs = macroFileRefs(doc).map((r) => ({ kind: r.kind, line: r.line, written: r.written, shown: r.shown, file: r.file, text: SPEC.slice(r.span.start, r.span.end) }));
  assert.deepEqual(refs, [
    { kind: 'include', line: 4, written: '%{SOURCE1}', shown: '%include %{SOURCE1}', file: 'grub.macros', text: '%include %{SOURCE1}' },
    { kind: 'load', line: 5, written: '%{SOURCE4}', shown: '%{load:%{SOURCE4}}', file: 'macros.vagrant', text: '%{load:%{SOURCE4}}' },
    { kind: 'include', line: 6, written: '%{_sourcedir}/version.spec.inc', shown: '%include %{_sourcedir}/version.spec.inc', file: 'version.spec.inc', text: '%include %{_sourcedir}/version.spec.inc' },
    // The spec's own Name expands.
    { kind: 'include', line: 7, written: '%{name}.inc', shown: '%include %{name}.inc', file: 'x.inc', text: '%include %{name}.inc' },
    // A way out of the folder is never followed.
    { kind: 'include', line: 8, written: '../../etc/passwd', shown: '%include ../../etc/passwd', file: undefined, text: '%include ../../etc/passwd' },
    // SourceN after a %package is still the spec's source.
    { kind: 'include', line: 12, written: '%{SOURCE9}', shown: '%include %{SOURCE9}', file: 'late.inc', text: '%include %{SOURCE9}' },
    { kind: 'load', line: 15, written: '%{SOURCE10}', shown: '%{load:%{SOURCE10}}', file: 'macros.x', text: '%{load:%{SOURCE10}}' },
    // Version is not in this spec: unknown without a build.
    { kind: 'include', line: 16, written: '%{_sourcedir}/%{name}-%{version}.inc', shown: '%include %{_sourcedir}/%{name}-%{version}.inc', file: undefined, text: '%include %{_sourcedir}/%{name}-%{version}.inc' },
  ]);
});

test('names a macro file or spec fragment defines; continuation lines and directives are not definitions', () => {
  const text = [
    '# comment',
    '%vagrant_plugin_dir %{vagrant_dir}/plugins',
    '%vagrant_plugin_conf(f:) \\',
    '%some_line_inside_the_body x \\',
    '%{nil}',
    '%global with_efi_arch 1',
    '%if 0%{?fedora}',
    '  %define grubefiarch x64',
    '%endif',
    '%package extra',
    '%description extra',
    '%flag_without_body',
  ].join('\n');
  assert.deepEqual(macroNamesDefinedIn(text), ['vagrant_plugin_dir', 'vagrant_plugin_conf', 'with_efi_arch', 'grubefiarch']);
});
