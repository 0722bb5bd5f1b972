"""A pytest plugin for the cold-start suite: writes how long the test loop took (first test's
set-up to last test's tear-down) and the pass/fail counts, as JSON, to $COLDSTART_TIMING."""

import json
import os
import time

import pytest

_state = {"passed": 0, "failed": 0}


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    _state["loop_started"] = time.perf_counter_ns()


def pytest_runtest_logreport(report):
    if report.when == "call":
        _state["passed" if report.passed else "failed"] += 1
    elif report.failed:
        _state["failed"] += 1


def pytest_sessionfinish(session):
    if "loop_started" in _state:
        _state["exec_us"] = (time.perf_counter_ns() - _state["loop_started"]) // 1000
    with open(os.environ["COLDSTART_TIMING"], "w") as out:
        json.dump(_state, out)
