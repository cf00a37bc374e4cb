/** A check report as HTML: a summary line, the findings (most severe first), every rule's status. */
import { locationsText } from '../render/report.ts';
import { RULES } from '../rules/registry.ts';
import type { Obligation, Report } from '../rules/types.ts';
import { type Lang, t } from './i18n.ts';

const STATUS = {
  passed: 'passed',
  failed: 'failed',
  'not-applicable': 'notApplicable',
  'insufficient-data': 'insufficient',
} as const;

const TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

export function Summary({ report, lang }: { report: Report; lang: Lang }) {
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  return (
    <p class="summary">
      {t(lang, 'summary', {
        unit: report.unit ?? '—',
        year: report.year ?? '—',
        template: report.template,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
      })}
    </p>
  );
}

export function Findings({ report, lang }: { report: Report; lang: Lang }) {
  if (report.findings.length === 0) return <p>{t(lang, 'noFindings')}</p>;
  return (
    <ol class="findings">
      {report.findings.map((f) => (
        <li class={f.severity} data-rule={f.rule}>
          <span class="sev">{t(lang, f.severity)}</span>
          {f.message} <span class="rule">{f.rule}</span>
          <div class="muted">
            {t(lang, 'where')}：{locationsText(f.locations)}
          </div>
          {f.stated !== undefined || f.expected !== undefined ? (
            <dl class="values">
              {f.stated !== undefined ? (
                <div>
                  <dt>{t(lang, 'stated')}</dt>
                  <dd>{f.stated}</dd>
                </div>
              ) : null}
              {f.expected !== undefined ? (
                <div>
                  <dt>{t(lang, 'expected')}</dt>
                  <dd>{f.expected}</dd>
                </div>
              ) : null}
              {f.difference !== undefined ? (
                <div>
                  <dt>{t(lang, 'difference')}</dt>
                  <dd>{f.difference}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function Obligations({ obligations, lang }: { obligations: Obligation[]; lang: Lang }) {
  return (
    <table class="grid obligations">
      <thead>
        <tr>
          <th scope="col">{lang === 'zh' ? '规则' : 'Rule'}</th>
          <th scope="col">{lang === 'zh' ? '状态' : 'Status'}</th>
          <th scope="col">{lang === 'zh' ? '说明' : 'Detail'}</th>
        </tr>
      </thead>
      <tbody>
        {obligations.map((o) => (
          <tr data-status={o.status}>
            <th scope="row">
              {TITLES.get(o.rule)?.[lang] ?? o.rule} <span class="rule">{o.rule}</span>
            </th>
            <td>
              {t(lang, STATUS[o.status])}
              {o.count !== undefined ? ` (${o.count})` : ''}
            </td>
            <td>{o.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
