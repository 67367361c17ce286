/** Validation of what goes into URLs: package names and branch names (no path tricks, no URL syntax). */

/** RPM package names: letters, digits and `._+-`, not starting with `.` or `-`, at most 200 characters. */
export function validPackageName(name: string): boolean {
  return /^[A-Za-z0-9_+][A-Za-z0-9._+-]{0,199}$/.test(name) && !name.includes('..');
}

/** Branch names like `rawhide`, `f41`, `epel9`, `c9s`, `c10s-sig-hyperscale`. */
export function validBranch(branch: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(branch) && !branch.includes('..');
}

export class InvalidNameError extends Error {}

export function checkName(name: string | null | undefined): string {
  if (!name) throw new InvalidNameError('The spec has no usable Name: (set hyperscale.upstream.packageName to override it)');
  if (!validPackageName(name)) throw new InvalidNameError(`"${name}" is not a valid RPM package name`);
  return name;
}

export function checkBranch(branch: string): string {
  if (!validBranch(branch)) throw new InvalidNameError(`"${branch}" is not a valid branch name`);
  return branch;
}
