/**
 * The RPM spec core: pure functions on strings.
 * - `parseSpec(text)` -> `SpecDocument` (ast.ts): packages, tags, sections, macro definitions and
 *   references, conditionals, bconds, comments, changelog; never throws.
 * - `expandMacros`, `MapMacroTable` (expand.ts), `evaluateExpression` (expr.ts): expansion without running code.
 * - `rpmvercmp`, `compareEvr` (vercmp.ts); distro profiles (profiles.ts); tag, section and macro data.
 */
export * from './ast';
export { parseSpec, splitLines } from './parser';
export { expandMacros, MapMacroTable, type MacroDef, type MacroTable, type ExpandResult } from './expand';
export { evaluateExpression, conditionValue, type ExprValue } from './expr';
export { rpmvercmp, compareEvr, parseEvr, formatEvr, type Evr } from './vercmp';
export { PROFILES, resolveProfile, DEFAULT_PROFILE_ID, FEDORA_RAWHIDE, type DistroProfile } from './profiles';
export { TAGS, lookupTag, REMOVED_TAGS, type TagInfo } from './tags';
export { SECTIONS, SECTION_BY_NAME, type SectionInfo } from './sections';
export { formatChangelogDate, entryDay, realWeekday, WEEKDAYS, MONTHS } from './changelog';
