/** Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc / --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

if (process.argv.includes('--version')) {
  process.stderr.write('rpm-kiwi-language-server 0.1.0\n');
  process.exit(0);
}
// Anything written to stdout would corrupt the stdio transport: route console.log to stderr.
console.log = (...args: unknown[]) => console.error(...args);
startServer(createConnection(ProposedFeatures.all));
