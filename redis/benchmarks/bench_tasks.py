"""The worker's side of the Redis benchmark: one trivial task, bench.add.

Configured from the environment the Java fixture (CeleryWorkerProcess) sets:
CELERYKIT_BROKER_URL and CELERYKIT_RESULT_BACKEND.
"""
import os

from celery import Celery, signals

app = Celery("bench_tasks")
app.conf.update(
    broker_url=os.environ["CELERYKIT_BROKER_URL"],
    result_backend=os.environ["CELERYKIT_RESULT_BACKEND"],
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
    worker_redirect_stdouts=False,
)


@app.task(name="bench.add")
def add(x, y):
    return x + y


@signals.worker_ready.connect
def _ready(**_):
    print("celerykit-worker-ready", flush=True)
