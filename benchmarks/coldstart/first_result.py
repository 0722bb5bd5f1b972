"""One cold start of real Celery: from the first line of this script (the interpreter itself is
started already) to the value of the first get() of the first task, in a fresh eager app.
Prints first_result_us=<microseconds>."""

import time

t0 = time.perf_counter_ns()
import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from celery_side import make_app  # noqa: E402

app = make_app()
value = app.tasks["tasks.add"].delay(2, 3).get()
t1 = time.perf_counter_ns()
assert value == 5, value
print("first_result_us=%d" % ((t1 - t0) // 1000))
