/** A unit: where it sits (region › department › unit), its own units, every year and version with its quality, key figures over the years, 三公 as a chart. */
import type { UnitRecord } from '../../store/read.ts';
import type { KeyFigure } from '../charts.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { Badge, wan } from './common.tsx';

export function UnitPage(props: {
  lang: Lang;
  path: string;
  unit: UnitRecord;
  /** key figures of the latest version of each year, oldest year first */
  years: { year: number; id: number; figures: KeyFigure[] }[];
}) {
  const { lang, unit } = props;
  const ids = props.years[0]?.figures.map((f) => f.id) ?? [];
  return (
    <Page lang={lang} title={unit.name} path={props.path}>
      <nav class="breadcrumb muted" aria-label={t(lang, 'breadcrumb')}>
        <a href={`/r/${encodeURIComponent(unit.region)}`}>{unit.regionName}</a>
        {unit.parent ? (
          <>
            {' › '}
            <a href={`/u/${unit.parent.id}`} data-parent>
              {unit.parent.name}
            </a>
          </>
        ) : null}
        {' › '}
        <span aria-current="page">{unit.name}</span>
      </nav>
      {unit.children.length > 0 ? (
        <details class="sub-units" open={unit.children.length <= 50}>
          <summary>
            {t(lang, 'subUnits')}（{unit.children.length}）
          </summary>
          <ul>
            {unit.children.map((c) => (
              <li>
                <a href={`/u/${c.id}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h2>{t(lang, 'disclosures')}</h2>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'year')}</th>
            <th scope="col">{t(lang, 'template')}</th>
            <th scope="col">{t(lang, 'version')}</th>
            <th scope="col">{t(lang, 'quality')}</th>
          </tr>
        </thead>
        <tbody>
          {unit.disclosures.map((d) => (
            <tr>
              <th scope="row">
                <a href={`/d/${d.id}`}>{d.year}</a>
              </th>
              <td>{d.template}</td>
              <td>
                {d.version} {d.latest ? `(${t(lang, 'latest')})` : `(${t(lang, 'older')})`}
              </td>
              <td>
                <Badge q={d.quality} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.years.length > 0 ? (
        <>
          <h2>{t(lang, 'compareYears')}</h2>
          <table class="grid compare">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'amount')}</th>
                {props.years.map((y) => (
                  <th scope="col">{y.year}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ids.map((id, i) => (
                <tr>
                  <th scope="row">{props.years[0]!.figures[i]!.title[lang]}</th>
                  {props.years.map((y, k) => {
                    const f = y.figures.find((x) => x.id === id)?.fen ?? null;
                    const prev =
                      k > 0 ? (props.years[k - 1]!.figures.find((x) => x.id === id)?.fen ?? null) : null;
                    return (
                      <td class="num">
                        {f === null ? '—' : wan(f)}
                        {f !== null && prev !== null ? (
                          <span class="delta">
                            {' '}
                            ({f - prev >= 0 ? '+' : ''}
                            {wan(f - prev)})
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <figure>
            <img
              src={`/u/${unit.id}/sangong.svg`}
              alt={`${t(lang, 'sangong')}：${props.years
                .map(
                  (y) =>
                    `${y.year} ${(() => {
                      const f = y.figures.find((x) => x.id === 'sangong')?.fen;
                      return f === null || f === undefined ? '—' : wan(f);
                    })()}`,
                )
                .join('；')}`}
              width={640}
              height={300}
            />
          </figure>
        </>
      ) : null}
    </Page>
  );
}
