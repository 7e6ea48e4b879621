#!/usr/bin/env python3
"""Writes the articles of a JSONL file (id, text, optional url and title) as HTML pages in a gzipped
WARC file of response records, one gzip member per record, as a crawler would store them: the
first line of the text becomes the title and the headline, each further line a paragraph.

    python3 bench/scripts/jsonl-to-warc.py IN.jsonl OUT.warc.gz

Used to give `analyze` and `triangulate spark` the same articles once as JSONL and once as WARC
(docs/spark.md)."""
import gzip
import html
import json
import sys


def main(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "wb") as out:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            a = json.loads(line)
            lines = [l for l in a["text"].split("\n")]
            title = a.get("title") or lines[0]
            url = a.get("url") or "https://example.org/articles/" + a["id"]
            paras = "".join("<p>" + html.escape(l, quote=False) + "</p>" for l in lines[1:] if l.strip())
            page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + html.escape(title, quote=False)
                    + "</title></head><body><article><h1>" + html.escape(lines[0], quote=False) + "</h1>"
                    + paras + "</article></body></html>").encode("utf-8")
            http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                    % len(page)).encode("ascii")
            header = ("WARC/1.0\r\nWARC-Type: response\r\n"
                      "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
                      "WARC-Date: 2024-12-05T20:00:00Z\r\nWARC-Target-URI: %s\r\n"
                      "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                      % (n, url, len(http) + len(page))).encode("utf-8")
            out.write(gzip.compress(header + http + page + b"\r\n\r\n", mtime=0))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
