"""The Python side of the cold-start suite: real Celery 5.2.6 in eager mode, set up as a test does.

Every app is eager (``task_always_eager``) and stores each result in its result backend
(``task_store_eager_result``, Celery 5.1+), as celerykit's deterministic worker does, with the JSON
result serializer (Celery's default). ``cache+memory://`` is Celery's own in-memory backend, but it
is one LRU cache of 5,000 entries shared by the whole process (celery/backends/cache.py,
``_DUMMY_CLIENT_CACHE``), so it cannot keep a million results: ``DictBackend`` is the same
key/value backend over a plain dict, which keeps every result.
"""

from celery import Celery
from celery.backends.base import KeyValueStoreBackend


class DictBackend(KeyValueStoreBackend):
    """Celery's key/value result backend over one dict: keeps every result until forgotten."""

    def __init__(self, app, **kwargs):
        super().__init__(app, **kwargs)
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def mget(self, keys):
        return [self.data.get(k) for k in keys]

    def set(self, key, value):
        self.data[key] = value

    def delete(self, key):
        self.data.pop(key, None)


def add(x, y):
    return x + y


def make_app(backend="cache+memory://"):
    """A fresh eager app with ``tasks.add`` registered, as one test makes it."""
    app = Celery("bench", set_as_current=False)
    app.conf.update(
        task_always_eager=True,
        task_store_eager_result=True,
        result_backend=backend,
    )
    app.task(name="tasks.add")(add)
    return app


def ten_tasks(app):
    """Sends ten tasks and gets their values, as each generated test does."""
    task = app.tasks["tasks.add"]
    for i in range(10):
        assert task.delay(i, 1).get() == i + 1
