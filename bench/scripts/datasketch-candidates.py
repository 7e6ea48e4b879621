#!/usr/bin/env python3
"""The peer of `triangulate bench candidates`: copy candidates with datasketch, as its users write it.

For each document: m = MinHash(num_perm=128); m.update(shingle.encode('utf8')) for each word
5-shingle; then lsh = MinHashLSH(threshold=0.5, num_perm=128); lsh.insert(id, m) for every
document; then lsh.query(m) for every document, collecting the candidate pairs (each pair once,
a document is not its own candidate). That is the usage of datasketch's README and documentation.
One thread, the same timed passes as the Java side, the same printed lines.

Input: the JSONL that `triangulate bench candidates --export-texts FILE.jsonl` writes, one
{"id": ..., "text": ...} per line: byte for byte the texts the Java side timed. Reading it is
not timed; each timed pass starts from the texts (str) and ends with the pair count.

Shingles: words as org.triangulate.align.lsh.Shingles makes them, as closely as Python allows:
a word is a maximal run of letters and digits (the regex [^\\W_]+), lower-cased (str.lower);
everything else separates words; a shingle is 5 consecutive words joined by one space; a text of
1 to 4 words gives one shingle of all its words, and a text without words none. Differences, all
rare in news text: Python's class also takes the numeric characters that are not decimal digits
(superscripts, fractions, Roman numerals; Java's isLetterOrDigit does not), and str.lower uses
full case mapping ('İ' becomes 'i' plus a combining dot) where Java maps one code point to one.
The Java side hashes the words and shingles without making strings; this side makes the strings,
since that is what datasketch's update takes.

What is compared: the Java pass also builds its passage index (sampled shingles) and estimates
each pair's Jaccard and containment; datasketch does MinHash and LSH only. So the Java side does
more work per pass, not less. The LSH parameters differ too (ours: 16 bands x 2 rows, from
CopyCandidates.Params.DEFAULT; datasketch picks b and r for threshold 0.5 itself; both are
printed), so the pair counts are not expected to be equal.

--batch: the faster way datasketch also documents, for a stronger peer: the permutations made
once and shared (MinHash(num_perm=128, permutations=...)), and m.update_batch(shingles) per
document instead of one update per shingle. Same signatures (same seed), same pairs.

Install: pip install datasketch (pulls numpy and scipy), or for a source checkout:
  PYTHONPATH=/path/to/datasketch python3 bench/scripts/datasketch-candidates.py texts.jsonl
Usage:
  java -jar cli/target/triangulate.jar bench candidates --source FILE --export-texts /tmp/texts.jsonl
  python3 bench/scripts/datasketch-candidates.py /tmp/texts.jsonl [--repeat N] [--min-seconds S]
      [--warmup N] [--warmup-seconds S] [--batch]
"""

import argparse
import json
import os
import re
import resource
import statistics
import sys
import time

import datasketch
from datasketch import MinHash, MinHashLSH

K = 5
NUM_PERM = 128
THRESHOLD = 0.5
WORD = re.compile(r"[^\W_]+")


def shingles(text):
    """The word 5-shingles of text, in text order (repeats included), as strings."""
    words = [w.lower() for w in WORD.findall(text)]
    if 0 < len(words) < K:
        return [" ".join(words)]
    return [" ".join(words[i : i + K]) for i in range(len(words) - K + 1)]


def version():
    """datasketch's version; for a source checkout (no package metadata), its pyproject.toml's."""
    v = datasketch.__version__
    if v == "0.0.0":
        path = os.path.join(os.path.dirname(os.path.dirname(datasketch.__file__)), "pyproject.toml")
        try:
            with open(path, encoding="utf-8") as f:
                m = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M)
            if m:
                v = m.group(1) + " (source checkout)"
        except OSError:
            pass
    return v


def one_pass(ids, texts):
    """MinHash per document, one update per shingle; insert all; query each; the pair count."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    minhashes = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=NUM_PERM)
        for s in shingles(text):
            m.update(s.encode("utf8"))
        lsh.insert(ids[i], m)
        minhashes.append(m)
    return count_pairs(lsh, ids, minhashes)


def one_pass_batch(ids, texts, permutations):
    """As one_pass, with shared permutations and update_batch."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    minhashes = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=NUM_PERM, permutations=permutations)
        m.update_batch([s.encode("utf8") for s in shingles(text)])
        lsh.insert(ids[i], m)
        minhashes.append(m)
    return count_pairs(lsh, ids, minhashes)


def count_pairs(lsh, ids, minhashes):
    pairs = set()
    for i, m in enumerate(minhashes):
        a = ids[i]
        for b in lsh.query(m):
            if b != a:
                pairs.add((a, b) if a < b else (b, a))
    return len(pairs), lsh


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("texts", help="JSONL of {id, text}, from bench candidates --export-texts")
    p.add_argument("--repeat", type=int, default=3, help="timed passes, at least (default 3)")
    p.add_argument("--min-seconds", type=float, default=2.0,
                   help="and passes until this much time in all (default 2)")
    p.add_argument("--warmup", type=int, default=1, help="untimed passes first, at least (default 1)")
    p.add_argument("--warmup-seconds", type=float, default=0.0,
                   help="and untimed passes until this many seconds (default 0)")
    p.add_argument("--batch", action="store_true",
                   help="shared permutations and update_batch (faster than the README way)")
    a = p.parse_args()
    if a.repeat < 1 or a.warmup < 0 or a.min_seconds < 0 or a.warmup_seconds < 0:
        p.error("need --repeat >= 1, --warmup >= 0 and seconds >= 0")

    ids, texts = [], []
    with open(a.texts, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                ids.append(row["id"])
                texts.append(row["text"])
    if not texts:
        sys.exit("no documents in " + a.texts)
    mb = sum(len(t.encode("utf8")) for t in texts) / 1e6

    if a.batch:
        permutations = MinHash(num_perm=NUM_PERM).permutations
        run = lambda: one_pass_batch(ids, texts, permutations)  # noqa: E731
        how = "update_batch, shared permutations"
    else:
        run = lambda: one_pass(ids, texts)  # noqa: E731
        how = "update per shingle"

    warm = 0
    start = time.perf_counter()
    while warm < a.warmup or time.perf_counter() - start < a.warmup_seconds:
        run()
        warm += 1
    seconds = []
    cpu = []
    pairs = None
    lsh = None
    start = time.perf_counter()
    while len(seconds) < a.repeat or time.perf_counter() - start < a.min_seconds:
        t0 = time.perf_counter()
        c0 = time.process_time()
        n, lsh = run()
        cpu.append(time.process_time() - c0)
        seconds.append(time.perf_counter() - t0)
        if pairs is not None and n != pairs:
            sys.exit("pair count changed between passes: %d, then %d" % (pairs, n))
        pairs = n

    median = statistics.median(seconds)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print("input: %d documents, %.3f MB of text (UTF-8), from %s" % (len(texts), mb, a.texts))
    print("stage: datasketch %s: word %d-shingles, MinHash (%d permutations, %s),"
          " MinHashLSH (threshold %.1f: %d bands x %d rows), a query per document; 1 thread"
          % (version(), K, NUM_PERM, how, THRESHOLD, lsh.b, lsh.r))
    print("passes: %d timed after %d warm-up: %.6f s per pass (median; best %.6f, mean %.6f)"
          % (len(seconds), warm, median, min(seconds), statistics.mean(seconds)))
    print("result: %d candidate pairs" % pairs)
    print("rate: {:,.0f} documents/s, {:,.2f} MB/s (median pass, 1 thread)".format(
        len(texts) / median, mb / median))
    cpu_median = statistics.median(cpu)
    print("cpu: {:.6f} s per pass (median, the process): {:,.0f} documents, {:,.2f} MB per CPU second".format(
        cpu_median, len(texts) / cpu_median, mb / cpu_median))
    print("memory: peak RSS %.0f MB" % peak_rss_mb)


if __name__ == "__main__":
    main()
