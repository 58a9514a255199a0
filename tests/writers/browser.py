"""A headless Chromium driven over the DevTools protocol on a pipe (no websocket, no
driver to download): open a page at a width, run JavaScript in it, take a screenshot.

One browser process serves every page of a test session (``Browser`` is a context
manager); ``find_chromium`` says where the browser is, or None where it is absent.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
TIMEOUT = 60.0
"""Seconds to wait for one answer of the browser."""


def find_chromium() -> str | None:
    """The Chromium to drive: ``IPDOCS_CHROMIUM``, else the first on PATH."""
    chosen = os.environ.get("IPDOCS_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def _as_fds_3_and_4(reading: int, writing: int) -> None:
    """In the browser's process before it starts: the pipe's ends as its file descriptors
    3 and 4, inherited (copied first: either may be 3 or 4 already, close-on-exec)."""
    copies = os.dup(reading), os.dup(writing)
    os.dup2(copies[0], 3)
    os.dup2(copies[1], 4)


class BrowserError(RuntimeError):
    """The browser answered with an error, or not at all."""


class Browser:
    """A headless Chromium and one page (tab) in it."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.profile = tempfile.TemporaryDirectory(prefix="ipdocs-chromium-")
        self.count = 0
        self.buffer = b""
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def __enter__(self) -> Browser:
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        self.process = subprocess.Popen(
            [self.executable, "--headless", "--remote-debugging-pipe", "--no-sandbox",
             "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--font-render-hinting=none", f"--user-data-dir={self.profile.name}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=lambda: _as_fds_3_and_4(to_browser_r, from_browser_w))
        os.close(to_browser_r)
        os.close(from_browser_w)
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")
        return self

    def __exit__(self, *_: object) -> None:
        try:
            self.session = ""
            self.call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            os.close(fd)
        self.profile.cleanup()

    def _send(self, message: dict[str, Any]) -> None:
        """Write one message to the browser."""
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.to_browser, data):]

    def _receive(self) -> dict[str, Any]:
        """Read one message from the browser."""
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.from_browser], [], [], TIMEOUT)
            if not ready:
                raise BrowserError("the browser did not answer")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed its pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return dict(json.loads(message))

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer (events meanwhile are kept)."""
        self.count += 1
        message: dict[str, Any] = {"id": self.count, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self._send(message)
        while True:
            answer = self._receive()
            if answer.get("id") == self.count:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event (one already received counts)."""
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return dict(self.events.pop(index))
            self.events.append(self._receive())

    def open(self, path: Path, width: int, height: int = 800) -> None:
        """Show the file at ``path`` in a window ``width`` CSS pixels wide."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        """Save the whole page as a PNG, or a JPEG (faster, smaller) where ``path`` ends
        in .jpg."""
        options: dict[str, Any] = {"format": "png"}
        if path.suffix == ".jpg":
            options = {"format": "jpeg", "quality": 75, "optimizeForSpeed": True}
        shot = self.call("Page.captureScreenshot", captureBeyondViewport=True, **options)
        path.write_bytes(base64.b64decode(shot["data"]))
