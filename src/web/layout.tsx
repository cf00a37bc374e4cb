/** The frame of every page: language, title, the site bar with a language switch, the footer. */
import type { Child } from 'hono/jsx';
import { type Lang, t } from './i18n.ts';

export interface PageProps {
  lang: Lang;
  title: string;
  /** the page's own path and query, for the language switch */
  path: string;
  children?: Child;
}

function switchHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `${url.pathname}${url.search}`;
}

export function Page({ lang, title, path, children }: PageProps) {
  const q = lang === 'en' ? '?lang=en' : '';
  return (
    <html lang={t(lang, 'lang')}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t(lang, 'site')}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <header class="site">
          <div class="bar">
            <a class="brand" href={`/${q}`}>
              {t(lang, 'site')}
            </a>
            <nav aria-label={lang === 'zh' ? '主导航' : 'Main'}>
              <a href={`/${q}`}>{t(lang, 'home')}</a>
              <a href={`/check${q}`}>{t(lang, 'check')}</a>
            </nav>
            <a href={switchHref(path, lang)} hreflang={lang === 'zh' ? 'en' : 'zh-CN'} data-switch-lang>
              {t(lang, 'switchTo')}
            </a>
          </div>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site">Gongkai 公开 · MIT</footer>
      </body>
    </html>
  );
}

/** A full HTML document from a page element. */
export function html(el: unknown): string {
  return `<!DOCTYPE html>${String(el)}`;
}
