/** Small text-bearing documents for the text rule tests. */
import type { Claim, Disclosure, Section } from '../../../src/model/schema.ts';
import { emptyDoc } from '../../helpers/doc.ts';

export function section(id: string, text: string, claims: Claim[] = [], line = 300): Section {
  return { id, title: `关于测试局2023年${id}情况说明`, text, claims, source: { line } };
}

/** A document whose only text is one Part 3 section. */
export function narrativeDoc(text: string, id = '二'): Disclosure {
  return emptyDoc({ narrative: [section(id, text)] });
}

/** A document whose only text is one glossary entry. */
export function glossaryDoc(term: string, definition: string): Disclosure {
  return emptyDoc({ glossary: [{ number: '一', term, definition, source: { line: 700 } }] });
}
