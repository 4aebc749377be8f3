"""A small headless-Chromium driver over the Chrome DevTools Protocol (CDP).

Used by the report's browser tests and its benchmark (and the review app's browser test) to
open a page, collect console errors, evaluate JavaScript, click and take screenshots. It needs
Debian's `chromium` and the `websockets` package (already installed with Prefect): no WebDriver,
no browser download. Chromium runs with the flags that keep it off the network
(`--disable-background-networking` etc.) in a throw-away profile.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

from eventpipe.errors import EventpipeError

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-extensions",
                  "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*")


class BrowserError(EventpipeError):
    """Chromium is missing, did not start, or a page did not do what was waited for."""


def find_chromium() -> str | None:
    """The Chromium binary on PATH (Debian's `chromium`), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Chromium:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, width: int = 1400, height: int = 1000, binary: str | None = None,
                 timeout: float = 60.0) -> None:
        self.binary = binary or find_chromium()
        if not self.binary:
            raise BrowserError("chromium is not installed", hint="apt-get install -y chromium")
        self.size = (width, height)
        self.timeout = timeout
        self.profile = Path(tempfile.mkdtemp(prefix="eventpipe-chromium-"))
        self.process: subprocess.Popen[bytes] | None = None
        self.ws: ClientConnection | None = None
        self.events: list[dict[str, Any]] = []
        self._next_id = 0

    def __enter__(self) -> Chromium:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start Chromium and attach to its first page."""
        args = [self.binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
                f"--window-size={self.size[0]},{self.size[1]}", "about:blank"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._wait_for_port()
        self.ws = connect(self._page_url(port), max_size=None, open_timeout=self.timeout)
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _wait_for_port(self) -> int:
        marker = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if marker.exists() and marker.read_text().strip():
                return int(marker.read_text().splitlines()[0])
            if self.process is not None and self.process.poll() is not None:
                raise BrowserError(f"chromium exited at start (code {self.process.returncode})")
            time.sleep(0.05)
        raise BrowserError("chromium did not open its DevTools port in time")

    def _page_url(self, port: int) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                pages = [t for t in json.load(response) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.05)
        raise BrowserError("chromium opened no page")

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """One CDP command; events received meanwhile are kept in `self.events`."""
        assert self.ws is not None, "start() first"
        self._next_id += 1
        self.ws.send(json.dumps({"id": self._next_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + self.timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited); a page exception raises."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            text = result["exceptionDetails"].get("text")
            raise BrowserError(f"javascript error: {text} in {expression!r}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> Any:
        """Poll until `expression` is truthy; returns its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        last_error = ""
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except BrowserError as error:  # e.g. the page is navigating: its context is gone
                last_error, value = f" (last error: {error})", None
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"timed out waiting for {expression!r}{last_error}")

    def click(self, selector: str, navigates: bool = False) -> None:
        """A real mouse click (pressed + released) at the centre of the element; with
        `navigates`, wait until the page it leads to (a new document) has loaded."""
        if navigates:
            self.evaluate("window.__eventpipeOldPage = true")
        self._click(selector)
        if navigates:
            self.wait_for("window.__eventpipeOldPage === undefined && document.readyState === 'complete'")

    def _click(self, selector: str) -> None:
        box = self.evaluate(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
            if (!el) return null; el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if not box:
            raise BrowserError(f"no element matches {selector!r}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def type_text(self, selector: str, text: str) -> None:
        """Focus an input and type `text` as key events."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            height = self.evaluate("document.documentElement.scrollHeight")
            params["clip"] = {"x": 0, "y": 0, "width": self.size[0], "height": height, "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen since the last `open`."""
        self.evaluate("0")  # drain pending events
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append(str(details.get("exception", {}).get("description") or details.get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                errors.append(params["entry"].get("text", ""))
        return errors
