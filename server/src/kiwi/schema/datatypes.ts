/**
 * The datatypes a RELAX NG schema uses: RELAX NG's built-in string/token and the XML Schema types KIWI
 * needs (string, token, normalizedString, integer family, decimal, boolean, anyURI, ID/NCName, Name),
 * with the facets pattern, length, min/maxLength and min/max(In|Ex)clusive. Unknown types are accepted.
 */

const collapse = (s: string) => s.replace(/[\t\n\r ]+/g, ' ').trim();
const regexCache = new Map<string, RegExp | null>();

/** XML Schema regular expressions are implicitly anchored; `\i`/`\c` name classes are approximated. */
function xsdRegex(source: string): RegExp | null {
  let re = regexCache.get(source);
  if (re !== undefined) return re;
  try {
    const js = source.replace(/\\i/g, '[A-Za-z_:]').replace(/\\c/g, '[-.0-9A-Za-z_:]').replace(/\\I/g, '[^A-Za-z_:]').replace(/\\C/g, '[^-.0-9A-Za-z_:]');
    re = new RegExp(`^(?:${js})$`, 'u');
  } catch {
    re = null; // a pattern JavaScript cannot express: do not reject values for it
  }
  regexCache.set(source, re);
  return re;
}

const INTEGER_TYPES: Record<string, [number, number]> = {
  integer: [-Infinity, Infinity], int: [-2147483648, 2147483647], long: [-Infinity, Infinity], short: [-32768, 32767], byte: [-128, 127],
  nonNegativeInteger: [0, Infinity], positiveInteger: [1, Infinity], nonPositiveInteger: [-Infinity, 0], negativeInteger: [-Infinity, -1],
  unsignedInt: [0, 4294967295], unsignedLong: [0, Infinity], unsignedShort: [0, 65535], unsignedByte: [0, 255],
};

export function valueMatches(type: string, expected: string, actual: string): boolean {
  if (type === 'string') return expected === actual;
  return collapse(expected) === collapse(actual);
}

export function dataAllows(type: string, params: Array<[string, string]>, raw: string): boolean {
  const whitespaceKept = type === 'string';
  const v = whitespaceKept ? raw : type === 'normalizedString' ? raw.replace(/[\t\n\r]/g, ' ') : collapse(raw);
  if (type in INTEGER_TYPES) {
    if (!/^[+-]?\d+$/.test(v)) return false;
    const [lo, hi] = INTEGER_TYPES[type];
    const n = Number(v);
    if (n < lo || n > hi) return false;
  } else if (type === 'decimal' || type === 'double' || type === 'float') {
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) && !(type !== 'decimal' && /^(INF|-INF|NaN)$/.test(v))) return false;
  } else if (type === 'boolean') {
    if (!/^(true|false|1|0)$/.test(v)) return false;
  } else if (type === 'NCName' || type === 'ID' || type === 'IDREF') {
    if (!/^[A-Za-z_][\w.-]*$/.test(v)) return false;
  } else if (type === 'Name') {
    if (!/^[A-Za-z_:][\w.:-]*$/.test(v)) return false;
  }
  for (const [name, value] of params) {
    switch (name) {
      case 'pattern': {
        const re = xsdRegex(value);
        if (re && !re.test(v)) return false;
        break;
      }
      case 'length': if ([...v].length !== Number(value)) return false; break;
      case 'minLength': if ([...v].length < Number(value)) return false; break;
      case 'maxLength': if ([...v].length > Number(value)) return false; break;
      case 'minInclusive': if (Number(v) < Number(value)) return false; break;
      case 'maxInclusive': if (Number(v) > Number(value)) return false; break;
      case 'minExclusive': if (Number(v) <= Number(value)) return false; break;
      case 'maxExclusive': if (Number(v) >= Number(value)) return false; break;
    }
  }
  return true;
}
