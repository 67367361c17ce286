/** Logging for the server: to the client's output channel when connected, else stderr. Never stdout. */
import type { Connection } from 'vscode-languageserver/node';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createLogger(connection: Connection | undefined): Logger {
  const stamp = () => new Date().toISOString().slice(11, 23);
  if (!connection) {
    return {
      info: (m) => process.stderr.write(`[${stamp()}] ${m}\n`),
      warn: (m) => process.stderr.write(`[${stamp()}] warning: ${m}\n`),
      error: (m) => process.stderr.write(`[${stamp()}] error: ${m}\n`),
    };
  }
  return {
    info: (m) => connection.console.info(`[${stamp()}] ${m}`),
    warn: (m) => connection.console.warn(`[${stamp()}] ${m}`),
    error: (m) => connection.console.error(`[${stamp()}] ${m}`),
  };
}
