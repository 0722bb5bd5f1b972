"""One eager app that keeps every result (DictBackend): tasks per second over N tasks, after a
warm-up in a throw-away app. Usage: keep_results.py [tasks] [warmup]; prints keep_tasks_per_s."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from celery_side import make_app  # noqa: E402

BACKEND = "celery_side:DictBackend"


def run(n):
    app = make_app(BACKEND)
    task = app.tasks["tasks.add"]
    total = 0
    for _ in range(n):
        total += task.delay(2, 3).get()
    kept = len(app.backend.data)
    app.close()
    return total, kept


tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
run(warmup)
t0 = time.perf_counter()
total, kept = run(tasks)
elapsed = time.perf_counter() - t0
assert total == 5 * tasks, total
assert kept == tasks, kept
print("keep_tasks_per_s=%d" % (tasks / elapsed))
