/** Home: regions, the latest disclosures of each with their quality, a search box. */
import type { DisclosureSummary, RegionSummary } from '../../store/queries.ts';
import type { Quality } from '../../store/read.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { Badge, SearchBox } from './common.tsx';

export function HomePage(props: {
  lang: Lang;
  path: string;
  regions: RegionSummary[];
  years: Map<string, number[]>;
  disclosures: DisclosureSummary[];
  quality: Map<number, Quality>;
}) {
  const { lang } = props;
  return (
    <Page lang={lang} title={t(lang, 'site')} path={props.path}>
      <SearchBox lang={lang} />
      {props.regions.length === 0 ? <p>{t(lang, 'noData')}</p> : null}
      {props.regions.map((r) => {
        const list = props.disclosures.filter((d) => d.region === r.code);
        const years = props.years.get(r.code) ?? [];
        return (
          <section class="region" aria-labelledby={`r-${r.code}`}>
            <h2 id={`r-${r.code}`}>
              <a href={`/r/${encodeURIComponent(r.code)}`}>{r.name}</a>{' '}
              <span class="muted">{t(lang, 'unitsCount', { n: r.units })}</span>
            </h2>
            <p class="muted">
              {t(lang, 'year')}：{years.join('、')} ·{' '}
              <a href={`/r/${encodeURIComponent(r.code)}/totals`}>{t(lang, 'totals')}</a>
            </p>
            <ul class="disclosures">
              {list.slice(0, 30).map((d) => (
                <li>
                  <a href={`/d/${d.id}`}>
                    {d.unit} {d.year}
                  </a>{' '}
                  <span class="muted">{d.template}</span> <Badge q={props.quality.get(d.id)!} lang={lang} />
                </li>
              ))}
            </ul>
            {list.length > 30 ? (
              <p>
                <a href={`/r/${encodeURIComponent(r.code)}`}>… {t(lang, 'unitsCount', { n: r.units })}</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </Page>
  );
}
