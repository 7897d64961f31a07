#!/usr/bin/env python3
"""Loopback stand-in for Microsoft's side of the Bot Framework, for tests/load/teams-messages.sh only:
OpenID metadata + JWKS (one RSA key endorsed for msteams), a token endpoint, and a connector that answers every
send/reply with an id. Usage: teams-fake.py <port> <modulus-hex>"""
import base64, json, sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

port, modulus_hex = int(sys.argv[1]), sys.argv[2]
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
base = f"http://127.0.0.1:{port}"
documents = {
    "/v1/.well-known/openidconfiguration": {"issuer": "https://api.botframework.com", "jwks_uri": f"{base}/v1/.well-known/keys",
                                            "authorization_endpoint": f"{base}/authorize", "id_token_signing_alg_values_supported": ["RS256"]},
    "/v1/.well-known/keys": {"keys": [{"kty": "RSA", "use": "sig", "kid": "load", "n": b64(bytes.fromhex(modulus_hex)),
                                       "e": b64((65537).to_bytes(3, "big")), "endorsements": ["msteams"]}]},
}

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
    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(data)))
        self.end_headers(); self.wfile.write(data)
    def do_GET(self): self.answer(documents.get(self.path, {}))
    def do_PUT(self): self.do_POST()
    def do_POST(self):
        self.read_body()
        if self.path == "/token":
            self.answer({"token_type": "Bearer", "expires_in": 3600, "access_token": "load-token"})
        else:
            self.answer({"id": "load-activity"})

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
