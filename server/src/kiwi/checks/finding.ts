/** A finding of the KIWI checks (source `kiwi`). */
import type { Finding } from '../../common/findings';

export const kiwiFinding = (code: string, severity: Finding['severity'], message: string, span: { start: number; end: number }): Finding =>
  ({ code, severity, message, span, source: 'kiwi' });
