/** The published JSON Schema of the model, generated from the Zod schema (one source of truth). */
import { z } from 'zod';
import { Disclosure } from './schema.ts';

export function disclosureJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Disclosure, { target: 'draft-2020-12' }),
    $id: 'https://gongkai.invalid/schema/disclosure.schema.json',
    title: 'Gongkai Disclosure',
  } as Record<string, unknown>;
}
