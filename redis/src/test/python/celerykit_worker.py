"""What every task module of celerykit's real-celery tests shares: the app's configuration from
the environment variables that the Java fixture (io.celerykit.redis.testing.CeleryWorkerProcess)
sets, the Redis client for release keys, and the ready line the fixture waits for.

    CELERYKIT_BROKER_URL          broker_url (required)
    CELERYKIT_RESULT_BACKEND      result_backend (required)
    CELERYKIT_RESULT_EXTENDED     result_extended, "1" or "0" (default "0")
    CELERYKIT_TASK_TRACK_STARTED  task_track_started, "1" or "0" (default "0")
    CELERYKIT_RESULT_EXPIRES      result_expires in seconds (default: Celery's, one day)
"""
import os
import sys

import redis
from celery import signals


def _flag(name):
    return os.environ.get(name, "0").strip().lower() in ("1", "true", "yes", "on")


def configure(app, **extra):
    """Configures app from the environment (plus extra settings); returns the shared Redis."""
    conf = dict(
        broker_url=os.environ["CELERYKIT_BROKER_URL"],
        result_backend=os.environ["CELERYKIT_RESULT_BACKEND"],
        result_extended=_flag("CELERYKIT_RESULT_EXTENDED"),
        task_track_started=_flag("CELERYKIT_TASK_TRACK_STARTED"),
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
    )
    conf.update(extra)
    if os.environ.get("CELERYKIT_RESULT_EXPIRES"):
        conf["result_expires"] = int(os.environ["CELERYKIT_RESULT_EXPIRES"])
    app.conf.update(conf)
    return redis.Redis.from_url(os.environ["CELERYKIT_RESULT_BACKEND"])


@signals.worker_ready.connect
def _announce_ready(sender=None, **kwargs):
    # CeleryWorkerProcess waits for this line instead of sleeping.
    print("celerykit-worker-ready", sender.hostname if sender else "", file=sys.stderr, flush=True)
