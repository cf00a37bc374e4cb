/** Two disclosures side by side: key figures and spending by 类, with the difference. */
import type { DisclosureRecord } from '../../store/read.ts';
import type { ChartData, KeyFigure } from '../charts.ts';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { wan } from './common.tsx';

export interface Side {
  d: DisclosureRecord;
  figures: KeyFigure[];
  byClass: ChartData | undefined;
}

function Diff({ a, b }: { a: number | null; b: number | null }) {
  if (a === null || b === null) return <td class="num">—</td>;
  return (
    <td class="num">
      {b - a >= 0 ? '+' : ''}
      {wan(b - a)}
    </td>
  );
}

export function ComparePage(props: { lang: Lang; path: string; a: Side; b: Side }) {
  const { lang, a, b } = props;
  const name = (s: Side) => `${s.d.unit} ${s.d.year}`;
  const classes = [...new Set([...(a.byClass?.data ?? []), ...(b.byClass?.data ?? [])].map((x) => x.name))];
  const fenIn = (s: Side, n: string) => s.byClass?.data.find((x) => x.name === n)?.fen ?? null;
  return (
    <Page lang={lang} title={t(lang, 'compare')} path={props.path}>
      <table class="grid compare">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'amount')}</th>
            <th scope="col">
              <a href={`/d/${a.d.id}`}>{name(a)}</a>
            </th>
            <th scope="col">
              <a href={`/d/${b.d.id}`}>{name(b)}</a>
            </th>
            <th scope="col">{t(lang, 'change')}</th>
          </tr>
        </thead>
        <tbody>
          {a.figures.map((f, i) => {
            const other = b.figures[i]?.fen ?? null;
            return (
              <tr>
                <th scope="row">{f.title[lang]}</th>
                <td class="num">{f.fen === null ? '—' : wan(f.fen)}</td>
                <td class="num">{other === null ? '—' : wan(other)}</td>
                <Diff a={f.fen} b={other} />
              </tr>
            );
          })}
          {classes.map((n) => (
            <tr>
              <th scope="row">{n}</th>
              <td class="num">{fenIn(a, n) === null ? '—' : wan(fenIn(a, n)!)}</td>
              <td class="num">{fenIn(b, n) === null ? '—' : wan(fenIn(b, n)!)}</td>
              <Diff a={fenIn(a, n) ?? 0} b={fenIn(b, n) ?? 0} />
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
