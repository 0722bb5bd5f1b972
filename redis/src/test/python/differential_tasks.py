"""Tasks of celerykit's differential suite (io.celerykit.redis.differential).

Every task here has a Java twin registered on InMemoryCelery (DifferentialTwins.java): same
name, same arguments, same outcome. The suite runs each scenario on both engines and compares
what a client sees.

The app is configured from the environment variables that the Java fixture
(io.celerykit.redis.testing.CeleryWorkerProcess) sets:

    CELERYKIT_BROKER_URL          broker_url (required)
    CELERYKIT_RESULT_BACKEND      result_backend (required)
    CELERYKIT_RESULT_EXTENDED     result_extended, "1" or "0" (default "0")
    CELERYKIT_TASK_TRACK_STARTED  task_track_started, "1" or "0" (default "0")
    CELERYKIT_RESULT_EXPIRES      result_expires in seconds (default: Celery's, one day)
    DIFFERENTIAL_DEFAULT_QUEUE    task_default_queue (default "celery"): where the tasks that a
                                  task sends go, so that a worker's children stay on its queue

Nothing here sleeps: a task that must wait blocks on a Redis list (BLPOP) that the suite
pushes to, with a bounded timeout.
"""
import os

import celerykit_worker
from celery import Celery

app = Celery("differential_tasks")


_redis = celerykit_worker.configure(app, task_default_queue=os.environ.get("DIFFERENTIAL_DEFAULT_QUEUE", "celery"))

# Longest a task blocks on a release key; every scenario releases what it blocked.
RELEASE_TIMEOUT = 30


class DiffError(Exception):
    """A custom exception of this module: exc_module "differential_tasks"."""


def _await_release(key):
    popped = _redis.blpop([key], timeout=RELEASE_TIMEOUT)
    if popped is None:
        raise TimeoutError("nobody pushed to %s within %ss" % (key, RELEASE_TIMEOUT))
    return popped[1].decode("utf-8")


@app.task(name="diff.identity")
def identity(value):
    """Returns its argument, as the JSON serializer stores it."""
    return value


@app.task(name="diff.add")
def add(x, y):
    return x + y


@app.task(name="diff.mul")
def mul(x, y):
    return x * y


@app.task(name="diff.xsum")
def xsum(numbers):
    return sum(numbers)


@app.task(name="diff.concat")
def concat(*parts, sep="-"):
    """Joins its positional arguments with the keyword sep."""
    return sep.join(str(p) for p in parts)


@app.task(name="diff.fail")
def fail(kind, message="bad"):
    """Raises ValueError, KeyError, DiffError(message, 42), ZeroDivisionError or TypeError."""
    if kind == "value":
        raise ValueError(message)
    if kind == "key":
        raise KeyError(message)
    if kind == "custom":
        raise DiffError(message, 42)
    if kind == "zero":
        return 1 / 0
    if kind == "noargs":
        raise ValueError()
    raise TypeError("unknown kind %r" % (kind,))


@app.task(name="diff.flaky", bind=True, max_retries=3)
def flaky(self, succeed_after):
    """Retries 0.1 s apart with OSError until it has retried succeed_after times."""
    if self.request.retries < succeed_after:
        raise self.retry(exc=OSError("flaky %d" % self.request.retries), countdown=0.1)
    return {"retries": self.request.retries}


@app.task(name="diff.exhaust", bind=True, max_retries=2)
def exhaust(self):
    """Retries with OSError past max_retries=2: fails with the OSError."""
    raise self.retry(exc=OSError("never works"), countdown=0.1)


@app.task(name="diff.exhaust_bare", bind=True, max_retries=1)
def exhaust_bare(self, x):
    """Retries without an exception past max_retries=1: MaxRetriesExceededError."""
    raise self.retry(countdown=0.1)


@app.task(name="diff.retry_limit", bind=True, max_retries=5)
def retry_limit(self):
    """Retries with max_retries=1 given to retry (it overrides the task's 5)."""
    raise self.retry(exc=ValueError("limited"), countdown=0.1, max_retries=1)


@app.task(name="diff.retry_then_block", bind=True, max_retries=3)
def retry_then_block(self, key):
    """Retries once (RETRY stays stored while its second run blocks), then returns "ok"."""
    if self.request.retries == 0:
        raise self.retry(exc=OSError("again"), countdown=0.1)
    _await_release(key)
    return "ok"


@app.task(name="diff.ignored", ignore_result=True)
def ignored(x):
    """A task with ignore_result=True: neither its value nor its failure is stored."""
    if x < 0:
        raise ValueError("negative")
    return x


@app.task(name="diff.block", track_started=True)
def block(key):
    """Tracks STARTED, blocks until the suite pushes to the list `key`, returns "released"."""
    _await_release(key)
    return "released"


@app.task(name="diff.progress", bind=True)
def progress(self, steps):
    """Stores PROGRESS {current, total} for each step, then returns steps."""
    for i in range(1, steps + 1):
        self.update_state(state="PROGRESS", meta={"current": i, "total": steps})
    return steps


@app.task(name="diff.progress_block", bind=True)
def progress_block(self, key):
    """Stores PROGRESS {"step": 1}, blocks until released, returns "done"."""
    self.update_state(state="PROGRESS", meta={"step": 1})
    _await_release(key)
    return "done"


@app.task(name="diff.spawn")
def spawn(count):
    """Sends diff.add(i, i) for i in range(count): its children; returns their ids."""
    return [add.delay(i, i).id for i in range(count)]


@app.task(name="diff.tree")
def tree():
    """Sends diff.spawn(2) then diff.add(5, 5): a tree of depth two."""
    spawn.delay(2)
    add.delay(5, 5)
    return "root"


@app.task(name="diff.spawn_fail")
def spawn_fail():
    """Sends diff.add(1, 1), then raises ValueError: a failure that has a child."""
    add.delay(1, 1)
    raise ValueError("after a child")
