/**
 * Memos for checks that look at one line or one tag at a time. Incremental re-parsing keeps the node
 * objects of unchanged text (only their offsets move), so what a check found on a node is kept with offsets
 * relative to the node and reused while the node and its context are the same.
 */
import type { Finding, Severity } from '../../../common/findings';
import type { Tag } from '../../../rpm/ast';
import { own } from '../../../rpm/reader';
import { keepShape } from '../../../common/keepShape';

/** A finding with offsets relative to an anchor (a line's or a tag's start). */
export interface RelFinding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  extra?: Partial<Finding>;
}

export function absolute(r: RelFinding, base: number, source: string): Finding {
  return { code: r.code, severity: r.severity, message: r.message, span: { start: base + r.start, end: base + r.end }, source, ...r.extra };
}

/** Collects relative findings for one node. */
export class RelCollector {
  list: RelFinding[] | undefined;
  constructor(private readonly base: number) {}
  add(code: string, severity: Severity, message: string, start: number, end: number, extra?: Partial<Finding>): void {
    (this.list ??= []).push({ code, severity, message: own(message), start: start - this.base, end: end - this.base, extra: ownData(extra) });
  }
}

/**
 * `extra` with its data's strings as strings of their own: memos live as long as their node, across
 * versions of the text, and must not keep an old text alive (see `own`).
 */
function ownData(extra: Partial<Finding> | undefined): Partial<Finding> | undefined {
  const data = extra?.data;
  if (!data || typeof data !== 'object') return extra;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) copy[k] = typeof v === 'string' ? own(v) : v;
  return { ...extra, data: copy };
}

/** `f` relative to `base` (its source, tags and data kept). */
export function relative(f: Finding, base: number): RelFinding {
  const { code, severity, message, span, ...extra } = f;
  return { code, severity, message: own(message), start: span.start - base, end: span.end - base, extra: ownData(extra) };
}

/** What checks found on a tag by itself: rpmlint's tag checks, rpm's own tag checks (null: nothing). */
export interface TagMemo {
  lint?: RelFinding[] | null;
  own?: RelFinding | null;
}

export function tagMemo(t: Tag): TagMemo {
  return (t.memo ??= {}) as TagMemo;
}

keepShape(new RelCollector(0));
