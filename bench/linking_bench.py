"""Ad linking at scale: index 100,000 synthetic ads, then find reposted ones among them.

Ads come from the synthetic generator (`models/synth`) run with successive seeds, exact duplicate
texts dropped, so the index holds distinct ads that share templates as real classifieds do.
Reposts are indexed ads with one to three small edits (new phone digits, an emoji, a typo, a
dropped or added word): what a recruiter posting the same ad again looks like. Figures: build time
(seconds; generation timed apart), query latency of one repost (ms, p50/p99), recall of reposts,
and how many clusters (connected components of near-duplicate pairs) the index forms.

Run alone (`python bench/linking_bench.py`) or through `run()` from bench/run.py.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.linking import NEAR_DUPLICATE, LinkIndex
from models.synth.generate import generate

N_ADS = int(os.environ.get("BALIZA_BENCH_LINK_ADS", "100000"))
N_REPOSTS = int(os.environ.get("BALIZA_BENCH_LINK_REPOSTS", "1000"))
SEED = 20261123
EMOJIS = ("🔥", "💰", "✈️", "‼️", "😊", "📲")
FILLERS = ("URGENTE", "hoy", "ya", "now", "info", "DM")


def synthetic_ads(n: int) -> list[tuple[str, str]]:
    """`n` distinct `(id, text)` ads from the generator, seed after seed."""
    ads: list[tuple[str, str]] = []
    seen: set[str] = set()
    seed = 1
    while len(ads) < n:
        for record in generate(seed):
            if record["text"] not in seen:
                seen.add(record["text"])
                ads.append((f"s{seed}-{record['id']}", record["text"]))
                if len(ads) == n:
                    break
        seed += 1
    return ads


def repost(text: str, rng: random.Random) -> str:
    """One to three small edits, as a re-posted ad shows them."""
    for _ in range(rng.randint(1, 3)):
        words = text.split(" ")
        edit = rng.choice(("digits", "emoji", "typo", "drop", "add"))
        if edit == "digits" and re.search(r"\d", text):
            text = re.sub(
                r"\d{3,}", lambda m: "".join(rng.choice("0123456789") for _ in m.group()), text, count=1
            )
        elif edit == "emoji":
            text = f"{text} {rng.choice(EMOJIS)}"
        elif edit == "typo" and len(text) > 10:
            i = rng.randrange(1, len(text) - 2)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        elif edit == "drop" and len(words) > 8:
            del words[rng.randrange(len(words))]
            text = " ".join(words)
        else:
            words.insert(rng.randrange(len(words) + 1), rng.choice(FILLERS))
            text = " ".join(words)
    return text


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def run(n_ads: int = N_ADS, n_reposts: int = N_REPOSTS) -> dict:
    start = time.perf_counter()
    ads = synthetic_ads(n_ads)
    generation_s = time.perf_counter() - start

    index = LinkIndex()
    start = time.perf_counter()
    index.add_many(ads)
    build_s = time.perf_counter() - start

    rng = random.Random(SEED)
    picked = rng.sample(ads, n_reposts)
    reposts = [(ad_id, repost(text, rng)) for ad_id, text in picked]
    index.query(reposts[0][1])  # first-call allocations
    latencies, found, similarities = [], 0, []
    for ad_id, text in reposts:
        start = time.perf_counter()
        matches = index.query(text)
        latencies.append((time.perf_counter() - start) * 1000)
        hit = next((m for m in matches if m.id == ad_id), None)
        if hit:
            found += 1
            similarities.append(hit.similarity)

    start = time.perf_counter()
    clusters = index.clusters()
    clusters_s = time.perf_counter() - start
    return {
        "ads": {"value": len(index), "unit": "ads"},
        "mean_chars": {"value": round(sum(len(t) for _, t in ads) / len(ads), 1), "unit": "chars"},
        "generation": {"value": round(generation_s, 1), "unit": "s"},
        "index_build": {"value": round(build_s, 1), "unit": "s"},
        "index_throughput": {"value": round(len(ads) / build_s), "unit": "ads/s"},
        "reposts_queried": {"value": n_reposts, "unit": "ads"},
        "query_p50": {"value": round(_percentile(latencies, 50), 3), "unit": "ms"},
        "query_p99": {"value": round(_percentile(latencies, 99), 3), "unit": "ms"},
        "repost_recall": {"value": round(found / n_reposts, 4), "unit": "ratio"},
        "repost_similarity_median": {
            "value": _percentile(similarities, 50) if similarities else None,
            "unit": "jaccard",
        },
        "near_duplicate_threshold": {"value": NEAR_DUPLICATE, "unit": "jaccard"},
        "clusters": {"value": len(clusters), "unit": "clusters of >= 2 ads"},
        "largest_cluster": {"value": len(clusters[0]) if clusters else 0, "unit": "ads"},
        "clustering": {"value": round(clusters_s, 1), "unit": "s"},
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
