/** Reading an uploaded file in memory: the same library reader as the CLI, chosen by the bytes. */
import { extractAny } from '../ingest/index.ts';
import type { Disclosure } from '../model/schema.ts';

export async function extractUpload(bytes: Uint8Array, name: string): Promise<Disclosure> {
  const file = name.replace(/[\\/]/g, '_').slice(0, 200) || 'upload';
  return extractAny(bytes, { file });
}
