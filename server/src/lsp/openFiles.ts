/**
 * The editor's open documents in front of the disk, for the files the service reads besides the document
 * it was asked about (a KIWI fragment or the description including it, a spec's `%include` file): what the
 * user typed counts before it is saved, and edits computed for another file (a fragment's quick fix, a
 * rename) fit the text the editor has, not the saved one.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { FileStat, Host } from '../service/types';

export class OpenFiles {
  private readonly byPath = new Map<string, { uri: string; opened: number }>();
  private opens = 0;

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The file-system path of a `file:` URI. */
  static pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return URI.parse(uri).fsPath;
    } catch {
      return undefined;
    }
  }

  opened(uri: string): void {
    const path = OpenFiles.pathOf(uri);
    if (path) this.byPath.set(path, { uri, opened: ++this.opens });
  }

  closed(uri: string): void {
    const path = OpenFiles.pathOf(uri);
    if (path && this.byPath.get(path)?.uri === uri) this.byPath.delete(path);
  }

  private open(path: string): { doc: TextDocument; opened: number } | undefined {
    const o = this.byPath.get(path);
    const doc = o && this.documents.get(o.uri);
    return doc ? { doc, opened: o.opened } : undefined;
  }

  /** `base` reading open documents from the editor. */
  host(base: Host): Host {
    const host: Host = Object.create(base);
    host.readFile = async (path) => {
      const o = this.open(path);
      return o ? new TextEncoder().encode(o.doc.getText()) : base.readFile(path);
    };
    host.stat = async (path): Promise<FileStat | undefined> => {
      const o = this.open(path);
      if (!o) return base.stat(path);
      return { size: Buffer.byteLength(o.doc.getText()), mtimeMs: 0, open: `${o.opened}:${o.doc.version}` };
    };
    return host;
  }
}
