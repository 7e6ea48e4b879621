#!/usr/bin/env python3
"""Writes a copy-heavy JSONL corpus, the way wire copies spread: for each of N articles of a
JSONL input (the ECB+ development articles, say), the original and 3 rewrites an outlet might run:
a new headline with a credit line at the end; the story cut after its first paragraphs; and one
paragraph edited (a word changed) with the rest as it was. Seeded, so the same input gives the
same file.

Usage: bench/scripts/copy-heavy.py ARTICLES.jsonl N OUT.jsonl
Then: ./triangulate bench pipeline --source OUT.jsonl   (counters annotate.lines.read/reused)
"""
import json
import random
import sys

src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
rnd = random.Random(15)
rnd.shuffle(rows)
with open(out, "w", encoding="utf-8") as f:
    for i, r in enumerate(rows[:n]):
        text = r["text"]
        paras = [p for p in text.split("\n") if p.strip()]
        def write(suffix, body, title=None):
            row = dict(r)
            row["id"] = f"{r.get('id', i)}-{suffix}"
            row["text"] = body
            if title is not None:
                row["title"] = title
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        write("original", text)
        write("credited", "\n".join(["UPDATE: " + paras[0]] + paras[1:] + ["(Reporting by staff; editing by the desk)"]),
              "UPDATE: " + r.get("title", paras[0]))
        write("cut", "\n".join(paras[: max(1, len(paras) * 2 // 3)]))
        k = rnd.randrange(len(paras))
        words = paras[k].split(" ")
        j = rnd.randrange(len(words))
        words[j] = words[j].upper() if words[j].islower() else words[j].lower()
        write("edited", "\n".join(paras[:k] + [" ".join(words)] + paras[k + 1:]))
