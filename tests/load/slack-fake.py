#!/usr/bin/env python3
"""Loopback stand-in for Slack's Web API, for tests/load/run.sh only: every method (chat.postMessage, users.info, …)
answers ok with the fields the bot reads, so nothing leaves the machine. Usage: slack-fake.py <port>"""
import json, sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

port = int(sys.argv[1])
answer = json.dumps({"ok": True, "ts": "1700000000.000100", "channel": "C0LOAD", "team_id": "T0LOAD", "user_id": "U0LOAD", "bot_id": "B0LOAD",
                     "user": {"id": "U0LOAD", "name": "load", "real_name": "Load", "tz": "America/Chicago", "profile": {}},
                     "channel_info": {"id": "C0LOAD"}}).encode()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def read_body(self):
        # HttpClient streams JSON content chunked (no Content-Length): read it all, or the rest of the body would be
        # parsed as the next request on the kept-alive connection and answered with an HTML error page.
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            while (size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)) > 0:
                self.rfile.read(size + 2)
            self.rfile.readline()
        else:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
    def do_GET(self): self.do_POST()
    def do_POST(self):
        self.read_body()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(answer)))
        self.end_headers(); self.wfile.write(answer)

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
