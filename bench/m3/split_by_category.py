#!/usr/bin/env python3
"""Splits m3_train[_SUFFIX].csv into one file per category (m3_train_<Category>.csv),
which almanac_m3.lua reads with the right seasonal period.
  python3 split_by_category.py DATA_DIR [SUFFIX]"""
import csv
import sys

folder = sys.argv[1]
suffix = sys.argv[2] if len(sys.argv) > 2 else ""
category = {}
with open(f"{folder}/m3_meta{suffix}.csv") as f:
    for row in csv.DictReader(f):
        category[row["id"]] = row["category"]
writers = {}
with open(f"{folder}/m3_train{suffix}.csv") as f:
    reader = csv.reader(f)
    header = next(reader)
    for row in reader:
        c = category[row[0]]
        if c not in writers:
            out = open(f"{folder}/m3_train_{c}.csv", "w", newline="")
            writers[c] = (out, csv.writer(out))
            writers[c][1].writerow(header)
        writers[c][1].writerow(row)
for out, _ in writers.values():
    out.close()
