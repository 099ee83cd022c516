#!/usr/bin/env python3
"""Dev loop without rebuilding: serves map-ui/src (and the npm vendor files) and forwards everything else to a running
service, same origin so the session cookie works. python3 proxy.py 8186 http://localhost:8185"""
import http.server, os, sys, urllib.request, urllib.error, mimetypes

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8186
UP = sys.argv[2] if len(sys.argv) > 2 else 'http://localhost:8185'
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
mimetypes.add_type('text/javascript', '.js')

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None

opener = urllib.request.build_opener(NoRedirect)

class H(http.server.BaseHTTPRequestHandler):
    def local(self):
        p = self.path.split('?')[0]
        if p == '/':
            p = '/index.html'
        if p.startswith('/vendor/'):
            f = os.path.join(ROOT, 'node_modules', p[len('/vendor/'):])
        else:
            f = os.path.join(ROOT, 'src', p.lstrip('/'))
        return f if os.path.isfile(f) else None

    def forward(self):
        f = self.local() if self.command == 'GET' else None
        if f:
            body = open(f, 'rb').read()
            self.send_response(200)
            self.send_header('Content-Type', mimetypes.guess_type(f)[0] or 'application/octet-stream')
            self.send_header('Content-Length', str(len(body)))
            self.send_header('Cache-Control', 'no-store')
            self.end_headers()
            self.wfile.write(body)
            return
        n = int(self.headers.get('Content-Length') or 0)
        data = self.rfile.read(n) if n else None
        req = urllib.request.Request(UP + self.path, data=data, method=self.command)
        for k, v in self.headers.items():
            if k.lower() in ('origin', 'referer'):
                v = v.replace('http://localhost:%d' % PORT, UP)
            if k.lower() not in ('host', 'content-length', 'connection', 'accept-encoding'):
                req.add_header(k, v)
        try:
            r = opener.open(req)
        except urllib.error.HTTPError as e:
            r = e
        body = r.read()
        self.send_response(r.status if hasattr(r, 'status') else r.code)
        for k, v in r.headers.items():
            if k.lower() == 'location':
                v = v.replace(UP, 'http://localhost:%d' % PORT)
            if k.lower() not in ('transfer-encoding', 'connection', 'content-length'):
                self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    def log_message(self, *a):
        pass

http.server.ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()
