/** Reading an uploaded file in memory: the same library readers as the CLI, chosen by the bytes. */
import { sniff } from '../ingest/detect.ts';
import { extractBytes, extractPdf } from '../ingest/index.ts';
import type { Disclosure } from '../model/schema.ts';

export async function extractUpload(bytes: Uint8Array, name: string): Promise<Disclosure> {
  const file = name.replace(/[\\/]/g, '_').slice(0, 200) || 'upload';
  return sniff(bytes.subarray(0, 8)) === 'pdf' ? extractPdf(bytes, { file }) : extractBytes(bytes, { file });
}
