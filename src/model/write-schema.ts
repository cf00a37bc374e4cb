/** `npm run schema`: write schema/disclosure.schema.json. */
import { writeFileSync } from 'node:fs';
import { disclosureJsonSchema } from './json-schema.ts';

writeFileSync(
  new URL('../../schema/disclosure.schema.json', import.meta.url),
  `${JSON.stringify(disclosureJsonSchema(), null, 2)}\n`,
);
