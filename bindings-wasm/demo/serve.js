'use strict';
// Serves the demo page on 127.0.0.1: bindings-wasm/demo/ at /demo/ and the web build at
// /pkg/web-forms/ (build it first: bash bindings-wasm/build.sh). Nothing else is served.
//
//   node bindings-wasm/demo/serve.js          # a free port
//   PORT=8080 node bindings-wasm/demo/serve.js
//
// Also a module: `start({ port })` resolves to `{ server, url }` (the tests use it).
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const HOST = '127.0.0.1';
/** The folders served, under ROOT. */
const SERVED = ['demo', path.join('pkg', 'web-forms')];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
// The page's own policy, sent as a header too: this server's files only, no form sent anywhere.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
  + "form-action 'none'; frame-ancestors 'none'";

/** The file a URL path names, or null when it is outside the served folders. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(ROOT, `.${path.posix.normalize(decoded)}`);
  const inside = SERVED.some((dir) => {
    const base = path.join(ROOT, dir);
    return file === base || file.startsWith(base + path.sep);
  });
  return inside ? file : null;
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed\n');
  }
  const { pathname } = new URL(req.url, `http://${HOST}`);
  if (pathname === '/' || pathname === '/demo') {
    res.writeHead(302, { Location: '/demo/' });
    return res.end();
  }
  let file = fileFor(pathname);
  if (!file) return send(res, 404, 'not found\n');
  fs.stat(file, (err, stat) => {
    if (!err && stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    fs.readFile(file, (readErr, body) => {
      if (readErr) {
        const hint = pathname.startsWith('/pkg/') ? ' (run bash bindings-wasm/build.sh first)' : '';
        return send(res, 404, `not found${hint}\n`);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
}

/**
 * Starts the server on 127.0.0.1 and `port` (0 or absent: a free one).
 * @returns {Promise<{server: http.Server, url: string}>} `url` is the page's address.
 */
function start({ port = 0 } = {}) {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve({ server, url: `http://${HOST}:${server.address().port}/demo/` });
    });
  });
}

module.exports = { start };

if (require.main === module) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 0 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.js: PORT must be a port number, not ${process.env.PORT}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(ROOT, 'pkg', 'web-forms', 'index_bg.wasm'))) {
    console.error('serve.js: pkg/web-forms is not built yet; run: bash bindings-wasm/build.sh');
  }
  start({ port }).then(({ server, url }) => {
    console.log(`liaison demo: ${url}  (Ctrl-C to stop)`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (e) => {
    console.error(`serve.js: cannot listen on ${HOST}:${port}: ${e.message}`);
    process.exit(1);
  });
}
