#!/usr/bin/env python3
"""Parses a Prometheus text-format scrape (file argument) with prometheus_client's own parser
and prints its samples as JSON: {"name{label=value,...}": value}, labels sorted.
Exit 2 (and the parser's error) when the text is not valid exposition format."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    text = open(sys.argv[1], encoding="utf-8").read()
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}"] = sample.value
    print(json.dumps(samples, sort_keys=True))
except Exception as error:  # the parser raises ValueError and friends on bad input
    print(f"PARSE ERROR: {error}")
    sys.exit(2)
