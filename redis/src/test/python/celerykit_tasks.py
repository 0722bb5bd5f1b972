"""Tasks that celerykit's real-celery tests run on a real Celery worker.

The app is configured from environment variables, which the Java fixture
(io.celerykit.redis.testing.CeleryWorkerProcess) sets:

    CELERYKIT_BROKER_URL          broker_url (required)
    CELERYKIT_RESULT_BACKEND      result_backend (required)
    CELERYKIT_RESULT_EXTENDED     result_extended, "1" or "0" (default "0")
    CELERYKIT_TASK_TRACK_STARTED  task_track_started, "1" or "0" (default "0")
    CELERYKIT_RESULT_EXPIRES      result_expires in seconds (default: Celery's, one day)

Task names are plain ("tasks.add"), as a Java client sends them by name.
Nothing here sleeps: a task that must wait blocks on a Redis list (BLPOP) that
the test pushes to, with a bounded timeout.
"""
import json

import celerykit_worker
from celery import Celery

app = Celery("celerykit_tasks")


# The Redis the tests share with this worker, for release keys (BLPOP).
_redis = celerykit_worker.configure(app)

# Longest a task blocks on a release key: tests release within seconds, and a
# test that fails leaves no task blocked for long.
RELEASE_TIMEOUT = 30


class CeleryKitError(Exception):
    """A custom exception: exc_module is this module, exc_type this class."""


@app.task(name="tasks.add")
def add(x, y):
    return x + y


@app.task(name="tasks.mul")
def mul(x, y):
    return x * y


@app.task(name="tasks.xsum")
def xsum(numbers):
    return sum(numbers)


@app.task(name="tasks.fail")
def fail(kind="value", message="boom"):
    """Raises ValueError ("value"), KeyError ("key") or CeleryKitError ("custom")."""
    if kind == "value":
        raise ValueError(message)
    if kind == "key":
        raise KeyError(message)
    if kind == "custom":
        raise CeleryKitError(message, 42)
    raise RuntimeError("unknown kind of failure: %r" % (kind,))


@app.task(name="tasks.flaky", bind=True, max_retries=5)
def flaky(self, succeed_after, countdown=0.1):
    """Retries (countdown seconds apart) until it has retried succeed_after times."""
    if self.request.retries < succeed_after:
        raise self.retry(exc=IOError("flaky, retry %d" % self.request.retries), countdown=countdown)
    return {"retries": self.request.retries}


@app.task(name="tasks.exhaust", bind=True, max_retries=2)
def exhaust(self):
    """Retries at once until max_retries is exceeded."""
    raise self.retry(exc=IOError("never works"), countdown=0)


def _await_release(key, timeout=RELEASE_TIMEOUT):
    popped = _redis.blpop([key], timeout=timeout)
    if popped is None:
        raise TimeoutError("nobody pushed to %s within %ss" % (key, timeout))
    return popped[1].decode("utf-8")


@app.task(name="tasks.wait_for_release")
def wait_for_release(key, value=None):
    """Blocks until the test pushes to the Redis list `key`; returns what it pushed (or value)."""
    released = _await_release(key)
    return released if value is None else value


@app.task(name="tasks.progress", bind=True)
def progress(self, steps, release_key=None):
    """Reports PROGRESS {current, total} for each step, after the release key (if any) is pushed."""
    if release_key:
        _await_release(release_key)
    for i in range(1, steps + 1):
        self.update_state(state="PROGRESS", meta={"current": i, "total": steps})
    return steps


@app.task(name="tasks.spawn")
def spawn(count):
    """Calls tasks.add(i, i) for i in range(count): its children."""
    return [add.delay(i, i).id for i in range(count)]


@app.task(name="tasks.echo", bind=True)
def echo(self, *args, **kwargs):
    """Returns its arguments and the request fields the message carried."""
    r = self.request
    delivery = r.delivery_info or {}
    return {
        "args": list(args),
        "kwargs": kwargs,
        "request": {
            "id": r.id,
            "task": r.task,
            "retries": r.retries,
            "root_id": r.root_id,
            "parent_id": r.parent_id,
            "group": r.group,
            "eta": r.eta,
            "expires": r.expires,
            "hostname": r.hostname,
            "routing_key": delivery.get("routing_key"),
            "priority": delivery.get("priority"),
            "timelimit": list(r.timelimit) if r.timelimit else None,
            "shadow": getattr(r, "shadow", None),
            "ignore_result": r.ignore_result,
            "argsrepr": getattr(r, "argsrepr", None),
            "kwargsrepr": getattr(r, "kwargsrepr", None),
            "origin": getattr(r, "origin", None),
        },
    }


def _plain(value):
    if isinstance(value, BaseException):
        return {"exc_type": type(value).__name__, "exc_module": type(value).__module__,
                "args": [_plain(a) for a in value.args]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@app.task(name="tasks.inspect_result")
def inspect_result(task_id):
    """Reads another task's result as Python's AsyncResult sees it (get() with propagate=False)."""
    r = app.AsyncResult(task_id)
    value = r.get(timeout=10, propagate=False, disable_sync_subtasks=False)
    return {
        "state": r.state,
        "value": _plain(value),
        "traceback": r.traceback,
        "date_done": r.date_done.isoformat() if r.date_done else None,
        "children": [c.id for c in (r.children or [])],
        "name": getattr(r, "name", None),
        "args": _plain(getattr(r, "args", None)),
        "kwargs": _plain(getattr(r, "kwargs", None)),
    }


@app.task(name="tasks.encode_meta")
def encode_meta(task_id):
    """The JSON text Python's backend writes for the meta stored under task_id, re-encoded."""
    backend = app.backend
    raw = backend.get(backend.get_key_for_task(task_id))
    return backend.encode(backend.decode(raw))


@app.task(name="tasks.record")
def record(value, key):
    """A link callback: pushes the parent's result (JSON) onto the Redis list `key`."""
    _redis.rpush(key, json.dumps(value))
    return value


@app.task(name="tasks.record_error")
def record_error(task_id):
    """An old-style link_error callback (one argument): pushes the failed task's id."""
    _redis.rpush("celerykit:errbacks", task_id)
    return task_id
