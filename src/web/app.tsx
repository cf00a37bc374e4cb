/**
 * The portal as one Hono app: server-rendered pages, the same library functions as the CLI. Built by
 * `createApp`, so tests call `app.request` without a server.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { InputError } from '../ingest/errors.ts';
import { checkDisclosure } from '../rules/engine.ts';
import type { Store } from '../store/db.ts';
import type { Env } from './env.ts';
import type { PageCache } from './http-cache.ts';
import { langOf, t } from './i18n.ts';
import { html, Page } from './layout.tsx';
import { CheckPage, MAX_UPLOAD_BYTES } from './pages/check.tsx';
import { apiRoutes } from './routes/api.ts';
import { pageRoutes } from './routes/pages.tsx';
import { securityHeaders } from './security.ts';
import { SITE_CSS } from './style.ts';
import { extractUpload } from './upload.ts';

export interface AppOptions {
  /** the store the public pages and the API read; without it only the check page is served */
  store?: Store;
  /** the whole-page cache (default: a new one bounded by GONGKAI_PAGE_CACHE_MB, 64 MB) */
  pageCache?: PageCache;
}

/** HTTP status for input the readers refuse. */
function statusOf(e: InputError): 400 | 413 | 415 | 422 {
  if (e.code === 'too-large') return 413;
  if (e.code === 'unsupported' || e.code === 'binary') return 415;
  if (e.code === 'not-disclosure' || e.code === 'no-text' || e.code === 'encrypted') return 422;
  return 400;
}

export function createApp(options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    const query = c.req.query('lang');
    const lang = langOf(query, getCookie(c, 'lang'));
    if (query === 'en' || query === 'zh') setCookie(c, 'lang', query, { path: '/', sameSite: 'Lax' });
    c.set('lang', lang);
    await next();
  });

  app.get('/assets/site.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SITE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  if (options.store) {
    apiRoutes(app, options.store);
    pageRoutes(app, options.store, options.pageCache ? { pages: options.pageCache } : {});
  }
  if (!options.store) {
    app.get('/', (c) => {
      const lang = c.get('lang');
      return c.html(
        html(
          <Page lang={lang} title={t(lang, 'site')} path={c.req.url}>
            <p>
              <a href="/check">{t(lang, 'check')}</a>
            </p>
          </Page>,
        ),
      );
    });
  }

  app.get('/check', (c) => {
    const lang = c.get('lang');
    return c.html(html(<CheckPage lang={lang} path={c.req.url} />));
  });

  app.post(
    '/check',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
      onError: (c) => {
        const lang = c.get('lang');
        const error = t(lang, 'tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 });
        return c.html(html(<CheckPage lang={lang} path={c.req.url} error={error} />), 413);
      },
    }),
    async (c) => {
      const lang = c.get('lang');
      const page = (
        status: 200 | 400 | 413 | 415 | 422,
        props: { error?: string; name?: string; report?: never },
      ) => c.html(html(<CheckPage lang={lang} path={c.req.url} {...props} />), status);
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return page(400, { error: t(lang, 'noFile') });
      }
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) return page(400, { error: t(lang, 'noFile') });
      if (file.size > MAX_UPLOAD_BYTES)
        return page(413, { error: t(lang, 'tooLarge', { mb: MAX_UPLOAD_BYTES / 1048576 }) });
      const name = file.name;
      try {
        const doc = await extractUpload(new Uint8Array(await file.arrayBuffer()), name);
        const report = checkDisclosure(doc);
        return c.html(html(<CheckPage lang={lang} path={c.req.url} report={report} name={name} />));
      } catch (e) {
        if (e instanceof InputError) return page(statusOf(e), { error: e.message, name });
        throw e;
      }
    },
  );

  app.notFound((c) => {
    const lang = c.get('lang') ?? 'zh';
    return c.html(html(<Page lang={lang} title={t(lang, 'notFound')} path={c.req.url} />), 404);
  });
  return app;
}
