// A minimal static file server for the portal bench: the file is read from disk on every request.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const file = process.argv[2];
const server = createServer(async (_req, res) => {
  const body = await readFile(file);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`static: http://localhost:${server.address().port}/`));
