/** Search across units: rows (subjects by code or name, projects, lines) and performance indicators. */
import type { SearchHit } from '../../store/read.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { SearchBox } from './common.tsx';

export interface IndicatorHit {
  disclosureId: number;
  unitId: number;
  unit: string;
  year: number;
  /** the indicator's row on the disclosure page */
  anchor: string;
  project: string;
  level1: string;
  level2: string;
  indicator: string;
  value: string;
}

export function SearchPage(props: {
  lang: Lang;
  path: string;
  q: string;
  rows: SearchHit[];
  indicators: IndicatorHit[];
}) {
  const { lang, q } = props;
  const n = props.rows.length + props.indicators.length;
  return (
    <Page lang={lang} title={t(lang, 'search')} path={props.path}>
      <SearchBox lang={lang} value={q} />
      {q ? <p class="summary">{t(lang, 'searchResults', { q, n })}</p> : null}
      {props.rows.length > 0 ? (
        <table class="grid results">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'units')}</th>
              <th scope="col">{t(lang, 'year')}</th>
              <th scope="col">{t(lang, 'table')}</th>
              <th scope="col">{lang === 'zh' ? '编码' : 'Code'}</th>
              <th scope="col">{lang === 'zh' ? '名称' : 'Name'}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((h) => (
              <tr>
                <td>
                  <a href={`/u/${h.unitId}`}>{h.unit}</a>
                </td>
                <td>
                  <a href={`/d/${h.disclosureId}`}>{h.year}</a>
                </td>
                <td>
                  <a href={`/d/${h.disclosureId}#${h.table}`}>{h.table}</a>
                </td>
                <td>{h.code ?? ''}</td>
                <td>{h.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.indicators.length > 0 ? (
        <section aria-labelledby="indicators">
          <h2 id="indicators">{lang === 'zh' ? '绩效指标' : 'Performance indicators'}</h2>
          {byUnit(props.indicators).map(([unit, hits]) => (
            <section class="hits" data-unit={String(unit.id)}>
              <h3>
                <a href={`/u/${unit.id}`}>{unit.name}</a>{' '}
                <span class="muted">{lang === 'zh' ? `${hits.length} 项` : `${hits.length}`}</span>
              </h3>
              <table class="grid results">
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'year')}</th>
                    <th scope="col">{lang === 'zh' ? '项目' : 'Project'}</th>
                    <th scope="col">{lang === 'zh' ? '一级/二级指标' : 'Level 1 / 2'}</th>
                    <th scope="col">{lang === 'zh' ? '三级指标' : 'Indicator'}</th>
                    <th scope="col">{lang === 'zh' ? '指标值' : 'Target'}</th>
                  </tr>
                </thead>
                <tbody>
                  {hits.map((h) => (
                    <tr>
                      <td>
                        <a href={`/d/${h.disclosureId}`}>{h.year}</a>
                      </td>
                      <td>{h.project}</td>
                      <td>
                        {h.level1} / {h.level2}
                      </td>
                      <td>
                        <a href={`/d/${h.disclosureId}#${h.anchor}`}>{h.indicator}</a>
                      </td>
                      <td>{h.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </section>
      ) : null}
    </Page>
  );
}

/** Hits grouped by unit, in the order the units first appear. */
function byUnit(hits: IndicatorHit[]): [{ id: number; name: string }, IndicatorHit[]][] {
  const groups = new Map<number, [{ id: number; name: string }, IndicatorHit[]]>();
  for (const h of hits) {
    const g = groups.get(h.unitId) ?? [{ id: h.unitId, name: h.unit }, []];
    g[1].push(h);
    groups.set(h.unitId, g);
  }
  return [...groups.values()];
}
