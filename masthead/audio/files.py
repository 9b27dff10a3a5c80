"""Serving narration files with HTTP range requests (RFC 9110, section 14), so players can seek.

Browsers ask for ``Range: bytes=…`` when a listener jumps ahead, and Safari
refuses to play media from a server that does not answer ranges with
``206 Partial Content``. Django's static ``serve`` and ``FileResponse``
always send the whole file, so narrations go through this view, under
``make run``'s granian and in tests alike.
"""

import os
import re
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class _Slice:
    """A file object that reads ``length`` bytes from ``start``, for ``FileResponse``."""

    def __init__(self, path: Path, start: int, length: int) -> None:
        self.file = open(path, "rb")  # noqa: SIM115  (FileResponse closes it)
        self.file.seek(start)
        self.remaining = length

    def read(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.file.read(size)
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.file.close()


def byte_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """The (first, last) byte of a single-range header; None: serve it all; False: unsatisfiable."""
    match = RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None  # a multi-range or malformed header: answer with the whole file (allowed)
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = _position(last)
        if length == 0:
            return False
        return max(0, size - length), size - 1
    start = _position(first)
    end = min(_position(last), size - 1) if last else size - 1
    if start >= size or (last and _position(last) < start):
        return False
    return start, end


def _position(digits: str) -> int:
    """A byte position; beyond any file for more digits than int() should be asked to read."""
    return int(digits) if len(digits) <= 18 else 10**18


def ranged_file_response(
    request: HttpRequest, path: Path, content_type: str, cache_control: str, filename: str | None = None
) -> HttpResponse:
    """``path`` as a response honouring ``Range``, ``If-Range``, ``If-None-Match``, ``If-Modified-Since``."""
    stat = os.stat(path)
    size = stat.st_size
    etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
    last_modified = http_date(stat.st_mtime)
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": last_modified,
        "Cache-Control": cache_control,
    }
    if request.headers.get("If-None-Match") == etag or (
        "If-None-Match" not in request.headers
        and (since := parse_http_date_safe(request.headers.get("If-Modified-Since", "")))
        and int(stat.st_mtime) <= since
    ):
        response = HttpResponseNotModified()
        for name, value in headers.items():
            response[name] = value
        return response

    wanted = None
    if "Range" in request.headers:
        if_range = request.headers.get("If-Range")
        if if_range is None or if_range in (etag, last_modified):
            wanted = byte_range(request.headers["Range"], size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response

    if wanted is None:
        status, start, length = 200, 0, size
    else:
        start, end = wanted
        status, length = 206, end - start + 1
    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type=content_type)
    else:
        response = FileResponse(_Slice(path, start, length), status=status, content_type=content_type)
    if filename:
        response["Content-Disposition"] = content_disposition_header(False, filename)
    response["Content-Length"] = str(length)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{start + length - 1}/{size}"
    for name, value in headers.items():
        response[name] = value
    return response
