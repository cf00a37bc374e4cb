/** `npm run docs`: write docs/rules.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from './docs.ts';

mkdirSync(new URL('../../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../docs/rules.md', import.meta.url), rulesMarkdown());
