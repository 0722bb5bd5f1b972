"""A fresh eager app + ten tasks, in a warm interpreter: microseconds per app, median of batches.
Usage: fresh_app_warm.py [apps per batch] [batches]; prints fresh_app_us."""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from celery_side import make_app, ten_tasks  # noqa: E402


def one():
    app = make_app()
    ten_tasks(app)
    app.close()


per_batch = int(sys.argv[1]) if len(sys.argv) > 1 else 500
batches = int(sys.argv[2]) if len(sys.argv) > 2 else 5
for _ in range(per_batch):
    one()
figures = []
for _ in range(batches):
    t0 = time.perf_counter()
    for _ in range(per_batch):
        one()
    figures.append((time.perf_counter() - t0) / per_batch * 1e6)
print("fresh_app_us=%.1f" % statistics.median(figures))
