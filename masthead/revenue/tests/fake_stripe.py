"""A stand-in for Stripe's API on loopback: it records each request the stripe library sends and
answers the way Stripe documents (a Checkout Session with its ``url``, a portal session, a
cancelled subscription). Tests point ``STRIPE_API_BASE`` at it; nothing of Masthead is patched."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


class FakeStripe:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.refuse_with: int | None = None  # answer every API call with this HTTP status
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                return

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if self.path.startswith(("/pay/", "/portal/")):
                    page = b"<!doctype html><title>Fake Stripe Checkout</title><h1>Fake checkout</h1>"
                    self.answer(200, page, "text/html; charset=utf-8")
                else:
                    self.answer(404, b"{}")

            def do_POST(self) -> None:  # noqa: N802
                fake.handle(self)

            def do_DELETE(self) -> None:  # noqa: N802
                fake.handle(self)

            def answer(self, status: int, body: bytes, content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Request-Id", "req_fake")
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "FakeStripe":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length).decode()
        form = dict(parse_qsl(body, keep_blank_values=True))
        with self.lock:
            self.requests.append(
                {
                    "method": handler.command,
                    "path": handler.path,
                    "headers": dict(handler.headers),
                    "form": form,
                }
            )
            number = len(self.requests)
        if self.refuse_with:
            error = {"error": {"type": "api_error", "message": "The fake is refusing requests."}}
            handler.answer(self.refuse_with, json.dumps(error).encode())
            return
        if handler.command == "POST" and handler.path == "/v1/checkout/sessions":
            session_id = f"cs_test_{number}"
            answer = {
                "id": session_id,
                "object": "checkout.session",
                "mode": form.get("mode"),
                "url": f"{self.url}/pay/{session_id}",
                "client_reference_id": form.get("client_reference_id"),
                "status": "open",
            }
        elif handler.command == "POST" and handler.path == "/v1/billing_portal/sessions":
            answer = {
                "id": f"bps_{number}",
                "object": "billing_portal.session",
                "url": f"{self.url}/portal/{number}",
            }
        elif handler.command == "DELETE" and handler.path.startswith("/v1/subscriptions/"):
            answer = {"id": handler.path.rsplit("/", 1)[1], "object": "subscription", "status": "canceled"}
        else:
            handler.answer(404, json.dumps({"error": {"type": "invalid_request_error"}}).encode())
            return
        handler.answer(200, json.dumps(answer).encode())

    def calls(self, method: str, path_start: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == method and r["path"].startswith(path_start)]
