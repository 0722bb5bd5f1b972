"""The Python side of the Redis benchmark: Celery 5.2.6's own client, measured
on the same Redis and worker as the Java side (see run.sh and RESULTS.md).

    /usr/bin/python3 python_side.py send    URL COUNT WARMUP QUEUE
    /usr/bin/python3 python_side.py latency URL COUNT WARMUP
    /usr/bin/python3 python_side.py join    URL IDS_FILE

Each phase prints "key=value" lines for the Java driver to read.
"""
import statistics
import sys
import threading
import time

import redis
from celery import Celery
from celery.result import AsyncResult, ResultSet


def make_app(url):
    app = Celery("bench_client", broker=url, backend=url)
    app.conf.update(task_serializer="json", result_serializer="json",
                    accept_content=["json"])
    return app


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def send(url, count, warmup, queue):
    app = make_app(url)
    for _ in range(warmup):
        app.send_task("bench.add", (1, 2), queue=queue)
    start = time.perf_counter()
    for _ in range(count):
        app.send_task("bench.add", (1, 2), queue=queue)
    elapsed = time.perf_counter() - start
    print("send_seconds=%.6f" % elapsed)
    print("send_per_second=%.1f" % (count / elapsed))
    # For scale: the bare client, one synchronous LPUSH per message of the sent bytes.
    client = redis.Redis.from_url(url)
    message = client.lindex(queue, 0)
    for _ in range(warmup):
        client.lpush("bench.raw", message)
    start = time.perf_counter()
    for _ in range(count):
        client.lpush("bench.raw", message)
    elapsed = time.perf_counter() - start
    client.delete("bench.raw")
    print("raw_lpush_per_second=%.1f" % (count / elapsed))


class Observer:
    """A second subscriber, on its own connection, to every result channel:
    records (monotonic clock, same process) when each PUBLISH arrives."""

    def __init__(self, url):
        self.arrivals = {}
        self.cond = threading.Condition()
        self.pubsub = redis.Redis.from_url(url).pubsub()
        self.pubsub.psubscribe("celery-task-meta-*")
        # Wait for the psubscribe confirmation before any task is sent.
        while True:
            message = self.pubsub.get_message(timeout=5)
            if message and message["type"] == "psubscribe":
                break
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        for message in self.pubsub.listen():
            if message["type"] != "pmessage":
                continue
            now = time.perf_counter()
            channel = message["channel"].decode()
            with self.cond:
                self.arrivals.setdefault(channel[len("celery-task-meta-"):], now)
                self.cond.notify_all()

    def arrival(self, task_id):
        with self.cond:
            self.cond.wait_for(lambda: task_id in self.arrivals, timeout=10)
            return self.arrivals[task_id]


def latency(url, count, warmup):
    app = make_app(url)
    observer = Observer(url)
    for _ in range(warmup):
        app.send_task("bench.add", (1, 2)).get(timeout=10)
    round_trips, gaps = [], []
    for _ in range(count):
        start = time.perf_counter()
        result = app.send_task("bench.add", (1, 2))
        value = result.get(timeout=10)
        returned = time.perf_counter()
        assert value == 3, value
        round_trips.append((returned - start) * 1e3)
        gaps.append((returned - observer.arrival(result.id)) * 1e3)
    print("gap_within_1ms=%.6f" % (sum(1 for g in gaps if g <= 1.0) / len(gaps)))
    for name, values in (("round_trip", round_trips), ("gap", gaps)):
        print("%s_median_ms=%.4f" % (name, statistics.median(values)))
        print("%s_p99_ms=%.4f" % (name, percentile(values, 99)))
        print("%s_max_ms=%.4f" % (name, max(values)))


def join(url, ids_file):
    app = make_app(url)
    with open(ids_file) as f:
        ids = [line.strip() for line in f if line.strip()]
    results = ResultSet([AsyncResult(i, app=app) for i in ids], app=app)
    start = time.perf_counter()
    values = results.join_native(timeout=60)
    elapsed = time.perf_counter() - start
    assert len(values) == len(ids) and all(v == 3 for v in values), values[:5]
    print("join_seconds=%.6f" % elapsed)


def main(argv):
    phase, url = argv[1], argv[2]
    if phase == "send":
        send(url, int(argv[3]), int(argv[4]), argv[5])
    elif phase == "latency":
        latency(url, int(argv[3]), int(argv[4]))
    elif phase == "join":
        join(url, argv[3])
    else:
        raise SystemExit("unknown phase " + phase)


if __name__ == "__main__":
    main(sys.argv)
