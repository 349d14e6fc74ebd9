#!/usr/bin/env python3
"""Builds data/prices.json, Frugal's shipped price table, from a models.dev snapshot and data/price-overlay.json.

    python3 tools/build-prices.py MODELS_DEV_JSON [--out data/prices.json]

MODELS_DEV_JSON is a models.dev export of the form {"source", "commit", "snapshot_date", "units", "models": [...]}
with prices in USD per million tokens. Only first-party providers are kept (a model's maker selling it), so an id
resolves to its maker's price, not a reseller's. The output is sorted and stable: rebuilding from the same inputs
gives the same bytes.
"""
import argparse
import json
import os

FIRST_PARTY = ["anthropic", "openai", "google", "deepseek", "mistral", "xai", "zai", "moonshotai",
               "minimax", "alibaba", "cohere", "perplexity"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def rates(cost):
    out = {"input": cost["input"], "output": cost["output"]}
    read = cost.get("cache_read", cost.get("cached_input"))
    write = cost.get("cache_write", cost.get("cached_write"))
    if read is not None:
        out["cacheRead"] = read
    if write is not None:
        out["cacheWrite5m"] = write
    return out


def entry(provider, model):
    cost = model["cost"]
    e = {"provider": provider, "id": model["id"]} | rates(cost)
    if provider == "anthropic":
        e["cacheWrite1h"] = round(cost["input"] * 2, 6)
        e["webSearchPerThousand"] = 10.0
    for tier in cost.get("tiers", []):
        size = tier.get("tier", {}).get("size")
        if size:
            lc = {"thresholdTokens": size} | rates({"input": tier["input"], "output": tier["output"]} | tier)
            if provider == "anthropic":
                lc["cacheWrite1h"] = round(tier["input"] * 2, 6)
            e["longContext"] = lc
    e["source"] = "models.dev"
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("models_dev")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "prices.json"))
    args = ap.parse_args()
    snapshot = json.load(open(args.models_dev))
    overlay = json.load(open(os.path.join(ROOT, "data", "price-overlay.json")))

    entries = {}
    for m in snapshot["models"]:
        if m["provider"] in FIRST_PARTY and m.get("cost") and "input" in m["cost"] and "output" in m["cost"]:
            entries[(m["provider"], m["id"])] = entry(m["provider"], m)
    for o in overlay["models"]:
        for alias in o.get("aliases", []):
            entries.pop((o["provider"], alias), None)
        e = {k: v for k, v in o.items()}
        if o["provider"] == "anthropic":
            e.setdefault("webSearchPerThousand", 10.0)
        entries[(o["provider"], o["id"])] = e
    for s in overlay["speed"]:
        e = entries.get((s["provider"], s["id"]))
        if e is None:
            raise SystemExit(f"speed rule for unknown model {s['provider']}/{s['id']}")
        rule = {"speed": s["speed"], "multiplier": s["multiplier"]}
        if "from" in s:
            rule["from"] = s["from"]
        e.setdefault("speedMultipliers", []).append(rule)

    out = {
        "about": "Frugal's price table, USD per million tokens. Built by tools/build-prices.py; edit "
                 "data/price-overlay.json and rebuild rather than editing this file.",
        "modelsDev": {"commit": snapshot.get("commit"), "snapshotDate": snapshot.get("snapshot_date"),
                      "licence": "MIT (models.dev)"},
        "rules": overlay["rules"],
        "models": [entries[k] for k in sorted(entries)],
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"wrote {len(out['models'])} models to {args.out}")


if __name__ == "__main__":
    main()
