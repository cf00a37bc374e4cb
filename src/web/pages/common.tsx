/** Small pieces the portal pages share. */
import { amountText } from '../../render/layout.ts';
import type { Quality } from '../../store/read.ts';
import { type Lang, t } from '../i18n.ts';

/** Exact fen as 万元, as the tables print them. */
export const wan = (fen: number) => amountText(fen, '万元');

export function Badge({ q, lang }: { q: Quality; lang: Lang }) {
  const cls = q.error > 0 ? 'badge error' : q.warning > 0 ? 'badge warning' : 'badge clean';
  return (
    <span class={cls} data-errors={String(q.error)} data-warnings={String(q.warning)}>
      {q.error + q.warning === 0
        ? t(lang, 'clean')
        : t(lang, 'badge', { error: q.error, warning: q.warning })}
    </span>
  );
}

export function SearchBox({ lang, value = '' }: { lang: Lang; value?: string }) {
  return (
    <search>
      <form class="search" method="get" action="/search">
        <label>
          <span class="visually-hidden">{t(lang, 'search')}</span>
          <input type="search" name="q" value={value} placeholder={t(lang, 'searchHint')} maxlength={100} />
        </label>
        <button type="submit">{t(lang, 'search')}</button>
      </form>
    </search>
  );
}
