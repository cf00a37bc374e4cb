/** Serve the portal: `tsx src/web/server.ts` (PORT, default 8080). */
import { serve } from '@hono/node-server';
import { createApp } from './app.tsx';

const port = Number(process.env.PORT ?? 8080);
serve({ fetch: createApp().fetch, port }, (info) => {
  process.stdout.write(`Gongkai portal: http://localhost:${info.port}/\n`);
});
