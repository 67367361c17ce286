/**
 * Macros used without `?` that nothing defines: rpm leaves them unexpanded (`%foo` reaches the shell or
 * the package metadata as is). Known macros come from the built-in table (rpm, redhat-rpm-config,
 * Fedora/EPEL macro packages, rpmautospec…), the spec itself and the `hyperscale.spec.knownMacros` setting;
 * a use inside an `%if` that proves the name defined (`%if %{defined x}`, rpm/guards.ts) is not reported.
 */
import type { Finding } from '../../../common/findings';
import type { MacroRef, SpecDocument } from '../../../rpm/ast';
import { builtinMacro } from '../../../rpm/macroData';
import { guardedDefined } from '../../../rpm/guards';
import { sectionAtLine, specDefinedNames } from '../../../rpm/query';
import { isSpecKeyword } from '../../../rpm/sections';

/**
 * A reference that is not a macro use: `%if`/`%endif`/`%package`/`%files`… inside a macro body (kernel.spec's
 * `%define kernel_variant_package …\` writes spec lines that rpm reads after expanding it); a one-letter
 * `%s`/`%u`/`%Y` without braces: printf, date, sshd and Ruby `%Q[…]` formats; and a `%NAME%` placeholder
 * (`sed 's|%FLATPAK_ENV_VARS%|…|'`). rpm leaves the latter two alone because no such macro exists.
 */
function notAMacroUse(text: string, r: MacroRef): boolean {
  const name = r.name;
  if (isSpecKeyword(name)) return true;
  return r.form === 'plain' && (name.length === 1 || text.charCodeAt(r.end) === 37 /* % */);
}

/**
 * `inLines`: the names the lines define anywhere, also inside other macros (`%{!?x:%global x 1}`) and Lua
 * (`rpm.define`), as the rpmlint line pass collects them (rpmlintLines.ts `namesDefinedIn`; it runs first).
 * With the spec's definitions, tags and bconds (specDefinedNames) and the setting's names, they are known.
 */
export function undefinedMacroFindings(doc: SpecDocument, extraKnown: readonly string[], inLines: ReadonlySet<string>): Finding[] {
  const defined = specDefinedNames(doc);
  for (const n of extraKnown) defined.add(n.replace(/^%/, ''));
  let commentLines: Set<number> | undefined; // made for the first candidate: most specs have none
  const out: Finding[] = [];
  const reported = new Set<string>();
  const refs = doc.macroRefs;
  // Indexed loops over the large node arrays: for-of allocates an iterator result per element until optimised.
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    if (r.conditional || r.depth > 0 || (r.form !== 'plain' && r.form !== 'braced')) continue;
    const name = r.name;
    if (defined.has(name) || inLines.has(name) || builtinMacro(name) || !/^[A-Za-z_]\w*$/.test(name) || notAMacroUse(doc.text, r)) continue;
    if ((commentLines ??= new Set(doc.comments.map((c) => c.line))).has(r.line)) continue;
    const kind = sectionAtLine(doc, r.line)?.kind;
    if (kind === 'changelog' || guardedDefined(doc, r.start, name)) continue;
    // Inside a parametric macro body, `%foo` may be a caller's macro: only report each name once anyway.
    const key = `${name}@${r.line}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const written = doc.text.slice(r.start, r.end);
    out.push({
      code: 'undefined-macro',
      severity: 'warning',
      message: `Macro ${written} is not defined: rpm leaves it unexpanded (write %{?${name}} if it is optional)`,
      span: { start: r.start, end: r.end },
      source: 'rpm-spec',
      data: { name },
    });
  }
  return out;
}
