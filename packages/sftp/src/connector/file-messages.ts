import { InvalidDataError, safeParseTransaction, type InvalidMessage, type JsonValue, type RecordMessage } from '@recon/core';
import type { RemoteFile } from '../events';
import type { ParsedFile } from '../parse/types';

/** The messages of a parsed file: every transaction validated (a bad one becomes `invalid`), then the parser's own invalid records. */
export function messagesOfParsedFile(parsed: ParsedFile): Array<RecordMessage | InvalidMessage> {
  const out: Array<RecordMessage | InvalidMessage> = [];
  for (const txn of parsed.transactions) {
    const result = safeParseTransaction(txn);
    out.push(result.success ? { type: 'record', txn: result.data } : { type: 'invalid', raw: txn, error: result.error });
  }
  for (const record of parsed.invalid) out.push({ type: 'invalid', raw: record.raw, error: record.error });
  return out;
}

/**
 * The invalid message for a whole file that could not be parsed: the file's identity, the
 * reason, and its content (UTF-8 text when it is text, else base64) when small enough, so the
 * dead letter is enough to look at the problem. The file itself stays on the server
 * (in place, or in the quarantine folder).
 */
export function unparseableFileMessage(file: RemoteFile, sha256: string, reason: string, content: Buffer | undefined): InvalidMessage {
  const raw: { [key: string]: JsonValue } = {
    file: file.name,
    path: file.path,
    size: file.size,
    mtime: new Date(file.mtimeMs).toISOString(),
    sha256,
    reason,
  };
  if (content) {
    const text = decodeText(content);
    raw.content = text ?? content.toString('base64');
    raw.contentEncoding = text === undefined ? 'base64' : 'utf-8';
  }
  const error = new InvalidDataError(`[recon:sftp] ${file.name} could not be parsed: ${reason}`, {
    code: 'SFTP_FILE_UNPARSEABLE',
    connector: 'sftp',
    issues: [{ path: ['file', file.name], message: reason }],
    raw,
  });
  return { type: 'invalid', raw, error };
}

function decodeText(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
