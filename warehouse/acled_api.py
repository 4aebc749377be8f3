"""A client of ACLED's API (https://acleddata.com/api-documentation): OAuth, paging, retries.

The protocol, as ACLED documents it and acledR (`acled_api`, `acled_update`,
`acled_deletions_api`) uses it:
- `POST /oauth/token` with form fields `username`, `password`, `grant_type=password`,
  `client_id=acled` returns `access_token` (valid 24 h) and `refresh_token`; an expired access
  token (401) is renewed with `grant_type=refresh_token`, or with the password if that fails.
- `GET /api/acled/read?_format=json` with `Authorization: Bearer <token>` and filters such as
  `country`, `region`, `event_date=A|B` + `event_date_where=BETWEEN`, `timestamp=T` +
  `timestamp_where=>=`, `limit` and `page` returns `{"status", "success", "count", "data": [...]}`;
  the last page holds fewer than `limit` rows.
- `GET /api/deleted/read` answers the same way with `event_id_cnty` and `deleted_timestamp`.

Credentials are held by `Credentials` (its repr hides the password) and are only ever sent in the
token request body: they never appear in a URL, a log line or an error message.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eventpipe.errors import EventpipeError, InputError

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://acleddata.com"
TOKEN_PATH = "/oauth/token"
READ_PATH = "/api/acled/read"
DELETED_PATH = "/api/deleted/read"
CLIENT_ID = "acled"
PAGE_LIMIT = 5000
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
TOO_LARGE_STATUSES = frozenset({413, 500, 502, 504})
USERNAME_ENV = "ACLED_USERNAME"
PASSWORD_ENV = "ACLED_PASSWORD"
CREDENTIALS_FILE_ENV = "ACLED_CREDENTIALS_FILE"


class AcledApiError(EventpipeError):
    """ACLED's API refused a request or kept failing; `status` is the last HTTP status (or None)."""

    def __init__(self, message: str, *, status: int | None = None, hint: str | None = None) -> None:
        self.status = status
        super().__init__(message, hint=hint)


@dataclass(frozen=True)
class Credentials:
    """A myACLED account (email and password). The password never shows in repr or logs."""

    username: str
    password: str = field(repr=False)

    @classmethod
    def load(cls, environ: Mapping[str, str], file: Path | None = None) -> Credentials:
        """From `ACLED_USERNAME`/`ACLED_PASSWORD`, else from a file of `KEY=value` lines (given,
        or named by `ACLED_CREDENTIALS_FILE`). Never from the command line."""
        values = {k: environ.get(k, "") for k in (USERNAME_ENV, PASSWORD_ENV)}
        path = file or (Path(environ[CREDENTIALS_FILE_ENV]) if environ.get(CREDENTIALS_FILE_ENV) else None)
        if path is not None and not (values[USERNAME_ENV] and values[PASSWORD_ENV]):
            values.update({k: v for k, v in read_credentials_file(path).items() if v})
        if not (values[USERNAME_ENV] and values[PASSWORD_ENV]):
            raise InputError(
                "no ACLED credentials",
                hint=f"set {USERNAME_ENV} and {PASSWORD_ENV}, or {CREDENTIALS_FILE_ENV} to a file "
                f"with {USERNAME_ENV}=... and {PASSWORD_ENV}=... lines",
            )
        return cls(values[USERNAME_ENV], values[PASSWORD_ENV])


def read_credentials_file(path: Path) -> dict[str, str]:
    """`KEY=value` lines (blank lines and `#` comments skipped); values may be quoted."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read the credentials file ({error.strerror})", file=str(path)) from error
    values = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and not key.startswith("#"):
            values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


@dataclass
class RetryPolicy:
    """Retries of 429 and 5xx answers: `attempts` in all, waiting `base_seconds * 2**n` (or the
    server's Retry-After) between them, never more than `max_seconds`."""

    attempts: int = 5
    base_seconds: float = 1.0
    max_seconds: float = 60.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), self.max_seconds)
        return min(self.base_seconds * 2**attempt, self.max_seconds)


class AcledClient:
    """One authenticated session with ACLED's API."""

    def __init__(self, credentials: Credentials, base_url: str = DEFAULT_BASE_URL,
                 retry: RetryPolicy | None = None, timeout: float = 120.0,
                 page_limit: int = PAGE_LIMIT) -> None:
        self._credentials = credentials
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.page_limit = page_limit
        self._access_token: str | None = None
        self._refresh_token: str | None = None
        self.requests = 0

    def __repr__(self) -> str:
        return f"AcledClient({self.base_url!r}, user={self._credentials.username!r})"

    def pages(self, path: str, params: Mapping[str, str]) -> Iterator[list[dict]]:
        """The rows of every page of a read endpoint, page by page, until a short page."""
        page, limit = 1, self.page_limit
        while True:
            rows = self.read(path, {**params, "limit": str(limit), "page": str(page)})
            yield rows
            if len(rows) < limit:
                return
            page += 1

    def read(self, path: str, params: Mapping[str, str]) -> list[dict]:
        """One page of a read endpoint (JSON), authenticated, with retries and token renewal."""
        query = urllib.parse.urlencode({"_format": "json", **params}, safe="|:")
        body = self._get_json(f"{self.base_url}{path}?{query}")
        if isinstance(body, dict) and body.get("success") is not False and isinstance(body.get("data"), list):
            return body["data"]
        message = (body.get("error") or body.get("messages")) if isinstance(body, dict) else None
        raise AcledApiError(f"unexpected answer from {path}: {str(message or body)[:200]}",
                            status=body.get("status") if isinstance(body, dict) else None)

    def _get_json(self, url: str) -> object:
        renewed = False
        for attempt in range(self.retry.attempts):
            request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self._token()}",
                                                           "Accept": "application/json"})
            status, headers, payload = self._send(request)
            if status == 401 and not renewed:
                log.info("ACLED access token expired; renewing it")
                self._renew()
                renewed = True
                continue
            if status in RETRY_STATUSES and attempt + 1 < self.retry.attempts:
                wait = self.retry.delay(attempt, headers.get("Retry-After"))
                log.warning("ACLED answered %d; retrying in %.1f s", status, wait)
                self.retry.sleep(wait)
                continue
            if status != 200:
                raise AcledApiError(f"ACLED answered HTTP {status} for {_path_of(url)}", status=status,
                                    hint=_hint(status))
            return _decode(payload, url)
        raise AcledApiError(f"ACLED kept refusing {_path_of(url)}", status=status)

    def _send(self, request: urllib.request.Request) -> tuple[int, Mapping[str, str], bytes]:
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            return 503, {}, f"cannot reach ACLED: {reason}".encode()

    def _token(self) -> str:
        if self._access_token is None:
            self._request_token({"grant_type": "password", "username": self._credentials.username,
                                 "password": self._credentials.password})
        return str(self._access_token)

    def _renew(self) -> None:
        if self._refresh_token:
            try:
                self._request_token({"grant_type": "refresh_token", "refresh_token": self._refresh_token})
                return
            except AcledApiError:
                log.info("refresh token refused; signing in again")
        self._access_token = None
        self._token()

    def _request_token(self, form: Mapping[str, str]) -> None:
        data = urllib.parse.urlencode({**form, "client_id": CLIENT_ID}).encode()
        url = f"{self.base_url}{TOKEN_PATH}"
        for attempt in range(self.retry.attempts):
            request = urllib.request.Request(url, data=data, method="POST", headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
            status, headers, payload = self._send(request)
            if status in RETRY_STATUSES and attempt + 1 < self.retry.attempts:
                self.retry.sleep(self.retry.delay(attempt, headers.get("Retry-After")))
                continue
            break
        if status != 200:
            raise AcledApiError(f"ACLED refused the sign-in (HTTP {status})", status=status,
                                hint="check ACLED_USERNAME/ACLED_PASSWORD and that API access is enabled "
                                     "for the account")
        body = _decode(payload, url)
        if not isinstance(body, dict) or not body.get("access_token"):
            raise AcledApiError("ACLED's token endpoint gave no access_token", status=status)
        self._access_token = str(body["access_token"])
        self._refresh_token = str(body.get("refresh_token") or "") or None


def _decode(payload: bytes, url: str) -> object:
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AcledApiError(f"ACLED's answer to {_path_of(url)} is not JSON") from error


def _path_of(url: str) -> str:
    """The URL's path only: query strings stay out of messages."""
    return urllib.parse.urlsplit(url).path


def _hint(status: int) -> str | None:
    if status == 403:
        return "the account has no API access yet: ask access@acleddata.com"
    if status in TOO_LARGE_STATUSES:
        return "the request may be too large: sync a shorter date range"
    return None
