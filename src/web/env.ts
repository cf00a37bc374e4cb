/** What every request carries through the portal's middleware. */
import type { Lang } from './i18n.ts';

export type Env = { Variables: { lang: Lang } };
