/**
 * What a fetched answer is: the file we asked for, a 404, an HTML challenge page (Anubis, Cloudflare and
 * similar bot walls answer 200 with HTML instead of the spec), or another error — with a message that says
 * which host and what to do.
 */

export type Outcome =
  | { kind: 'ok'; text: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'challenge'; message: string }
  | { kind: 'error'; message: string };

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CHALLENGE = /anubis|making sure you('|&#39;)re not a bot|just a moment|cf-chl|checking your browser|challenge-platform|ddos-guard|captcha/i;

export function looksLikeHtml(answer: Answer): boolean {
  const type = answer.headers['content-type'] ?? '';
  const head = answer.body.slice(0, 512).trimStart().toLowerCase();
  return /text\/html/.test(type) || head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Classifies an answer for a raw file (spec, sources) from `host`. */
export function classifyFile(answer: Answer, host: string, what: string): Outcome {
  if (answer.status === 404 || answer.status === 410) return { kind: 'not-found', message: `No such package/branch on ${host}: ${what} was not found` };
  if (looksLikeHtml(answer)) {
    if (CHALLENGE.test(answer.body.slice(0, 20000)) || answer.status === 429 || answer.status === 503) {
      return { kind: 'challenge', message: `${host} answered with a browser challenge page instead of ${what}; open it in the browser, or point the base URL setting at a mirror` };
    }
    if (answer.status === 200) return { kind: 'error', message: `${host} answered with an HTML page instead of ${what} (is the URL template right?)` };
  }
  if (answer.status === 429) return { kind: 'error', message: `${host} is rate limiting requests (HTTP 429); try again later` };
  if (answer.status >= 500) return { kind: 'error', message: `${host} failed (HTTP ${answer.status}); try again later` };
  if (answer.status !== 200) return { kind: 'error', message: `${host} answered HTTP ${answer.status} for ${what}` };
  return { kind: 'ok', text: answer.body };
}

/** A failed request (no answer): timeout, DNS or connection errors mean "offline" to the user. */
export function classifyFailure(error: unknown, host: string, timeoutMs: number): Outcome {
  const e = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  const code = e?.code ?? e?.cause?.code ?? '';
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'error', message: `${host} did not answer within ${timeoutMs / 1000} s (offline?)` };
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|UND_ERR_SOCKET/.test(code)) return { kind: 'error', message: `${host} is not reachable (${code}): you seem to be offline` };
  return { kind: 'error', message: `${host} could not be reached: ${e?.message ?? String(error)}` };
}
