/**
 * A disclosure: who, which year, its quality, downloads, charts, the findings (each linked to the
 * place it concerns) and the whole document with every finding marked on its cell or sentence.
 */
import { raw } from 'hono/html';
import { locationsText } from '../../render/report.ts';
import type { DisclosureRecord } from '../../store/read.ts';
import type { ChartData } from '../charts.ts';
import { Obligations } from '../findings.tsx';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { Badge, wan } from './common.tsx';

export interface Download {
  format: string;
  label: string;
}

export function DisclosurePage(props: {
  lang: Lang;
  path: string;
  d: DisclosureRecord;
  charts: ChartData[];
  document: string;
  anchors: Map<number, string>;
  downloads: Download[];
  /** other disclosures to compare with */
  others: { id: number; label: string }[];
}) {
  const { lang, d } = props;
  const f = d.report.findings;
  const quality = {
    error: f.filter((x) => x.severity === 'error').length,
    warning: f.filter((x) => x.severity === 'warning').length,
    info: f.filter((x) => x.severity === 'info').length,
  };
  return (
    <Page lang={lang} title={`${d.unit} ${d.year}`} path={props.path}>
      <p class="muted">
        <a href={`/r/${encodeURIComponent(d.region)}`}>{d.regionName}</a> ·{' '}
        <a href={`/u/${d.unitId}`}>{d.unit}</a> · {t(lang, 'template')} {d.template} · {t(lang, 'version')}{' '}
        {d.version}
        {d.latestId === d.id ? '' : ` (${t(lang, 'older')}: `}
        {d.latestId !== d.id && d.latestId !== null ? (
          <a href={`/d/${d.latestId}`}>{t(lang, 'latest')}</a>
        ) : null}
        {d.latestId === d.id ? '' : ')'}
      </p>
      <p>
        <Badge q={quality} lang={lang} />
      </p>
      <nav class="downloads" aria-label={t(lang, 'downloads')}>
        <strong>{t(lang, 'downloads')}：</strong>
        {props.downloads.map((x) => (
          <a href={`/d/${d.id}/download/${x.format}`} data-format={x.format}>
            {x.label}
          </a>
        ))}
      </nav>
      {props.others.length > 0 ? (
        <form class="filters" method="get" action="/compare">
          <input type="hidden" name="a" value={String(d.id)} />
          <label>
            {t(lang, 'compare')}{' '}
            <select name="b">
              {props.others.map((o) => (
                <option value={String(o.id)}>{o.label}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t(lang, 'show')}</button>
        </form>
      ) : null}
      {props.charts.length > 0 ? (
        <section aria-labelledby="charts">
          <h2 id="charts">{t(lang, 'charts')}</h2>
          <div class="charts">
            {props.charts.map((c) => (
              <figure>
                <img src={`/d/${d.id}/charts/${c.id}.svg`} alt={c.title[lang]} width={640} height={360} />
                <figcaption>
                  <details>
                    <summary>{c.title[lang]}</summary>
                    <table class="grid">
                      <tbody>
                        {c.data.map((x) => (
                          <tr>
                            <th scope="row">{x.name}</th>
                            <td class="num">{wan(x.fen)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="findings">
        <h2 id="findings">
          {t(lang, 'results')}（{f.length}）
        </h2>
        <ol class="findings">
          {f.map((x, n) => {
            const anchor = props.anchors.get(n);
            return (
              <li class={x.severity} id={`finding-${n + 1}`} data-rule={x.rule}>
                <span class="sev">{t(lang, x.severity)}</span>
                {x.message} <span class="rule">{x.rule}</span>
                <div class="muted">
                  {t(lang, 'where')}：
                  {anchor ? (
                    <a href={`#${anchor}`}>{locationsText(x.locations)}</a>
                  ) : (
                    locationsText(x.locations)
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        <details>
          <summary>{t(lang, 'rules')}</summary>
          <Obligations obligations={d.report.obligations} lang={lang} />
        </details>
      </section>
      <section aria-labelledby="document" class="document">
        <h2 id="document">{t(lang, 'document')}</h2>
        {raw(props.document)}
      </section>
    </Page>
  );
}
