"""Golden vectors: the exact Redis commands Celery 5.2.6 / kombu 5.2.4 send as a client.

Regenerate (deterministic, no broker, no worker) from the `redis/` directory:

    /usr/bin/python3 src/test/python/golden_messages.py > src/test/resources/golden/celery-5.2.6-messages.json

How it works: Celery and kombu run unmodified with broker and result backend
`redis://localhost:6379/0`, but redis-py's `Connection` is replaced by a recording connection that
opens no socket: it parses the RESP bytes redis-py would write and answers with plausible replies.
So every byte recorded is what kombu's real Redis transport and Celery's real Redis backend build.

What is fixed to make the output deterministic (the Java side is given the same values):
- task and group ids come from one counter (`00000000-0000-4000-8000-<n>`), in the order Celery
  asks `uuid()` for them; delivery tags from another (`dddddddd-0000-4000-8000-<n>`);
- `app.now()` is FIXED_NOW; pidbox's `time()` is FIXED_TIME (the float time.time() gives at
  FIXED_TIME_NS);
- the `origin` header (`anon_nodename()`, normally gen<pid>@<host>) is ORIGIN;
- `reply_to` (`app.thread_oid`, per thread) is REPLY_TO.
Each case runs on a fresh app and a fresh kombu connection pool (so kombu declares each queue once,
as on a new connection).

Not recorded: the result backend's pub/sub (`SUBSCRIBE celery-task-meta-<id>` that
`RedisBackend.on_task_call` sends before each task unless ignore_result, and the UNSUBSCRIBE when a
result is garbage-collected): it belongs to the result consumer, and its UNSUBSCRIBEs depend on
garbage-collection timing, which would make the output non-deterministic.
"""
import datetime
import gc
import itertools
import json
import sys

import redis
from redis.connection import Connection

FIXED_NOW = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
# what time.time() returns at 1715000000.25 s, as CPython computes it from nanoseconds
# (_PyTime_AsSecondsDouble: float(ns) / 1e9): 1715000000.2499998
FIXED_TIME_NS = 1715000000250000000
FIXED_TIME = FIXED_TIME_NS / 1e9
ORIGIN = 'gen4242@golden-host'
REPLY_TO = '5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f'

LOG = []


def _parse_resp(data):
    """Splits packed RESP bytes into commands (lists of bytes)."""
    i, out = 0, []
    while i < len(data):
        assert data[i:i + 1] == b'*', data[i:i + 20]
        j = data.index(b'\r\n', i)
        n, i = int(data[i + 1:j]), j + 2
        args = []
        for _ in range(n):
            assert data[i:i + 1] == b'$'
            j = data.index(b'\r\n', i)
            size, i = int(data[i + 1:j]), j + 2
            args.append(data[i:i + size])
            i += size + 2
        out.append(args)
    return out


_REPLIES = {'PING': b'PONG', 'LPUSH': 1, 'PUBLISH': 0, 'SADD': 1, 'SETEX': b'OK', 'SET': b'OK',
            'LLEN': 0, 'EXISTS': 0, 'INCR': 1, 'MGET': [], 'GET': None, 'SMEMBERS': []}


class RecordingConnection(Connection):
    """A redis-py connection that records what it would send and never opens a socket."""
    source = 'broker'

    def connect(self):
        if self._sock:
            return
        self._sock = True
        self._pending, self._queued = [], None
        for ref in self._connect_callbacks:
            callback = ref()
            if callback:
                callback(self)

    def disconnect(self, *args):
        self._sock = None

    def can_read(self, timeout=0):
        return False

    def send_packed_command(self, command, check_health=True):
        if not self._sock:
            self.connect()
        if isinstance(command, (bytes, str)):
            command = [command]
        data = b''.join(bytes(c) for c in command)
        for args in _parse_resp(data):
            name = args[0].decode().upper()
            LOG.append({'source': self.source, 'args': [a.decode('utf-8') for a in args]})
            if name == 'MULTI':
                self._queued = []
                self._pending.append(b'OK')
            elif name == 'EXEC':
                self._pending.append(self._queued)
                self._queued = None
            elif name in ('SUBSCRIBE', 'UNSUBSCRIBE', 'PSUBSCRIBE', 'PUNSUBSCRIBE'):
                LOG.pop()  # the result consumer's subscriptions: see the module docstring
            elif self._queued is not None:
                self._queued.append(_REPLIES.get(name, b'OK'))
                self._pending.append(b'QUEUED')
            else:
                self._pending.append(_REPLIES.get(name, b'OK'))

    def read_response(self, disable_decoding=False):
        return self._pending.pop(0)


class RecordingBackendConnection(RecordingConnection):
    source = 'backend'


import kombu.transport.redis as kombu_redis  # noqa: E402

kombu_redis.Channel.connection_class = RecordingConnection

import celery.backends.redis as celery_redis  # noqa: E402

celery_redis.RedisBackend._get_pool = lambda self, **params: redis.ConnectionPool(
    **dict(params, connection_class=RecordingBackendConnection))

import celery.app.amqp  # noqa: E402
import celery.app.base  # noqa: E402
import celery.canvas  # noqa: E402
import kombu
import kombu.pidbox  # noqa: E402
import kombu.pools  # noqa: E402
import celery.app.control  # noqa: E402
import kombu.transport.virtual.base as kombu_virtual  # noqa: E402
from celery import Celery, chain, chord, group  # noqa: E402

_ids = itertools.count(1)
_tags = itertools.count(1)


def next_id():
    return f'00000000-0000-4000-8000-{next(_ids):012d}'


def next_tag():
    return f'dddddddd-0000-4000-8000-{next(_tags):012d}'


celery.canvas.uuid = next_id
celery.app.base.uuid = next_id
kombu.pidbox.uuid = next_id
kombu_virtual.uuid = next_tag
celery.app.amqp.anon_nodename = lambda hostname=None, prefix='gen': ORIGIN
kombu.pidbox.time = lambda: FIXED_TIME


def new_app(**conf):
    global _ids, _tags
    kombu.pools.reset()  # a new connection, so kombu declares each queue once again
    gc.collect()
    _ids, _tags = itertools.count(1), itertools.count(1)
    LOG.clear()
    app = Celery('golden', broker='redis://localhost:6379/0',
                 backend='redis://localhost:6379/0', set_as_current=False)
    app.conf.update(conf)
    app.now = lambda: FIXED_NOW.astimezone(app.timezone)
    app._local.oid = REPLY_TO
    return app


def shape(result):
    """The structure of what apply_async returned: ids, kinds, parents."""
    if result is None:
        return None
    if isinstance(result, list):
        return [shape(r) for r in result]
    out = {'type': type(result).__name__, 'id': result.id}
    if hasattr(result, 'results'):
        out['results'] = [shape(r) for r in result.results]
    out['parent'] = shape(result.parent)
    return out


def decode(entry):
    """Adds the decoded envelope and body of LPUSH/PUBLISH payloads, for readers and diffs."""
    args = entry['args']
    if args[0] in ('LPUSH', 'PUBLISH') and args[2].startswith('{"body"'):
        envelope = json.loads(args[2])
        import base64
        entry['envelope'] = envelope
        entry['body'] = json.loads(base64.b64decode(envelope['body']).decode('utf-8'))
    return entry


CASES = []


def case(name, **conf):
    def register(fun):
        CASES.append((name, conf, fun))
        return fun
    return register


def sig(app, name, *args, **kwargs):
    return app.signature(name, args=args, kwargs=kwargs)


# ---- app.send_task(...) ---------------------------------------------------------------------
@case('send_task_plain')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], kwargs={'debug': True})


@case('send_task_no_arguments')
def _(app):
    return app.send_task('tasks.tick')


@case('send_task_task_id')
def _(app):
    return app.send_task('tasks.add', args=[1, 2], task_id='my-task-id')


@case('send_task_countdown')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], countdown=10)


@case('send_task_fractional_countdown')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], countdown=1.5)


@case('send_task_eta')
def _(app):
    eta = datetime.datetime(2024, 5, 6, 8, 0, 0, tzinfo=datetime.timezone.utc)
    return app.send_task('tasks.add', args=[2, 3], eta=eta)


@case('send_task_eta_with_microseconds')
def _(app):
    eta = datetime.datetime(2024, 5, 6, 8, 0, 0, 500, tzinfo=datetime.timezone.utc)
    return app.send_task('tasks.add', args=[2, 3], eta=eta)


@case('send_task_expires_seconds')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], expires=60)


@case('send_task_expires_fractional_seconds')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], expires=1.005)


@case('send_task_expires_datetime')
def _(app):
    expires = datetime.datetime(2024, 5, 6, 7, 10, 0, tzinfo=datetime.timezone.utc)
    return app.send_task('tasks.add', args=[2, 3], expires=expires)


@case('send_task_expires_in_the_past')
def _(app):
    expires = datetime.datetime(2024, 5, 6, 7, 0, 0, tzinfo=datetime.timezone.utc)
    return app.send_task('tasks.add', args=[2, 3], expires=expires)


@case('send_task_countdown_and_expires')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], countdown=5, expires=30)


@case('send_task_queue')
def _(app):
    return app.send_task('tasks.render', args=['INV-1'], queue='pdf')


@case('send_task_queue_and_routing_key')
def _(app):
    return app.send_task('tasks.render', args=['INV-1'], queue='pdf', routing_key='pdf.high')


@case('send_task_default_queue_setting', task_default_queue='jobs')
def _(app):
    return app.send_task('tasks.add', args=[2, 3])


@case('send_task_priority_5')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], priority=5)


@case('send_task_priority_9_on_queue')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], priority=9, queue='pdf')


@case('send_task_priority_2')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], priority=2)


@case('send_task_headers')
def _(app):
    return app.send_task('tasks.add', args=[2, 3],
                         headers={'tenant': 'acme', 'trace': [1, 2], 'retries': 7})


@case('send_task_ignore_result')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], ignore_result=True)


@case('send_task_link_and_link_error')
def _(app):
    return app.send_task(
        'tasks.add', args=[2, 3],
        link=sig(app, 'tasks.log', 'done'),
        link_error=app.signature('tasks.on_error', args=('x',), immutable=True))


@case('send_task_two_links')
def _(app):
    return app.send_task('tasks.add', args=[2, 3],
                         link=[sig(app, 'tasks.a'), sig(app, 'tasks.b', 1)])


@case('send_task_parent_and_root')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], root_id='root-1', parent_id='parent-1')


@case('send_task_message_fields')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], shadow='add-shadow', time_limit=30,
                         soft_time_limit=20, retries=2, group_id='g-1', group_index=4)


@case('send_task_reprs')
def _(app):
    return app.send_task(
        'tasks.echo',
        args=["it's", 'say "hi"', 'back\\slash\nnewline', None, True, False, 1.5, 1e16,
              1e-05, 0.1, -0.0, 12345678901234567890, [1, [2, [3, [4]]]], {'k': 'v'}, [], {},
              'é€𝄞', '\x01\x7f'],
        kwargs={'a': None, 'nested': {'x': [1, 2], 'y': {'z': {'w': 1}}}, "q'uote": 1})


@case('send_task_long_argsrepr')
def _(app):
    return app.send_task('tasks.echo', args=['word ' * 300, list(range(400))])


@case('send_task_long_kwargsrepr')
def _(app):
    return app.send_task('tasks.echo', kwargs={f'key{i}': 'value' * 3 for i in range(80)})


@case('send_task_countdown_in_app_timezone', timezone='Europe/Paris')
def _(app):
    return app.send_task('tasks.add', args=[2, 3], countdown=10, expires=20)


@case('send_task_global_keyprefix', broker_transport_options={'global_keyprefix': 'pfx:'})
def _(app):
    return app.send_task('tasks.add', args=[2, 3], priority=6)


@case('send_task_custom_priority_steps_and_sep',
      broker_transport_options={'priority_steps': list(range(10)), 'sep': ':'})
def _(app):
    return app.send_task('tasks.add', args=[2, 3], priority=5)


@case('send_task_two_queues_declared_once_each')
def _(app):
    return [app.send_task('tasks.a', queue='q1'), app.send_task('tasks.b', queue='q2'),
            app.send_task('tasks.c', queue='q1')]


# ---- signatures and the canvas ----------------------------------------------------------------
@case('signature_apply_async')
def _(app):
    return sig(app, 'tasks.add', 2, 2).apply_async()


@case('signature_partial_args_and_options')
def _(app):
    s = app.signature('tasks.add', args=(2,), kwargs={'k': 1})
    s.set(countdown=3, queue='pdf')
    return s.apply_async((1,))


@case('immutable_signature_ignores_partial_args')
def _(app):
    return app.signature('tasks.add', args=(2, 2), immutable=True).apply_async((9,))


@case('signature_with_link')
def _(app):
    s = sig(app, 'tasks.add', 2, 2)
    s.link(sig(app, 'tasks.mul', 10))
    s.link_error(sig(app, 'tasks.on_error'))
    return s.apply_async()


@case('group_of_three_with_group_id')
def _(app):
    return group(sig(app, 'tasks.add', 1, 1), sig(app, 'tasks.add', 2, 2),
                 sig(app, 'tasks.add', 3, 3)).apply_async(task_id='my-group-id')


@case('group_of_two_generated_id_partial_args')
def _(app):
    return group(sig(app, 'tasks.add', 1), sig(app, 'tasks.add', 2)).apply_async((10,))


@case('group_with_nested_group')
def _(app):
    return group(sig(app, 'tasks.a'), group(sig(app, 'tasks.b'), sig(app, 'tasks.c'))).apply_async()


@case('chain_of_three')
def _(app):
    return chain(sig(app, 'tasks.add', 2, 2), sig(app, 'tasks.mul', 8),
                 sig(app, 'tasks.add', 1)).apply_async()


@case('chain_of_three_with_task_id_and_partial_args')
def _(app):
    return chain(sig(app, 'tasks.add', 2), sig(app, 'tasks.mul', 8),
                 sig(app, 'tasks.add', 1)).apply_async((5,), task_id='last-step-id')


@case('chain_with_group_in_the_middle')
def _(app):
    return chain(sig(app, 'tasks.add', 1, 1), group(sig(app, 'tasks.mul', 2), sig(app, 'tasks.mul', 3)),
                 sig(app, 'tasks.tsum')).apply_async()


@case('chain_ending_with_group')
def _(app):
    return chain(sig(app, 'tasks.add', 1, 1),
                 group(sig(app, 'tasks.mul', 2), sig(app, 'tasks.mul', 3))).apply_async()


@case('chain_of_chains')
def _(app):
    return chain(chain(sig(app, 'tasks.a'), sig(app, 'tasks.b')),
                 chain(sig(app, 'tasks.c'), sig(app, 'tasks.d'))).apply_async()


@case('signature_options_all')
def _(app):
    s = app.signature('tasks.add', args=(2, 2))
    s.set(task_id='sig-id', countdown=1.5, expires=30, queue='pdf', headers={'h': 1},
          ignore_result=True)
    return s.apply_async()


@case('empty_group')
def _(app):
    return group([]).apply_async()


@case('group_with_call_options')
def _(app):
    return group(sig(app, 'tasks.a'), sig(app, 'tasks.b')).apply_async(
        queue='pdf', countdown=5, headers={'tenant': 'acme'})


@case('group_of_chains')
def _(app):
    return group(chain(sig(app, 'tasks.a'), sig(app, 'tasks.b')), sig(app, 'tasks.c')).apply_async()


@case('chain_with_call_options_link_and_link_error')
def _(app):
    return chain(sig(app, 'tasks.a'), sig(app, 'tasks.b')).apply_async(
        queue='pdf', countdown=5, link=sig(app, 'tasks.done'),
        link_error=sig(app, 'tasks.failed'))


@case('chain_steps_with_options')
def _(app):
    eta = datetime.datetime(2024, 5, 6, 8, 0, 0, 250000, tzinfo=datetime.timezone.utc)
    b = sig(app, 'tasks.b')
    b.set(eta=eta, queue='pdf')
    c = sig(app, 'tasks.c')
    c.set(countdown=2, expires=60, headers={'x': [1]})
    c.link(sig(app, 'tasks.after'))
    return chain(sig(app, 'tasks.a'), b, c).apply_async()


@case('chain_of_one')
def _(app):
    return chain(sig(app, 'tasks.a', 1)).apply_async()


@case('chain_with_immutable_first_step_and_partial_args')
def _(app):
    return chain(app.signature('tasks.add', args=(2, 2), immutable=True),
                 sig(app, 'tasks.mul', 8)).apply_async((5,))


@case('group_members_with_own_options_and_call_options')
def _(app):
    a = sig(app, 'tasks.a')
    a.set(countdown=1, queue='q1')
    return group(a, sig(app, 'tasks.b')).apply_async(queue='q2')


@case('group_of_one')
def _(app):
    return group(sig(app, 'tasks.a', 1)).apply_async()


@case('chain_step_expiring_at_a_datetime')
def _(app):
    b = sig(app, 'tasks.b')
    b.set(expires=datetime.datetime(2024, 5, 6, 9, 0, 0, tzinfo=datetime.timezone.utc))
    return chain(sig(app, 'tasks.a'), b).apply_async()


@case('chord_with_body_options_link_and_immutable_member')
def _(app):
    body = sig(app, 'tasks.tsum')
    body.set(queue='pdf')
    body.link(sig(app, 'tasks.notify'))
    return chord([sig(app, 'tasks.a'), app.signature('tasks.b', args=(1,), immutable=True)],
                 body).apply_async((7,))


@case('group_with_priority_and_time_limit')
def _(app):
    return group(sig(app, 'tasks.a'), sig(app, 'tasks.b')).apply_async(priority=7, time_limit=60)


@case('chord_of_two')
def _(app):
    return chord([sig(app, 'tasks.add', 1, 1), sig(app, 'tasks.add', 2, 2)],
                 sig(app, 'tasks.tsum')).apply_async()


@case('chord_of_group_with_partial_args')
def _(app):
    return chord(group(sig(app, 'tasks.add', 1), sig(app, 'tasks.add', 2)),
                 sig(app, 'tasks.tsum')).apply_async((10,))


@case('chord_with_chain_body')
def _(app):
    return chord([sig(app, 'tasks.a'), sig(app, 'tasks.b')],
                 chain(sig(app, 'tasks.tsum'), sig(app, 'tasks.mul', 2))).apply_async()


@case('chord_with_chain_in_header')
def _(app):
    return chord([chain(sig(app, 'tasks.a'), sig(app, 'tasks.b')), sig(app, 'tasks.c')],
                 sig(app, 'tasks.tsum')).apply_async()


@case('chord_with_task_id_and_call_options')
def _(app):
    return chord([sig(app, 'tasks.a'), sig(app, 'tasks.b')], sig(app, 'tasks.tsum')).apply_async(
        task_id='body-id', queue='pdf')


@case('chord_with_empty_header')
def _(app):
    return chord([], sig(app, 'tasks.tsum')).apply_async()


@case('chord_whose_header_has_a_chain_ending_in_a_group')
def _(app):
    return chord([chain(sig(app, 'tasks.a'), group(sig(app, 'tasks.b'), sig(app, 'tasks.c'))),
                  sig(app, 'tasks.d')], sig(app, 'tasks.tsum')).apply_async()


@case('chain_ending_with_chord')
def _(app):
    return chain(sig(app, 'tasks.a'), chord([sig(app, 'tasks.b'), sig(app, 'tasks.c')],
                                            sig(app, 'tasks.tsum'))).apply_async()


@case('group_in_group_of_chords')
def _(app):
    return group(chord([sig(app, 'tasks.a'), sig(app, 'tasks.b')], sig(app, 'tasks.tsum')),
                 sig(app, 'tasks.c')).apply_async()


# ---- remote control over the pidbox fanout ---------------------------------------------------
@case('revoke')
def _(app):
    app.control.revoke('00000000-0000-4000-8000-000000000abc')


@case('revoke_terminate_signal')
def _(app):
    app.control.revoke('00000000-0000-4000-8000-000000000abc', terminate=True, signal='SIGKILL')


@case('revoke_several_ids')
def _(app):
    app.control.revoke(['id-1', 'id-2', 'id-3'])


@case('revoke_to_destination')
def _(app):
    app.control.revoke('id-1', destination=['celery@worker-1'])


@case('revoke_on_db_3_with_control_exchange', broker_url='redis://localhost:6379/3',
      control_exchange='myapp')
def _(app):
    app.control.revoke('id-1')


@case('revoke_global_keyprefix_no_fanout_prefix',
      broker_transport_options={'global_keyprefix': 'pfx:', 'fanout_prefix': False})
def _(app):
    app.control.revoke('id-1')


@case('revoke_twice_advances_the_clock')
def _(app):
    app.control.revoke('id-1')
    app.control.revoke('id-2')


# ---- the formatting primitives: Python's float repr, json.dumps, Celery's saferepr ------------
def encode_value(value):
    """A value as JSON the Java test can rebuild: tuples as {"tuple": [...]}, floats as hex."""
    if isinstance(value, tuple):
        return {'tuple': [encode_value(v) for v in value]}
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    if isinstance(value, dict):
        return {'dict': [[k, encode_value(v)] for k, v in value.items()]}
    if isinstance(value, float):
        return {'float': value.hex()}
    return value


def float_vectors():
    import random
    rng = random.Random(20240506)
    special = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 1e17,
               9999999999999998.0, 12345678901234567.0, 1e22, 1e23, 1e-4, 1e-5, 0.00012345,
               5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
               2.0 ** -44, 2.0 ** 63, 2.0 ** 64, 9007199254740993.0, 4.35, 0.3, 123.456,
               1715000001.2499998, float('inf'), float('-inf'), float('nan')]
    values = list(special)
    values += [2.0 ** k for k in range(-1074, 1024, 5)]  # where the rounding interval is lopsided
    for _ in range(1500):
        values.append(rng.uniform(-1e6, 1e6))
    for _ in range(1500):
        values.append(struct_random(rng))
    return [{'hex': v.hex(), 'repr': repr(v), 'json': json.dumps(v)} for v in values]


def struct_random(rng):
    import struct
    while True:
        v = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if v == v and v not in (float('inf'), float('-inf')):
            return v


def saferepr_vectors():
    from celery.utils.saferepr import saferepr
    values = [
        (), (1,), (1, 2), [], {}, [None, True, False], 'plain', "it's", 'say "hi"',
        'back\\slash\nnewline\t', 'é€𝄞', ('a', ['b', ('c', ['d', ['e']])]),
        {'a': {'b': {'c': {'d': 1}}}}, [1, [2, [3, [4, [5]]]]], ({'k': [1, (2,)]},),
        12345678901234567890, -7, 1.5, 1e16, -0.0, float('nan'), float('inf'),
        ['one two three four five six seven eight nine ten'] * 3,
        {'key with spaces in it': 'value with spaces in it too', 'k2': ['x' * 50, 'y z' * 20]},
        ('nospaceatallinthisverylongstringthatgoesonandon' * 3, 1, 2, 3),
        {"q'uote": "v'alue"}, ('𝄞' * 40,), (list(range(60)), {'a': 'b' * 40}),
    ]
    out = []
    for value in values:
        for maxlen in (None, 1024, 64, 20, 7, 3, 1):
            out.append({'value': encode_value(value), 'maxlen': maxlen,
                        'saferepr': saferepr(value, maxlen)})
    return out


def json_vectors():
    values = ['plain', 'é€𝄞', '\x00\x01\x1f\x7f\x80', '"quoted" \\ back', '\b\f\n\r\t',
              [1, 2.5, None, True, False], {'a': [1, {'b': None}]}, [], {},
              12345678901234567890, -0.0, 1e16, 'ünïcödé \u2028 \ud7ff \ue000 \uffff']
    return [{'value': encode_value(v), 'json': json.dumps(v)} for v in values]


def timedelta_vectors():
    """Countdowns and expires as floats: the microseconds of timedelta(seconds=x) (the eta is now
    plus those) and kombu's expiration property str(int(x * 1000))."""
    import random
    rng = random.Random(5262)
    values = [1.005, 2.5e-06, 1.5e-06, 1e-09, 0.5, 1715.0000005, 0.1, 0.3, 86400.000001]
    values += [k / 1000 for k in range(1, 2000, 7)] + [k * 1e-7 for k in range(1, 300, 3)]
    values += [rng.uniform(0, 100000) for _ in range(500)]
    out = []
    for x in values:
        d = datetime.timedelta(seconds=x)
        micros = (d.days * 86400 + d.seconds) * 10**6 + d.microseconds
        out.append({'hex': x.hex(), 'micros': micros, 'expiration': str(int(x * 1000))})
    return out


def main():
    out = {
        'celery': celery.__version__,
        'kombu': kombu.__version__,
        'fixed': {'now': FIXED_NOW.isoformat(), 'time': FIXED_TIME, 'time_ns': FIXED_TIME_NS, 'origin': ORIGIN,
                  'reply_to': REPLY_TO, 'task_ids': '00000000-0000-4000-8000-<n:012d> from 1',
                  'delivery_tags': 'dddddddd-0000-4000-8000-<n:012d> from 1'},
        'has_revoke_by_stamped_headers': hasattr(celery.app.control.Control,
                                                 'revoke_by_stamped_headers'),
        'cases': [],
        'floats': float_vectors(),
        'saferepr': saferepr_vectors(),
        'json': json_vectors(),
        'timedeltas': timedelta_vectors(),
    }
    for name, conf, fun in CASES:
        app = new_app(**conf)
        result = fun(app)
        out['cases'].append({
            'name': name,
            'conf': conf,
            'result': shape(result),
            'commands': [decode(dict(e)) for e in LOG],
        })
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')



if __name__ == '__main__':
    main()
