import { open } from 'node:fs/promises';

/** Files larger than this are read only up to it (text checks on huge outputs stay bounded). */
export const MAX_READ_BYTES = 10 * 1024 * 1024;

/** The first `limit` bytes of a file as UTF-8, and whether the file was longer. */
export async function readTextPrefix(path: string, limit = MAX_READ_BYTES): Promise<{ text: string; truncated: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    const truncated = length > limit;
    return { text: buffer.subarray(0, Math.min(length, limit)).toString('utf8'), truncated };
  } finally {
    await handle.close();
  }
}
