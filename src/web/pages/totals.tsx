/** Region totals: one table's amounts summed over the region's latest disclosures, with drill-down. */
import type { RegionSummary, Total } from '../../store/queries.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { wan } from './common.tsx';

export interface TotalsView {
  year: number;
  years: number[];
  table: string;
  tables: { id: string; title: string }[];
  by: 'code' | 'economic';
  level: '类' | '款' | '项';
  prefix: string;
  names: Map<string, string>;
  totals: Total[];
}

const NEXT = { 类: '款', 款: '项', 项: null } as const;

export function TotalsPage(props: { lang: Lang; path: string; region: RegionSummary; v: TotalsView }) {
  const { lang, region, v } = props;
  const base = `/r/${encodeURIComponent(region.code)}/totals`;
  const link = (over: Partial<Record<string, string>>) => {
    const p = new URLSearchParams({
      year: String(v.year),
      table: v.table,
      by: v.by,
      level: v.level,
      ...over,
    });
    if (!p.get('prefix')) p.delete('prefix');
    return `${base}?${p}`;
  };
  const next = v.by === 'code' ? NEXT[v.level] : v.level === '类' ? '款' : null;
  const sum = v.totals.reduce((a, x) => a + x.fen, 0);
  return (
    <Page lang={lang} title={`${region.name} ${t(lang, 'totals')}`} path={props.path}>
      <form class="filters" method="get" action={base}>
        <label>
          {t(lang, 'year')}{' '}
          <select name="year">
            {v.years.map((y) => (
              <option value={String(y)} selected={y === v.year}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'table')}{' '}
          <select name="table">
            {v.tables.map((x) => (
              <option value={x.id} selected={x.id === v.table}>
                {x.id} {x.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'by')}{' '}
          <select name="by">
            <option value="code" selected={v.by === 'code'}>
              {t(lang, 'byCode')}
            </option>
            <option value="economic" selected={v.by === 'economic'}>
              {t(lang, 'byEconomic')}
            </option>
          </select>
        </label>
        <input type="hidden" name="level" value="类" />
        <button type="submit">{t(lang, 'show')}</button>
      </form>
      {v.prefix ? (
        <p>
          <a href={link({ level: '类', prefix: '' })}>{lang === 'zh' ? '全部' : 'All'}</a> › {v.prefix}{' '}
          {v.names.get(v.prefix) ?? ''}
        </p>
      ) : null}
      {v.totals.length === 0 ? (
        <p>{t(lang, 'noData')}</p>
      ) : (
        <table class="grid totals">
          <thead>
            <tr>
              <th scope="col">{lang === 'zh' ? '编码' : 'Code'}</th>
              <th scope="col">{lang === 'zh' ? '名称' : 'Name'}</th>
              <th scope="col">{t(lang, 'amount')}</th>
              <th scope="col">{t(lang, 'contributors')}</th>
            </tr>
          </thead>
          <tbody>
            {v.totals.map((x) => (
              <tr data-key={x.key}>
                <th scope="row">
                  {next ? <a href={link({ level: next, prefix: x.key })}>{x.key}</a> : x.key}
                </th>
                <td>{v.names.get(x.key) ?? ''}</td>
                <td class="num">{wan(x.fen)}</td>
                <td class="num">{x.disclosures}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                {lang === 'zh' ? '合计' : 'Total'}
              </th>
              <td class="num">{wan(sum)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </Page>
  );
}
