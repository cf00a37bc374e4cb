/**
 * The check page: upload a disclosure, see its findings at once. The upload is read in memory,
 * checked and dropped: nothing is written anywhere. Size is bounded by the body limit, time by the
 * readers' own limits (a PDF's page count and reading time).
 */
import type { Report } from '../../rules/types.ts';
import { Findings, Obligations, Summary } from '../findings.tsx';
import { type Lang, t } from '../i18n.ts';
import { Page } from '../layout.tsx';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function CheckPage(props: {
  lang: Lang;
  path: string;
  report?: Report;
  error?: string;
  name?: string;
}) {
  const { lang, report, error } = props;
  return (
    <Page lang={lang} title={t(lang, 'check')} path={props.path}>
      <p>{t(lang, 'checkIntro')}</p>
      <form
        class="upload"
        method="post"
        action={`/check${lang === 'en' ? '?lang=en' : ''}`}
        enctype="multipart/form-data"
      >
        <label>
          {t(lang, 'file')}{' '}
          <input type="file" name="file" required accept=".pdf,.txt,.xlsx,.xls,application/pdf,text/plain" />
        </label>
        <span class="muted">{t(lang, 'limits', { mb: MAX_UPLOAD_BYTES / 1048576 })}</span>
        <button type="submit">{t(lang, 'submit')}</button>
      </form>
      {error ? (
        <div class="alert" role="alert">
          <strong>{t(lang, 'refused')}</strong>
          {props.name ? `（${props.name}）` : ''}：{error}
        </div>
      ) : null}
      {report ? (
        <section aria-labelledby="results">
          <h2 id="results">
            {t(lang, 'results')}
            {props.name ? `：${props.name}` : ''}
          </h2>
          <Summary report={report} lang={lang} />
          <Findings report={report} lang={lang} />
          <h2>{t(lang, 'rules')}</h2>
          <Obligations obligations={report.obligations} lang={lang} />
        </section>
      ) : null}
    </Page>
  );
}
