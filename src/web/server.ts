/** Serve the portal on the store (SQLite under ./data, or DATABASE_URL): PORT, default 8080. */
import { serve } from '@hono/node-server';
import { openStore } from '../store/db.ts';
import { createApp } from './app.tsx';

const store = await openStore();
const port = Number(process.env.PORT ?? 8080);
serve({ fetch: createApp({ store }).fetch, port }, (info) => {
  process.stdout.write(
    `Gongkai portal (${store.engine}: ${store.location}): http://localhost:${info.port}/\n`,
  );
});
