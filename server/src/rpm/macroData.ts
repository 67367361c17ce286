/**
 * Macros that exist without being defined in the spec: rpm's own (rpm 4.18-4.20 `macros` file and
 * built-ins), redhat-rpm-config, Fedora/EPEL macro packages, rpmautospec and common language ecosystems.
 * `value` is the usual value on a Fedora/EL x86_64 build (used for hover and expansion); `params` marks
 * parametric macros. Names and values are facts; the one-line docs are ours.
 */

export interface MacroInfo {
  name: string;
  doc: string;
  value?: string;
  params?: boolean;
  /** Where the macro comes from. */
  from: string;
}

type Row = [name: string, doc: string, value?: string, params?: boolean];

const DIRS: Row[] = [
  ['_prefix', 'Installation prefix.', '/usr'],
  ['_exec_prefix', 'Prefix for architecture-dependent files.', '%{_prefix}'],
  ['_bindir', 'User executables.', '%{_exec_prefix}/bin'],
  ['_sbindir', 'System administration executables (merged into /usr/bin on Fedora >= 42).', '%{_exec_prefix}/sbin'],
  ['_libexecdir', 'Program helpers not run by users.', '%{_exec_prefix}/libexec'],
  ['_datadir', 'Architecture-independent data.', '%{_prefix}/share'],
  ['_datarootdir', 'Root of read-only architecture-independent data.', '%{_prefix}/share'],
  ['_sysconfdir', 'Configuration files.', '/etc'],
  ['_sharedstatedir', 'Modifiable architecture-independent data.', '/var/lib'],
  ['_localstatedir', 'Modifiable single-machine data.', '/var'],
  ['_lib', 'Library directory name: lib64 on 64-bit, lib on 32-bit.', 'lib64'],
  ['_libdir', 'Libraries for this architecture.', '%{_prefix}/%{_lib}'],
  ['_includedir', 'C headers.', '%{_prefix}/include'],
  ['_oldincludedir', 'Old-style C headers.', '/usr/include'],
  ['_infodir', 'Info pages.', '%{_datadir}/info'],
  ['_mandir', 'Man pages.', '%{_datadir}/man'],
  ['_docdir', 'Documentation.', '%{_datadir}/doc'],
  ['_defaultdocdir', 'Default documentation directory.', '%{_datadir}/doc'],
  ['_defaultlicensedir', 'Default license directory.', '%{_datadir}/licenses'],
  ['_initddir', 'SysV init scripts.', '%{_sysconfdir}/rc.d/init.d'],
  ['_initrddir', 'SysV init scripts (old name).', '%{_sysconfdir}/rc.d/init.d'],
  ['_rundir', 'Run-time variable data.', '/run'],
  ['_usr', '/usr.', '/usr'],
  ['_usrsrc', 'Source code directory.', '%{_usr}/src'],
  ['_var', '/var.', '/var'],
  ['_tmppath', 'Temporary files during the build.', '%{_var}/tmp'],
  ['_unitdir', 'systemd system units.', '/usr/lib/systemd/system'],
  ['_userunitdir', 'systemd user units.', '/usr/lib/systemd/user'],
  ['_presetdir', 'systemd presets.', '/usr/lib/systemd/system-preset'],
  ['_userpresetdir', 'systemd user presets.', '/usr/lib/systemd/user-preset'],
  ['_udevrulesdir', 'udev rules.', '/usr/lib/udev/rules.d'],
  ['_udevhwdbdir', 'udev hwdb.', '/usr/lib/udev/hwdb.d'],
  ['_tmpfilesdir', 'systemd-tmpfiles configuration.', '/usr/lib/tmpfiles.d'],
  ['_sysusersdir', 'systemd-sysusers configuration.', '/usr/lib/sysusers.d'],
  ['_sysctldir', 'sysctl configuration.', '/usr/lib/sysctl.d'],
  ['_modulesloaddir', 'modules-load configuration.', '/usr/lib/modules-load.d'],
  ['_modprobedir', 'modprobe configuration.', '/usr/lib/modprobe.d'],
  ['_environmentdir', 'systemd environment generators.', '/usr/lib/environment.d'],
  ['_systemdgeneratordir', 'systemd generators.', '/usr/lib/systemd/system-generators'],
  ['_systemdusergeneratordir', 'systemd user generators.', '/usr/lib/systemd/user-generators'],
  ['_systemd_util_dir', 'systemd helper directory.', '/usr/lib/systemd'],
  ['_binfmtdir', 'binfmt.d configuration.', '/usr/lib/binfmt.d'],
  ['_journalcatalogdir', 'journal catalogs.', '/usr/lib/systemd/catalog'],
  ['_emacs_sitelispdir', 'Emacs site-lisp.', '%{_datadir}/emacs/site-lisp'],
  ['_emacs_sitestartdir', 'Emacs site-start.d.', '%{_datadir}/emacs/site-lisp/site-start.d'],
  ['_rpmmacrodir', 'rpm macro files.', '/usr/lib/rpm/macros.d'],
  ['_rpmconfigdir', 'rpm configuration.', '/usr/lib/rpm'],
  ['_fileattrsdir', 'rpm file attribute definitions.', '%{_rpmconfigdir}/fileattrs'],
  ['_rpmluadir', 'rpm Lua modules.', '%{_rpmconfigdir}/lua'],
  ['_pkgdocdir', 'This package\'s documentation directory.', '%{_docdir}/%{name}'],
  ['_licensedir', 'License directory.', '%{_datadir}/licenses'],
  ['_metainfodir', 'AppStream metadata.', '%{_datadir}/metainfo'],
  ['_iconsdir', 'Icon themes.', '%{_datadir}/icons'],
  ['_jnidir', 'Java JNI.', '%{_prefix}/lib/java'],
  ['_javadir', 'Java JARs.', '%{_datadir}/java'],
  ['_javadocdir', 'Javadoc.', '%{_datadir}/javadoc'],
  ['_mavenpomdir', 'Maven POMs.', '%{_datadir}/maven-poms'],
  ['_fontbasedir', 'Fonts.', '%{_datadir}/fonts'],
  ['_fontconfig_confdir', 'fontconfig conf.d.', '%{_sysconfdir}/fonts/conf.d'],
  ['_fontconfig_templatedir', 'fontconfig templates.', '%{_datadir}/fontconfig/conf.avail'],
  ['_pam_libdir', 'PAM modules.', '%{_libdir}/security'],
  ['_pam_moduledir', 'PAM modules.', '%{_libdir}/security'],
  ['_pam_confdir', 'PAM configuration.', '%{_sysconfdir}/pam.d'],
  ['_firmwarepath', 'Firmware.', '/usr/lib/firmware'],
  ['_keyringsdir', 'Keyrings.', '%{_datadir}/keyrings'],
  ['_dbus_data_dir', 'D-Bus data.', '%{_datadir}/dbus-1'],
  ['_topdir', 'rpmbuild top directory.', '%{getenv:HOME}/rpmbuild'],
  ['_builddir', 'Build directory.', '%{_topdir}/BUILD'],
  ['_buildrootdir', 'Build roots.', '%{_topdir}/BUILDROOT'],
  ['_sourcedir', 'Sources (use %{SOURCEn} instead of paths into it).', '%{_topdir}/SOURCES'],
  ['_specdir', 'Spec files.', '%{_topdir}/SPECS'],
  ['_rpmdir', 'Built binary packages.', '%{_topdir}/RPMS'],
  ['_srcrpmdir', 'Built source packages.', '%{_topdir}/SRPMS'],
  ['_datadir_java', 'Java data.', '%{_datadir}/java'],
  ['_bashcompletiondir', 'bash completions.', '%{_datadir}/bash-completion/completions'],
  ['bash_completions_dir', 'bash completions.', '%{_datadir}/bash-completion/completions'],
  ['zsh_completions_dir', 'zsh completions.', '%{_datadir}/zsh/site-functions'],
  ['fish_completions_dir', 'fish completions.', '%{_datadir}/fish/vendor_completions.d'],
];

const RPM: Row[] = [
  ['name', 'The Name: of the package.'], ['version', 'The Version: of the package.'], ['release', 'The Release: of the package.'],
  ['epoch', 'The Epoch: of the package.'], ['summary', 'The Summary: of the package.'], ['license', 'The License: of the package.'],
  ['url', 'The URL: of the package.'], ['buildroot', 'The build root: where %install puts the files.', '%{_buildrootdir}/%{NAME}-%{VERSION}-%{RELEASE}.%{_arch}'],
  ['buildsubdir', 'The directory %setup/%autosetup unpacked into.'], ['builddir', 'Per-package build directory (rpm >= 4.20).'],
  ['specpartsdir', 'Directory for dynamic spec parts (rpm >= 4.19).'], ['pkgbuilddir', 'Package build directory (rpm >= 4.20).'],
  ['_arch', 'The target architecture.', 'x86_64'], ['_target_cpu', 'Target CPU.', 'x86_64'], ['_target_os', 'Target OS.', 'linux'],
  ['_build_arch', 'Build architecture.', 'x86_64'], ['_host_cpu', 'Host CPU.', 'x86_64'], ['_host_os', 'Host OS.', 'linux'], ['_os', 'OS.', 'linux'],
  ['_build', 'Build platform triplet.'], ['_host', 'Host platform triplet.', 'x86_64-redhat-linux-gnu'], ['_target', 'Target platform.'],
  ['_target_platform', 'Target platform triplet.', 'x86_64-redhat-linux-gnu'], ['_build_alias', ''], ['_host_alias', ''], ['_target_alias', ''],
  ['_build_cpu', ''], ['_build_os', ''], ['_build_vendor', ''], ['_host_vendor', ''], ['_target_vendor', ''], ['_vendor', 'Vendor.', 'redhat'], ['_gnu', '', '-gnu'],
  ['_isa', 'The ISA suffix for dependencies, e.g. (x86-64).', '(x86-64)'], ['__isa', ''], ['__isa_bits', 'Word size.', '64'], ['__isa_name', ''],
  ['optflags', 'Compiler optimisation flags.'], ['build_cflags', 'CFLAGS for the build.'], ['build_cxxflags', 'CXXFLAGS for the build.'],
  ['build_fflags', 'FFLAGS for the build.'], ['build_ldflags', 'LDFLAGS for the build.'], ['set_build_flags', 'Exports CFLAGS, LDFLAGS… into the environment.'],
  ['_smp_mflags', 'make parallelism flags, e.g. -j8.', '-j%{_smp_build_ncpus}'], ['_smp_build_ncpus', 'CPUs used for the build.'], ['_smp_build_nthreads', 'Threads used for the build.'],
  ['configure', 'Runs ./configure with the distribution\'s directory options.'], ['_configure', 'The configure script.', './configure'],
  ['make_build', 'Runs make with parallelism and verbose output.'], ['make_install', 'Runs make install DESTDIR=%{buildroot}.'],
  ['makeinstall', 'Old-style make install with directory overrides (prefer %make_install).'],
  ['setup', 'Unpacks sources: %setup -q [-n dir] [-a N] [-b N] [-c] [-T] [-D].', undefined, true],
  ['autosetup', 'Unpacks sources and applies all patches: %autosetup [-p1] [-n dir] [-S git].', undefined, true],
  ['autopatch', 'Applies patches: %autopatch [-p1] [-m min] [-M max] [N…].', undefined, true],
  ['patch', 'Applies one patch: %patch -P N -p1 (rpm >= 4.18 also %patch N).', undefined, true],
  ['find_lang', 'Collects translations into a file list: %find_lang %{name}.', undefined, true],
  ['debug_package', 'Generates the -debuginfo subpackage.'], ['nil', 'Expands to nothing.', ''],
  ['bcond', 'Declares a build conditional: %bcond name default (rpm >= 4.17.1).', undefined, true],
  ['bcond_with', 'Declares an off-by-default build conditional (--with name).', undefined, true],
  ['bcond_without', 'Declares an on-by-default build conditional (--without name).', undefined, true],
  ['with', '1 when the build conditional is on: %{with name}.', undefined, true], ['without', '1 when the build conditional is off.', undefined, true],
  ['defined', '1 when a macro is defined: %{defined name}.', undefined, true], ['undefined', '1 when a macro is not defined.', undefined, true],
  ['sources', 'All sources.'], ['patches', 'All patches.'], ['ix86', 'The 32-bit x86 arches.', 'i386 i486 i586 i686 pentium3 pentium4 athlon geode'],
  ['arm', 'ARM arches.'], ['arm32', '32-bit ARM arches.'], ['arm64', '64-bit ARM arches.', 'aarch64'], ['alpha', ''], ['mips', ''], ['mips32', ''], ['mips64', ''],
  ['mipseb', ''], ['mipsel', ''], ['power64', '64-bit POWER arches.', 'ppc64 ppc64p7 ppc64le'], ['riscv', ''], ['riscv32', ''], ['riscv64', 'riscv64'], ['riscv128', ''],
  ['sparc', ''], ['loongarch64', ''], ['x86_64', 'x86_64 arches.', 'x86_64 amd64 em64t'],
  ['source_date_epoch_from_changelog', ''], ['use_source_date_epoch_as_buildtime', ''], ['clamp_mtime_to_source_date_epoch', ''],
  ['_fixperms', ''], ['_default_patch_flags', ''], ['_default_patch_fuzz', ''], ['_unpackaged_files_terminate_build', ''],
  ['_missing_doc_files_terminate_build', ''], ['_binaries_in_noarch_packages_terminate_build', ''], ['_build_id_links', ''],
  ['_changelog_trimtime', ''], ['_changelog_trimage', ''], ['_binary_payload', ''], ['_source_payload', ''], ['_binary_filedigest_algorithm', ''],
  ['_source_filedigest_algorithm', ''], ['_buildshell', '', '/bin/sh'], ['_install_langs', ''], ['_use_internal_dependency_generator', ''],
  ['_disable_source_fetch', ''], ['_color_output', ''], ['_make_verbose', ''], ['_make_output_sync', ''], ['_unique_build_ids', ''],
  ['_unique_debug_names', ''], ['_unique_debug_srcs', ''], ['_include_minidebuginfo', ''], ['_find_debuginfo_opts', ''], ['_enable_debug_packages', ''],
  ['_docdir_fmt', ''], ['_dbpath', ''], ['_hardened_build', ''], ['_annotated_build', ''], ['_lto_cflags', ''], ['_auto_set_build_flags', ''],
  ['_include_frame_pointers', ''], ['_package_note_file', ''], ['_package_note_flags', ''], ['_legacy_common_support', ''],
  ['_pkgverify_level', ''], ['_python_bytecompile_errors_terminate_build', ''], ['_python_bytecompile_extra', ''],
  ['_rpmfilename', ''], ['_build_name_fmt', ''], ['_query_all_fmt', ''], ['_invalid_encoding_terminates_build', ''],
  ['_empty_manifest_terminate_build', ''], ['_duplicate_files_terminate_build', ''], ['_wrong_version_format_terminate_build', ''],
  ['_keyring', ''], ['_keyringpath', ''], ['_rpmlock_path', ''], ['_transaction_color', ''], ['_urlhelper', ''], ['_vsflags_build', ''],
  ['_target_cpu_arches', ''], ['_build_cpu_arches', ''], ['_libexecdir_suffix', ''], ['toolchain', 'The toolchain (gcc or clang).', 'gcc'],
  ['_hardening_ldflags', ''], ['_hardening_cflags', ''], ['__global_ldflags', ''], ['__global_cflags', ''], ['__global_compiler_flags', ''],
  ['build_rustflags', 'RUSTFLAGS for the build.'], ['extension_cflags', ''], ['extension_cxxflags', ''], ['extension_ldflags', ''],
  ['optflags_lto', ''], ['_preprocessor_defines', ''], ['_warning_options', ''], ['_fortify_level', ''], ['_lto_cflags', ''],
  ['dist', 'The distribution tag appended to Release, e.g. .fc41 or .el9.'],
  // The release package's macros.dist (fedora-release, centos-stream-release).
  ['dist_vendor', 'The distribution vendor, e.g. Fedora Project (macros.dist).'], ['dist_name', 'The distribution name, e.g. Fedora Linux (macros.dist).'],
  ['dist_home_url', 'The distribution home page (macros.dist).'], ['dist_bug_report_url', 'Where to report bugs in the distribution (macros.dist).'],
  ['dist_debuginfod_url', 'The distribution debuginfod server (macros.dist).'],
  ['rpmversion', 'The rpm version (built-in, rpm >= 4.19).'], ['_jobs', ''], ['_noarch', ''],
  // The rest of rpm 4.18's `macros` file: helper tools, the build-script template, signature and database settings.
  ['___build_pre', 'The preamble of every build scriptlet (cd, exports).'], ['___build_post', ''], ['___build_shell', ''], ['___build_args', ''],
  ['___build_cmd', ''], ['___build_template', ''], ['_install_script_path', ''], ['__check_files', ''], ['__docdir_path', ''],
  ['_debuginfo_template', ''], ['_debugsource_template', ''], ['__7zip', ''], ['__lrzip', ''], ['__lzip', ''], ['__rpmuncompress', ''],
  ['__gem', ''], ['__hg', ''], ['__bzr', ''], ['__quilt', ''], ['__as', ''], ['__id', ''], ['__gpg', ''], ['__gpg_reserved_space', ''],
  ['__gpg_sign_cmd', ''], ['__vsflags', ''], ['_vsflags_erase', ''], ['_vsflags_install', ''], ['_vsflags_query', ''], ['_vsflags_rebuilddb', ''],
  ['_vsflags_verify', ''], ['_pkgverify_flags', ''], ['_dbpath_rebuild', ''], ['_db_backend', ''], ['_query_selector_match', ''],
  ['__urlhelpercmd', ''], ['__urlhelperopts', ''], ['__plugindir', ''],
];

/** Built-in macro functions and pseudo-macros (rpmio/macro.c). */
const BUILTINS: Row[] = [
  ['expand', 'Expands its argument twice: %{expand:…}.', undefined, true], ['lua', 'Runs Lua code: %{lua:…}.', undefined, true],
  ['shrink', 'Collapses whitespace: %{shrink:…}.', undefined, true], ['quote', 'Quotes an argument.', undefined, true],
  ['shescape', 'Shell-escapes: %{shescape:…}.', undefined, true], ['basename', '%{basename:path}.', undefined, true],
  ['dirname', '%{dirname:path}.', undefined, true], ['suffix', '%{suffix:file}.', undefined, true], ['exists', '%{exists:path}: 1 if the file exists.', undefined, true],
  ['getenv', '%{getenv:VAR}.', undefined, true], ['getconfdir', 'rpm configuration directory.'], ['getncpus', 'Number of CPUs.'],
  ['uncompress', '%{uncompress:file}: a command that prints the file uncompressed.', undefined, true], ['url2path', '%{url2path:url}.', undefined, true],
  ['u2p', 'Same as url2path.', undefined, true], ['verbose', '%{verbose:text}: text when verbose.', undefined, true], ['echo', 'Prints its argument while expanding.', undefined, true],
  ['warn', 'Prints a warning.', undefined, true], ['error', 'Prints an error and fails the expansion.', undefined, true],
  ['load', '%{load:file}: loads a macro file.', undefined, true], ['trace', 'Turns on macro tracing.'], ['dump', 'Dumps the macro table.'],
  ['macrobody', '%{macrobody:name}: the unexpanded body.', undefined, true], ['len', '%{len:text} (rpm >= 4.19).', undefined, true],
  ['lower', '%{lower:text} (rpm >= 4.19).', undefined, true], ['upper', '%{upper:text} (rpm >= 4.19).', undefined, true],
  ['rep', '%{rep:text} (rpm >= 4.19).', undefined, true], ['sub', '%{sub text start end} (rpm >= 4.19).', undefined, true],
  ['span', '%{span:…} (rpm >= 4.19).', undefined, true], ['expr', '%{expr:…}: evaluates an expression.', undefined, true],
  ['S', '%{S:n}: path of SourceN.', undefined, true], ['P', '%{P:n}: path of PatchN.', undefined, true], ['F', '%{F:name}: file path in the sources.', undefined, true],
  ['global', 'Defines a macro, expanded at definition time.', undefined, true], ['define', 'Defines a macro, expanded at use time.', undefined, true],
  ['undefine', 'Removes a macro definition.', undefined, true], ['include', 'Includes another file into the spec.', undefined, true],
];

const FEDORA: Row[] = [
  ['fedora', 'Fedora release number (undefined on EL).'], ['rhel', 'RHEL/CentOS major version (undefined on Fedora).'],
  ['centos', 'CentOS major version.'], ['centos_hs', '1 in CentOS Hyperscale SIG build tags.'], ['eln', 'Defined in Fedora ELN builds.'],
  ['el6', ''], ['el7', ''], ['el8', ''], ['el9', ''], ['el10', ''], ['fc40', ''], ['fc41', ''], ['fc42', ''], ['fc43', ''], ['fc44', ''], ['fc45', ''], ['fc46', ''],
  ['amzn', ''], ['suse_version', 'SUSE version (openSUSE/SLE).'], ['sle_version', ''], ['mdkversion', ''], ['mga', ''], ['omvver', ''], ['is_opensuse', ''],
  ['facebook', '1 in Hyperscale facebook build tags.'], ['epel', 'EPEL major version in EPEL builds.'], ['flatpak', '1 in Flatpak builds.'],
  ['autorelease', 'rpmautospec: Release computed from git history. `%autorelease [-b base] [-e extra] [-p|-s snapinfo]`.', undefined, true],
  ['autochangelog', 'rpmautospec: %changelog generated from git commit messages.'],
  ['forgemeta', 'forge macros: computes Source/URL/version from %{forgeurl}, %{tag} or %{commit}.', undefined, true],
  ['forgesetup', 'Unpacks a forge archive.', undefined, true], ['forgeautosetup', 'Unpacks a forge archive and applies patches.', undefined, true],
  ['forgeurl', 'The forge project URL (set it before %forgemeta).'], ['forgesource', 'Source URL computed by %forgemeta.'], ['forgesource0', ''],
  ['forgesetupargs', ''], ['forgeversion', ''], ['forgerelease', ''], ['forgescm', ''], ['forgeurls', ''], ['forgesources', ''],
  ['ldconfig', 'Runs ldconfig (no-op on recent Fedora).'], ['ldconfig_scriptlets', 'Adds ldconfig %post/%postun (no-op on recent Fedora).', undefined, true],
  ['ldconfig_post', '', undefined, true], ['ldconfig_postun', '', undefined, true],
  ['systemd_post', 'Scriptlet for enabling units by preset: %systemd_post unit.service.', undefined, true],
  ['systemd_preun', 'Scriptlet stopping units before removal.', undefined, true], ['systemd_postun', 'Scriptlet after removal.', undefined, true],
  ['systemd_postun_with_restart', 'Restarts units after upgrade.', undefined, true], ['systemd_postun_with_reload', '', undefined, true],
  ['systemd_user_post', '', undefined, true], ['systemd_user_preun', '', undefined, true], ['systemd_user_postun', '', undefined, true],
  ['systemd_user_postun_with_restart', '', undefined, true], ['systemd_requires', 'Requires(post/preun/postun) on systemd.'],
  ['systemd_ordering', 'OrderWithRequires on systemd.'], ['systemd_requires_post', ''], ['udev_rules_update', ''], ['udev_hwdb_update', ''],
  ['sysusers_requires_compat', ''], ['sysusers_create_compat', '', undefined, true], ['sysusers_create_package', '', undefined, true],
  ['sysusers_create', '', undefined, true], ['tmpfiles_create', '', undefined, true], ['tmpfiles_create_package', '', undefined, true],
  ['binfmt_apply', '', undefined, true], ['journal_catalog_update', ''], ['sysctl_apply', '', undefined, true],
  ['gpgverify', 'Verifies a signature: %{gpgverify} --keyring=… --signature=… --data=….'],
  ['cmake', 'Configures with CMake using distribution flags.', undefined, true], ['cmake_build', 'Builds a CMake project.'],
  ['cmake_install', 'Installs a CMake project.'], ['ctest', 'Runs CTest.', undefined, true], ['__cmake_builddir', ''], ['_vpath_builddir', '', '%{_vendor}-%{_target_os}-build'],
  ['_vpath_srcdir', '', '.'], ['cmake3', ''], ['cmake3_build', ''], ['cmake3_install', ''], ['ctest3', ''],
  ['meson', 'Configures with Meson.', undefined, true], ['meson_build', 'Builds with Meson.', undefined, true], ['meson_install', 'Installs with Meson.', undefined, true],
  ['meson_test', 'Runs Meson tests.', undefined, true], ['ninja_build', ''], ['ninja_install', ''], ['ninja_test', ''], ['__ninja', ''], ['__meson', ''],
  ['py3_build', 'python3 setup.py build (deprecated, use pyproject macros).'], ['py3_install', 'python3 setup.py install (deprecated).'],
  ['py3_build_wheel', ''], ['py3_install_wheel', '', undefined, true], ['py3_shebang_fix', 'Fixes Python shebangs.', undefined, true], ['py3_shebang_flags', ''],
  ['py3_dist', 'Python distribution dependency: %{py3_dist name}.', undefined, true], ['py_dist_name', '', undefined, true],
  ['python3', 'The Python 3 interpreter.', '/usr/bin/python3'], ['__python3', '', '/usr/bin/python3'], ['python3_sitelib', 'Pure Python modules directory.'],
  ['python3_sitearch', 'Architecture-specific Python modules directory.'], ['python3_version', 'Python version, e.g. 3.13.'], ['python3_version_nodots', ''],
  ['python3_platform', ''], ['python3_platform_triplet', ''], ['python3_ext_suffix', ''], ['python3_cache_tag', ''], ['python3_pkgversion', '', '3'],
  ['python_provide', '', undefined, true], ['python_enable_dependency_generator', ''], ['python_disable_dependency_generator', ''],
  ['python3_other_pkgversion', ''], ['python_wheel_dir', ''], ['python_wheel_pkg_prefix', ''], ['python_module', '', undefined, true],
  ['pyproject_buildrequires', 'Generates BuildRequires from pyproject.toml (in %generate_buildrequires).', undefined, true],
  ['pyproject_wheel', 'Builds a wheel.', undefined, true], ['pyproject_install', 'Installs the built wheel.', undefined, true],
  ['pyproject_save_files', 'Records installed files for %files -f %{pyproject_files}.', undefined, true], ['pyproject_files', 'The file list from %pyproject_save_files.'],
  ['pyproject_check_import', 'Checks that modules import.', undefined, true], ['pyproject_extras_subpkg', '', undefined, true], ['pyproject_wheeldir', ''],
  ['tox', 'Runs tox.', undefined, true], ['pytest', 'Runs pytest with the right paths.', undefined, true], ['py3_test_envvars', ''], ['py3_check_import', '', undefined, true],
  ['python3_fix_shebang_path', ''], ['py_byte_compile', '', undefined, true], ['python_extras_subpkg', '', undefined, true], ['python_subpackage_only', ''],
  ['cargo_prep', 'Sets up vendored or packaged Rust crates.', undefined, true], ['cargo_build', 'Builds a Rust crate.', undefined, true],
  ['cargo_install', 'Installs a Rust crate.', undefined, true], ['cargo_test', 'Runs Rust tests.', undefined, true],
  ['cargo_generate_buildrequires', '', undefined, true], ['cargo_license', '', undefined, true], ['cargo_license_summary', '', undefined, true],
  ['cargo_vendor_manifest', ''], ['cargo_registry', ''], ['crate', 'The crate name.'], ['crate_version', ''], ['rust_arches', ''], ['cargo', ''], ['__cargo', ''],
  ['rustflags', ''], ['__rustc', ''], ['cargo_target', ''], ['cargo_pkg_feature_opts', ''],
  ['gometa', 'Go macros: sets up Go import path metadata.', undefined, true], ['goprep', 'Prepares a Go source tree.', undefined, true],
  ['gobuild', 'Builds a Go program.', undefined, true], ['gocheck', 'Runs Go tests.', undefined, true], ['gopkginstall', '', undefined, true],
  ['gopkgfiles', '', undefined, true], ['godevelpkg', ''], ['gopkg', ''], ['go_generate_buildrequires', ''], ['goipath', 'The Go import path.'],
  ['gosource', ''], ['gourl', ''], ['gobuilddir', ''], ['gopath', ''], ['go_arches', ''], ['golang_arches', ''], ['gocompilerflags', ''], ['golicenses', ''], ['godocs', ''],
  ['gorpmname', '', undefined, true], ['goversion', ''], ['gocheckflags', ''], ['gobuildflags', ''], ['gotestflags', ''], ['gotest', '', undefined, true],
  ['perl_vendorlib', 'Perl vendor lib.'], ['perl_vendorarch', 'Perl vendor arch.'], ['perl_privlib', ''], ['perl_archlib', ''], ['perl_sitelib', ''],
  ['perl_sitearch', ''], ['perl_default_filter', ''], ['perl_version', ''], ['perl_bootstrap', ''], ['__perl', '', '/usr/bin/perl'], ['perl_vendorlib_noarch', ''],
  ['ruby_vendorlibdir', ''], ['ruby_vendorarchdir', ''], ['gem_dir', ''], ['gem_instdir', ''], ['gem_libdir', ''], ['gem_cache', ''], ['gem_spec', ''],
  ['gem_docdir', ''], ['gem_extdir_mri', ''], ['gem_name', ''], ['gem_install', '', undefined, true], ['ruby_libdir', ''], ['ruby_sitelibdir', ''],
  ['php_extdir', ''], ['php_inidir', ''], ['php_version', ''], ['php_home', ''], ['nodejs_sitelib', ''], ['nodejs_arches', ''], ['nodejs_fixdep', '', undefined, true],
  ['nodejs_symlink_deps', ''], ['nodejs_setup_bundle', ''], ['npm_package_name', ''],
  ['ocaml_native_compiler', ''], ['ocaml_natdynlink', ''], ['ghc_arches', ''], ['ghc_lib_subpackage', '', undefined, true], ['haskell_setup', ''],
  ['java_arches', ''], ['mvn_build', '', undefined, true], ['mvn_install', '', undefined, true], ['mvn_artifact', '', undefined, true],
  ['mvn_file', '', undefined, true], ['mvn_alias', '', undefined, true], ['pom_remove_plugin', '', undefined, true], ['pom_remove_dep', '', undefined, true],
  ['pom_xpath_remove', '', undefined, true], ['pom_disable_module', '', undefined, true], ['mvn_package', '', undefined, true], ['jpackage_script', '', undefined, true],
  ['add_maven_depmap', '', undefined, true], ['mvn_compat_version', '', undefined, true], ['gradle_build', '', undefined, true], ['ant', ''],
  ['qmake_qt5', ''], ['qmake_qt6', ''], ['_qt5_prefix', ''], ['_qt5_libdir', ''], ['_qt6_libdir', ''], ['cmake_kf5', ''], ['cmake_kf6', ''],
  ['_kf5_libdir', ''], ['_kf6_libdir', ''], ['kf5_version', ''], ['kf6_version', ''], ['_qt5_bindir', ''], ['_qt5_plugindir', ''], ['_qt6_plugindir', ''],
  ['gitcommit', ''], ['commit', ''], ['shortcommit', ''], ['commitdate', ''], ['snapdate', ''],
  ['license_dir', ''], ['selinux_requires', ''], ['selinux_modules_install', '', undefined, true], ['selinux_modules_uninstall', '', undefined, true],
  ['selinux_relabel_pre', ''], ['selinux_relabel_post', ''], ['selinuxtype', ''], ['selinux_policyver', ''],
  // fontpackages-devel's legacy names (libreoffice.spec) and redhat-rpm-config's %writevars (go-rpm-macros.spec).
  ['_fontdir', 'A font package\'s directory (fontpackages-devel).', '%{_fontbasedir}/%{?fontname}'], ['_font_pkg', 'Legacy font subpackage (fontpackages-devel).', undefined, true],
  ['writevars', 'Writes macro values to a file (redhat-rpm-config).', undefined, true],
  ['__default_python3_version', 'The distribution\'s default Python 3 version (python-srpm-macros).'], ['__default_python3_pkgversion', ''],
  ['postgresql_tests_run', 'Runs a test PostgreSQL server (postgresql-test-rpm-macros).'], ['pgtests_init', ''], ['pgtests_start', ''],
  ['clang_resource_dir', 'clang\'s resource directory (clang-devel\'s macros.clang).'],
  ['fontpkg', '', undefined, true], ['fontpkgname', ''], ['fontconf', ''], ['fontinstall', ''], ['fontcheck', ''], ['fontfiles', ''], ['fontfamily', ''],
  ['desktop_database_post', ''], ['desktop_database_postun', ''], ['icon_theme_cache_post', ''], ['mime_database_post', ''],
  ['glib_compile_schemas', ''], ['gconf_schema_prepare', ''], ['__desktop_file_validate', ''], ['_ld_as_needed', ''], ['_ld_as_needed_flags', ''],
  ['_lto_cflags', ''], ['_missing_build_ids_terminate_build', ''], ['__brp_mangle_shebangs', ''], ['__brp_mangle_shebangs_exclude', ''],
  ['__brp_mangle_shebangs_exclude_from', ''], ['__brp_check_rpaths', ''], ['__brp_strip_lto', ''], ['__brp_python_hardlink', ''],
  ['__requires_exclude', 'Regex of automatic Requires to drop.'], ['__provides_exclude', 'Regex of automatic Provides to drop.'],
  ['__requires_exclude_from', ''], ['__provides_exclude_from', ''], ['global_requires_exclude', ''], ['global_provides_exclude', ''],
  ['__os_install_post', ''], ['__spec_install_post', ''], ['__debug_install_post', ''], ['__arch_install_post', ''], ['__global_ldflags', ''],
  ['_debugsource_packages', ''], ['_debuginfo_subpackages', ''], ['debug_package', ''], ['_find_debuginfo_dwz_opts', ''], ['__jar_repack', ''],
  ['_without_check', ''], ['_with_check', ''], ['_smp_ncpus_max', ''], ['_smp_tasksize_proc', ''], ['constrain_build', '', undefined, true],
  ['limit_build', '', undefined, true], ['_module_build', ''], ['modularitylabel', ''], ['vendor', ''], ['packager', ''], ['distribution', ''],
  ['bugurl', ''], ['disturl', ''], ['_buildhost', ''], ['source_date_epoch', ''], ['_openssl_arch', ''], ['_efi_vendor', ''],
  ['efi_vendor', ''], ['efi_esp_root', ''], ['efi_esp_efi', ''], ['efi_arch', ''], ['efi_has_alt_arch', ''], ['efi_alt_arch', ''],
  ['_emacs_bytecompile', '', undefined, true], ['emacs_version', ''], ['_mingw32_prefix', ''], ['mingw32_bindir', ''], ['mingw64_bindir', ''],
  ['kernel_module_package', '', undefined, true], ['kmodtool', ''], ['kernel_version', ''], ['dkms_version', ''],
  ['__spec_prep_post', ''], ['__spec_build_pre', ''], ['__patch', '', '/usr/bin/patch'], ['__tar', '', '/usr/bin/tar'], ['__make', '', '/usr/bin/make'],
  ['__cc', '', 'gcc'], ['__cxx', '', 'g++'], ['__cpp', '', 'gcc -E'], ['__ar', '', 'ar'], ['__ld', '', '/usr/bin/ld'], ['__install', '', '/usr/bin/install'],
  ['__rm', '', '/usr/bin/rm'], ['__cp', '', '/usr/bin/cp'], ['__mv', '', '/usr/bin/mv'], ['__ln_s', '', 'ln -s'], ['__mkdir', '', '/usr/bin/mkdir'],
  ['__mkdir_p', '', '/usr/bin/mkdir -p'], ['__sed', '', '/usr/bin/sed'], ['__grep', '', '/usr/bin/grep'], ['__awk', '', 'gawk'], ['__cat', '', '/usr/bin/cat'],
  ['__chmod', '', '/usr/bin/chmod'], ['__chown', '', '/usr/bin/chown'], ['__gzip', '', '/usr/bin/gzip'], ['__bzip2', '', '/usr/bin/bzip2'],
  ['__xz', '', '/usr/bin/xz'], ['__zstd', '', '/usr/bin/zstd'], ['__unzip', '', '/usr/bin/unzip'], ['__git', '', '/usr/bin/git'], ['__strip', '', '/usr/bin/strip'],
  ['__objdump', '', '/usr/bin/objdump'], ['__id_u', ''], ['__file', ''], ['__python', ''], ['__ruby', ''], ['__scm', ''], ['__scm_author', ''],
  ['__find_requires', ''], ['__find_provides', ''], ['__perl_requires', ''], ['__perl_provides', ''], ['__ocaml_requires', ''], ['__ocaml_provides', ''],
  ['apply_patch', '', undefined, true], ['__apply_patch', '', undefined, true], ['__scm_setup_git', ''], ['__scm_apply_git', ''],
  ['add_maven_depmap', '', undefined, true], ['_licensedir_compat', ''], ['__python3_path', ''], ['_hardened_cflags', ''], ['_hardened_ldflags', ''],
  ['_lto', ''], ['_with_lto', ''], ['_fmoddir', ''], ['_rpmmacrodir', ''], ['_sysconfdir_sysusers', ''], ['_sharedstatedir_compat', ''],
  ['_build_alias', ''], ['_target_platform', ''], ['__global_provides_exclude_from', ''], ['__global_requires_exclude_from', ''],
  ['_docdir_fmt', ''], ['dnl', ''],
  ['_swidtagdir', 'SWID tag files describing the installation (redhat-rpm-config >= 121).', '%{_prefix}/lib/swidtag/fedoraproject.org'],
  ['pesign', 'Signs EFI binaries (pesign): %pesign -s -i in -o out.', undefined, true], ['efi_esp_dir', ''], ['efi_esp_boot', ''],
  ['valgrind_arches', 'Architectures valgrind supports.'], ['firewalld_reload', 'Reloads firewalld after installing a service or zone.'],
  ['fdupes', 'Replaces duplicate files by links: %fdupes %{buildroot}%{_datadir}.', undefined, true], ['_jsdir', 'JavaScript libraries.', '%{_datadir}/javascript'],
  ['_webassetdir', 'Web assets.', '%{_datadir}/web-assets'], ['version_no_tilde', 'The version with `~` made `-` (Rust crates).', undefined, true],
  ['rpmmacrodir', 'Where macro files go (Fedora/EPEL macros).', '%{_rpmconfigdir}/macros.d'], ['goname', 'The package name %gometa derives from the import path.'],
  ['pypi_source', 'The PyPI download URL: %{pypi_source name version ext}.', undefined, true], ['py_provides', 'Provides for a Python name and its variants.', undefined, true],
  ['multilib_fix_c_header', 'Makes a header identical on all arches (multilib-rpm-config).', undefined, true],
  ['systemd_posttrans_with_restart', '', undefined, true], ['systemd_posttrans_with_reload', '', undefined, true], ['_user_tmpfilesdir', ''],
  ['python2_sitelib', ''], ['python2_sitearch', ''], ['__python2', ''], ['py3_shbang_opts', ''], ['py3_shbang_opts_nodash', ''],
  ['_selinux_policy_version', 'The selinux-policy version (selinux-policy-devel).'], ['qt5_qtwebengine_arches', ''], ['qt6_qtwebengine_arches', ''],
  ['_openmpi_load', ''], ['_openmpi_unload', ''], ['_mpich_load', ''], ['_mpich_unload', ''], ['ocamldir', '', '%{_libdir}/ocaml'],
  ['java', 'The Java launcher (javapackages-tools).'], ['javac', 'The Java compiler (javapackages-tools).'], ['jar', 'The jar tool (javapackages-tools).'],
];

/**
 * Macro families of Fedora's language and toolkit macro packages: every name with the prefix comes from the
 * package (their directories and build helpers are many, and newer versions add more).
 */
const FAMILIES: Array<[RegExp, string]> = [
  [/^_qt[56]_/, 'qt5-rpm-macros / qt6-rpm-macros'],
  [/^_kf[56]_/, 'kf5-rpm-macros / kf6-rpm-macros'],
  [/^_?(mingw(32|64)?|ucrt64)_/, 'mingw-filesystem'],
  [/^(_?ghc|cabal_)/, 'ghc-rpm-macros'],
  [/^_jvm/, 'javapackages-filesystem'],
  [/^(pom|mvn)_/, 'javapackages-tools / maven-local'],
  [/^(gem|gemspec|ruby)_/, 'ruby-devel / rubygems-devel'],
  [/^(cargo|crates?)_/, 'cargo-rpm-macros'],
  [/^font(pkgname\d*|pkgheader|metapkg|build|install|check|files)$/, 'fonts-rpm-macros'],
  [/^(stable|majmin_ver)_kf[56]$|^cmake_qt[56]$/, 'kf5/kf6-rpm-macros, qt5/qt6-rpm-macros'],
  [/^_systemd_/, 'systemd-rpm-macros'],
  [/^(dune_|ocaml_)/, 'ocaml-rpm-macros'],
  [/^(php_|pecl_|__php|_httpd_)/, 'php-devel / httpd-devel'],
  [/^forge(source|setupargs|version|url)\d+$/, 'the forge macros (%forgemeta -a)'],
  [/^patch\d+$/, 'rpm (%patchN, the old form of %patch -P N)'],
];

/** Directives of %files lists (build/files.c), written like macros. */
const FILES: Row[] = [
  ['attr', 'Sets mode, owner and group: %attr(0644,root,root) path.', undefined, true], ['defattr', 'Default attributes: %defattr(-,root,root,-) (the default since rpm 4.4).', undefined, true],
  ['doc', 'Marks documentation (relative paths are copied from the build directory).'], ['license', 'Marks license files.'],
  ['config', 'Marks a configuration file: %config(noreplace) path.'], ['dir', 'Owns a directory (not its contents).'], ['ghost', 'Owns a file that is not in the package payload.'],
  ['verify', 'Which attributes rpm -V checks: %verify(not md5 size mtime) path.'], ['defverify', 'Default %verify for the rest of the list.', undefined, true], ['dev', 'A device node: %dev(c,1,3) /dev/null.', undefined, true], ['lang', 'Marks a translation: %lang(de) path.'], ['caps', 'File capabilities: %caps(cap_net_raw=p) path.'],
  ['exclude', 'Excludes a path from the package.'], ['docdir', 'Marks a directory as documentation.'], ['artifact', 'Marks a build artifact (rpm >= 4.14).'],
  ['readme', 'Marks a README (rpm >= 4.16).'], ['missingok', 'The file may be missing (with %config).'], ['noreplace', 'Do not replace a modified file (with %config).'],
  ['dnl', 'Discards the rest of the line (a comment that is not expanded, rpm >= 4.17).'],
];

/** The names of the %files directives (`license`, `doc`, `dir`…). */
export const FILES_DIRECTIVES: readonly string[] = FILES.map(([name]) => name);

function rows(list: Row[], from: string): MacroInfo[] {
  return list.map(([name, doc, value, params]) => {
    const m: MacroInfo = { name, doc, from };
    if (value !== undefined) m.value = value;
    if (params) m.params = true;
    return m;
  });
}

export const BUILTIN_MACROS: MacroInfo[] = [
  ...rows(DIRS, 'rpm / redhat-rpm-config'),
  ...rows(RPM, 'rpm'),
  ...rows(BUILTINS, 'rpm built-in'),
  ...rows(FEDORA, 'Fedora/EPEL macro packages'),
  ...rows(FILES, '%files directive'),
];

const BY_NAME = new Map<string, MacroInfo>();
for (const m of BUILTIN_MACROS) if (!BY_NAME.has(m.name) || (!BY_NAME.get(m.name)!.doc && m.doc)) BY_NAME.set(m.name, m);

/** Information about a macro that exists outside the spec, or undefined. */
export function builtinMacro(name: string): MacroInfo | undefined {
  const m = BY_NAME.get(name);
  if (m) return m;
  // Families: %{SOURCE12}, %{PATCH3}, %_with_foo, %{elN}, %{fcNN}, %__spec_*, %__brp_*, %_*dir ...
  if (/^(SOURCE|PATCH)\d+$/.test(name)) return { name, doc: `Path of ${name.startsWith('S') ? 'Source' : 'Patch'}${name.replace(/\D/g, '')}.`, from: 'rpm' };
  if (/^(SOURCEURL|PATCHURL)\d+$/.test(name)) return { name, doc: 'URL of the source or patch.', from: 'rpm' };
  if (/^(el|fc)\d+$/.test(name)) return { name, doc: `Defined as 1 when building for ${name}.`, from: 'dist' };
  for (const [re, from] of FAMILIES) if (re.test(name)) return { name, doc: `Defined by ${from}.`, from };
  if (/^__(spec|brp|transaction|scm|urlhelper|find|elf|font|script|perl|python|pkgconfig|ocaml|desktop|metainfo|debuginfo|rpm)_/.test(name)) return { name, doc: 'rpm internal macro.', from: 'rpm' };
  return undefined;
}

/** All names known without the spec (for completion). */
export function builtinMacroNames(): string[] {
  return [...BY_NAME.keys()];
}
