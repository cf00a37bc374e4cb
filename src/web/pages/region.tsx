/** A region: its units with their disclosures by year. */
import type { DisclosureSummary, RegionSummary } from '../../store/queries.ts';
import type { Quality } from '../../store/read.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { Badge } from './common.tsx';

export function RegionPage(props: {
  lang: Lang;
  path: string;
  region: RegionSummary;
  disclosures: DisclosureSummary[];
  unitIds: Map<string, number>;
  quality: Map<number, Quality>;
}) {
  const { lang, region } = props;
  const units = [...new Set(props.disclosures.map((d) => d.unit))];
  return (
    <Page lang={lang} title={region.name} path={props.path}>
      <p>
        <a href={`/r/${encodeURIComponent(region.code)}/totals`}>{t(lang, 'totals')}</a>
      </p>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'units')}</th>
            <th scope="col">{t(lang, 'disclosures')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr>
              <th scope="row">
                <a href={`/u/${props.unitIds.get(u)}`}>{u}</a>
              </th>
              <td>
                {props.disclosures
                  .filter((d) => d.unit === u)
                  .map((d) => (
                    <span class="year-link">
                      <a href={`/d/${d.id}`}>{d.year}</a> <Badge q={props.quality.get(d.id)!} lang={lang} />
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
