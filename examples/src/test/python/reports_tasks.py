"""The Celery tasks of the report service, for the examples' real-Celery tests.

celerykit-redis's test fixture (io.celerykit.redis.testing.CeleryWorkerProcess)
starts `python3 -m celery -A reports_tasks worker` with the test Redis in
CELERYKIT_BROKER_URL and CELERYKIT_RESULT_BACKEND.

reports.render(quarter) returns "report-<quarter>.pdf"; a quarter starting with
"bad-" raises ValueError; one starting with "slow-" waits (without sleeping:
BLPOP, at most 30 s) until the test pushes to the Redis list "release:<quarter>".
"""
import os

import redis
from celery import Celery

app = Celery("reports_tasks")
app.conf.update(
    broker_url=os.environ["CELERYKIT_BROKER_URL"],
    result_backend=os.environ["CELERYKIT_RESULT_BACKEND"],
    task_track_started=os.environ.get("CELERYKIT_TASK_TRACK_STARTED") == "1",
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
)

_redis = redis.Redis.from_url(os.environ["CELERYKIT_RESULT_BACKEND"])


@app.task(name="reports.render")
def render(quarter):
    if quarter.startswith("bad-"):
        raise ValueError("no figures for %s" % quarter)
    if quarter.startswith("slow-"):
        _redis.blpop(["release:" + quarter], timeout=30)
    return "report-%s.pdf" % quarter
