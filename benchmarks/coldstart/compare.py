"""The cold-start suite: what a test suite feels, for celerykit and for real Celery 5.2.6 (eager),
measured in one run and printed side by side with the ratios and the targets.

Run it with benchmarks/coldstart/run.sh (which builds the jar first). Needs /usr/bin/python3 with
Debian's python3-celery and python3-pytest. Every figure is wall time on this machine.

  1. first result: a fresh JVM / interpreter, from the first line of main / the script to the value
     of the first get() of the first task (JVM or interpreter start-up not counted), over --runs
     runs, interleaved; and the whole process's wall time beside it; the JVM also with an AppCDS
     archive of the same run (dumped once with -XX:ArchiveClassesAtExit), interleaved with both.
  2. 1,000 tests, each a fresh app (the @CeleryTest extension / a pytest fixture) sending ten tasks
     and getting their values, run in a fresh JVM by the JUnit Platform launcher / by pytest;
     a baseline of 1,000 empty tests (no extension, no fixture) shows the runner's own cost;
     the celerykit suite again with C1 only and with an AppCDS archive of its own run, and ten
     times in one JVM (the tenth run's loop: what a long suite feels once the JIT has caught up).
  3. one app keeping every result: tasks/s over millions of tasks (default G1; with
     -XX:MaxTenuringThreshold=0, -XX:+UseParallelGC, and no collector at all, Epsilon), and for
     Celery over --python-keep tasks.
  4. a fresh app + ten tasks in a warm JVM (JMH, FreshAppBenchmark) / a warm interpreter.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
JAR = os.path.join(BENCH, "target", "benchmarks.jar")
WORK = os.path.join(BENCH, "target", "coldstart")
PY = "/usr/bin/python3"
TESTS = 1000
PREPEND = []  # --library: another build of celerykit put ahead of the jar's own copy


def cp(*more):
    return os.pathsep.join(PREPEND + [JAR] + list(more))


def sh(cmd, env=None):
    """Runs a command; returns (stdout, wall seconds). Fails loudly on a non-zero exit."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit("failed: %s\n%s\n%s" % (" ".join(cmd), done.stdout[-3000:], done.stderr[-3000:]))
    return done.stdout, wall


def field(out, name):
    for line in out.splitlines():
        for part in line.split():
            if part.startswith(name + "="):
                return float(part.split("=", 1)[1])
    sys.exit("no %s in:\n%s" % (name, out))


def stats(xs):
    return statistics.median(xs), min(xs), max(xs)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ------------------------------------------------------------------ generated test suites


def generate():
    src = os.path.join(WORK, "java", "generated")
    os.makedirs(src, exist_ok=True)
    celery = [
        "package generated;",
        "",
        "import io.celerykit.app.InMemoryCelery;",
        "import io.celerykit.app.TaskBody;",
        "import io.celerykit.junit.CeleryTest;",
        "import org.junit.jupiter.api.Test;",
        "",
        "@CeleryTest",
        "class CeleryThousandTest {",
        "  private static final TaskBody.Of2<Integer, Integer, Integer> ADD = (x, y) -> x + y;",
        "",
        "  private static void tenTasks(InMemoryCelery app) {",
        "    var add = app.task(\"tasks.add\", ADD);",
        "    for (int i = 0; i < 10; i++) {",
        "      if (add.delay(i, 1).get() != i + 1) {",
        "        throw new AssertionError(i);",
        "      }",
        "    }",
        "  }",
    ]
    plain = ["package generated;", "", "import org.junit.jupiter.api.Test;", "",
             "class PlainThousandTest {"]
    for n in range(TESTS):
        celery += ["", "  @Test", "  void sendsAndGetsTenTasks%04d(InMemoryCelery app) {" % n,
                   "    tenTasks(app);", "  }"]
        plain += ["", "  @Test", "  void passes%04d() {}" % n]
    for name, lines in (("CeleryThousandTest", celery), ("PlainThousandTest", plain)):
        with open(os.path.join(src, name + ".java"), "w") as out:
            out.write("\n".join(lines + ["}", ""]))
    classes = os.path.join(WORK, "classes")
    os.makedirs(classes, exist_ok=True)
    sh(["javac", "-nowarn", "-cp", JAR, "-d", classes,
        os.path.join(src, "CeleryThousandTest.java"), os.path.join(src, "PlainThousandTest.java")])
    # A jar, not the directory: an AppCDS archive takes no non-empty directory on the class path.
    tests_jar = os.path.join(WORK, "generated-tests.jar")
    sh(["jar", "cf", tests_jar, "-C", classes, "."])

    for name, body in (("celery", True), ("plain", False)):
        d = os.path.join(WORK, "pytest-" + name)
        os.makedirs(d, exist_ok=True)
        lines = []
        if body:
            lines += ["import pytest", "", "from celery_side import make_app, ten_tasks", "", "",
                      "@pytest.fixture", "def app():", "    app = make_app()", "    yield app",
                      "    app.close()", ""]
        for n in range(TESTS):
            if body:
                lines += ["", "def test_sends_and_gets_ten_tasks_%04d(app):" % n,
                          "    ten_tasks(app)", ""]
            else:
                lines += ["", "def test_passes_%04d():" % n, "    pass", ""]
        with open(os.path.join(d, "test_thousand.py"), "w") as out:
            out.write("\n".join(lines))
    return tests_jar


# ------------------------------------------------------------------ measurements


def app_cds_archive(main_class, *args, classes=None):
    """Dumps an AppCDS archive of the classes one run loads (JDK 17's two-step recipe)."""
    archive = os.path.join(WORK, main_class.rsplit(".", 1)[1] + ".jsa")
    if os.path.exists(archive):
        os.remove(archive)
    path = cp(classes) if classes else cp()
    sh(["java", "-XX:ArchiveClassesAtExit=" + archive, "-cp", path, main_class] + list(args))
    return ["-XX:SharedArchiveFile=" + archive, "-Xshare:auto"]


def first_result(runs):
    java = {"main": [], "wall": []}
    cds = {"main": [], "wall": []}
    python = {"main": [], "wall": []}
    main_class = "io.celerykit.bench.coldstart.FirstResult"
    cds_flags = app_cds_archive(main_class)
    cmd_java = ["java", "-cp", cp(), main_class]
    cmd_cds = ["java"] + cds_flags + ["-cp", cp(), main_class]
    cmd_py = [PY, os.path.join(HERE, "first_result.py")]
    for _ in range(runs):
        for cmd, into in ((cmd_java, java), (cmd_cds, cds), (cmd_py, python)):
            out, wall = sh(cmd)
            into["main"].append(field(out, "first_result_us") / 1000)
            into["wall"].append(wall * 1000)
    return java, cds, python


def junit(classes, name, runs, flags=()):
    exec_ms, total_ms, wall_ms = [], [], []
    for _ in range(runs):
        out, wall = sh(["java"] + list(flags) + ["-cp", cp(classes),
                        "io.celerykit.bench.coldstart.JUnitRun", "generated." + name])
        assert field(out, "tests_succeeded") == TESTS, out
        exec_ms.append(field(out, "junit_exec_us") / 1000)
        total_ms.append(field(out, "junit_total_us") / 1000)
        wall_ms.append(wall * 1000)
    return {"exec": exec_ms, "total": total_ms, "wall": wall_ms}


def pytest_run(name, runs):
    d = os.path.join(WORK, "pytest-" + name)
    timing = os.path.join(WORK, "pytest-timing.json")
    env = dict(os.environ, COLDSTART_TIMING=timing,
               PYTHONPATH=HERE + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONDONTWRITEBYTECODE="1")
    exec_ms, wall_ms = [], []
    for _ in range(runs):
        _, wall = sh([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pytest_timing",
                      d], env=env)
        with open(timing) as f:
            t = json.load(f)
        assert t["passed"] == TESTS and t["failed"] == 0, t
        exec_ms.append(t["exec_us"] / 1000)
        wall_ms.append(wall * 1000)
    return {"exec": exec_ms, "wall": wall_ms}


def keep_java(tasks, flags):
    out, _ = sh(["java"] + flags + ["-cp", cp(), "io.celerykit.bench.coldstart.KeepResults",
                                     str(tasks)])
    per_million = out.split("per_million_tasks_per_s=")[1].split()[0]
    return field(out, "keep_tasks_per_s"), per_million


def keep_python(tasks):
    out, _ = sh([PY, os.path.join(HERE, "keep_results.py"), str(tasks)])
    return field(out, "keep_tasks_per_s")


def fresh_app_jmh(quick):
    result = os.path.join(WORK, "jmh-fresh-app.json")
    cmd = ["java", "-cp", cp(), "org.openjdk.jmh.Main", "FreshAppBenchmark", "-rf", "json",
           "-rff", result]
    if quick:
        cmd += ["-wi", "2", "-w", "1s", "-i", "3", "-r", "1s"]
    sh(cmd)
    with open(result) as f:
        rows = json.load(f)
    return {r["params"]["config"]: (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
            for r in rows}


def fresh_app_python():
    out, _ = sh([PY, os.path.join(HERE, "fresh_app_warm.py")])
    return field(out, "fresh_app_us")


# ------------------------------------------------------------------ report


def main():
    # Celery's own modules have their .pyc files from Debian; ours are not cached in the tree.
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=30, help="fresh processes per side (first result)")
    ap.add_argument("--junit-runs", type=int, default=5, help="runs of each 1,000-test suite")
    ap.add_argument("--java-keep", type=int, default=3_000_000, help="tasks kept by one app, Java")
    ap.add_argument("--python-keep", type=int, default=1_000_000, help="... and Python")
    ap.add_argument("--quick", action="store_true", help="short JMH run (for trying the script)")
    ap.add_argument("--only", default="first,junit,keep,fresh", help="which parts, comma-separated")
    ap.add_argument("--library", help="a jar of another celerykit build, put ahead of the one in"
                    " benchmarks.jar on every Java class path (to compare builds)")
    a = ap.parse_args()
    if a.library:
        PREPEND.append(os.path.abspath(a.library))
    parts = set(a.only.split(","))
    if not os.path.exists(JAR):
        sys.exit("build first: benchmarks/coldstart/run.sh, or the README's mvn commands")
    os.makedirs(WORK, exist_ok=True)
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    lines = ["# celerykit cold start against Celery 5.2.6 (eager), one run",
             "", "- date: %s; load average at start: %s; %d cores" % (
                 time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), loadavg(), os.cpu_count()),
             "- java: %s" % java_version.splitlines()[1].strip(),
             "- celerykit: %s" % (a.library or "the copy in benchmarks.jar"),
             "- python: %s" % subprocess.run([PY, "-c", "import sys, celery, pytest; print("
                                              "sys.version.split()[0], 'celery', celery.__version__,"
                                              " 'pytest', pytest.__version__)"],
                                             capture_output=True, text=True).stdout.strip(), ""]
    rows = []

    def row(what, java, python, ratio, target, met):
        rows.append("| %s | %s | %s | %s | %s | %s |" % (what, java, python, ratio, target, met))

    def rng(s, unit, fmt="%.1f"):
        return (fmt + " (" + fmt + "–" + fmt + ") %s") % (s[0], s[1], s[2], unit)

    if "first" in parts:
        java, cds, python = first_result(a.runs)
        jm, pm = stats(java["main"]), stats(python["main"])
        row("first result from the start of main / the script, median (min–max) of %d" % a.runs,
            rng(jm, "ms"), rng(pm, "ms"), "%.0f×" % (pm[0] / jm[0]), "≤ 25 ms",
            "yes" if jm[0] <= 25 else "no")
        jw, pw = stats(java["wall"]), stats(python["wall"])
        row("whole process, for reference", rng(jw, "ms"), rng(pw, "ms"),
            "%.1f×" % (pw[0] / jw[0]), "", "")
        cm, cw = stats(cds["main"]), stats(cds["wall"])
        row("first result with an AppCDS archive (-XX:SharedArchiveFile), interleaved",
            rng(cm, "ms"), "", "%.0f×" % (pm[0] / cm[0]), "≤ 25 ms",
            "yes" if cm[0] <= 25 else "no")
        row("… whole process with the archive", rng(cw, "ms"), "", "%.1f×" % (pw[0] / cw[0]),
            "", "")
        lines.append("- load after the first results: %s" % loadavg())
    if "junit" in parts:
        classes = generate()
        jc = junit(classes, "CeleryThousandTest", a.junit_runs)
        jp = junit(classes, "PlainThousandTest", a.junit_runs)
        pc = pytest_run("celery", a.junit_runs)
        pp = pytest_run("plain", a.junit_runs)
        jex, pex = statistics.median(jc["exec"]), statistics.median(pc["exec"])
        row("1,000 tests (fresh app, 10 tasks each), test loop, median of %d" % a.junit_runs,
            rng(stats(jc["exec"]), "ms", "%.0f"), rng(stats(pc["exec"]), "ms", "%.0f"),
            "%.0f×" % (pex / jex), "", "")
        row("… per test", "%.1f µs" % (jex / TESTS * 1000), "%.0f µs" % (pex / TESTS * 1000),
            "%.0f×" % (pex / jex), "≤ 60 µs, ≥ 50×",
            "yes" if jex / TESTS * 1000 <= 60 and pex / jex >= 50 else "no")
        row("… whole process (JVM / interpreter start, discovery, run)",
            rng(stats(jc["wall"]), "ms", "%.0f"), rng(stats(pc["wall"]), "ms", "%.0f"),
            "%.1f×" % (statistics.median(pc["wall"]) / statistics.median(jc["wall"])), "", "")
        row("baseline: 1,000 empty tests, test loop (no extension / fixture)",
            rng(stats(jp["exec"]), "ms", "%.0f"), rng(stats(pp["exec"]), "ms", "%.0f"),
            "", "", "")
        row("… per test, runner and app together minus the baseline",
            "%.1f µs" % ((jex - statistics.median(jp["exec"])) / TESTS * 1000),
            "%.0f µs" % ((pex - statistics.median(pp["exec"])) / TESTS * 1000), "", "", "")
        runner = "io.celerykit.bench.coldstart.JUnitRun"
        variants = (
            ("C1 only (-XX:TieredStopAtLevel=1)", ["-XX:TieredStopAtLevel=1"]),
            ("an AppCDS archive of the run", app_cds_archive(
                runner, "generated.CeleryThousandTest", classes=classes)))
        warm = []
        for _ in range(a.junit_runs):
            out, _ = sh(["java", "-cp", cp(classes), runner, "generated.CeleryThousandTest", "10"])
            warm.append(field(out, "junit_exec_us_last") / 1000)
        wm = statistics.median(warm)
        row("… per test in the tenth run of the 1,000 in one JVM (a long suite, JIT warm)",
            "%.1f µs" % (wm / TESTS * 1000), "", "%.0f×" % (pex / wm), "≤ 60 µs, ≥ 50×",
            "yes" if wm / TESTS * 1000 <= 60 and pex / wm >= 50 else "no")
        for label, flags in variants:
            v = junit(classes, "CeleryThousandTest", a.junit_runs, flags)
            vex = statistics.median(v["exec"])
            row("… per test with %s" % label, "%.1f µs" % (vex / TESTS * 1000),
                "", "%.0f×" % (pex / vex), "≤ 60 µs, ≥ 50×",
                "yes" if vex / TESTS * 1000 <= 60 and pex / vex >= 50 else "no")
        lines.append("- load after the 1,000-test runs: %s" % loadavg())
    if "keep" in parts:
        g1, g1m = keep_java(a.java_keep, [])
        ten, tenm = keep_java(a.java_keep, ["-XX:MaxTenuringThreshold=0"])
        par, parm = keep_java(a.java_keep, ["-XX:+UseParallelGC"])
        eps, epsm = keep_java(a.java_keep, ["-XX:+UnlockExperimentalVMOptions",
                                            "-XX:+UseEpsilonGC", "-Xmx12g"])
        py = keep_python(a.python_keep)
        row("one app keeping every result, %s tasks (Java) / %s (Python), default G1" % (
            format(a.java_keep, ","), format(a.python_keep, ",")),
            "%s tasks/s (each million: %s)" % (format(int(g1), ","), g1m),
            "%s tasks/s" % format(int(py), ","), "%.0f×" % (g1 / py), "≥ 1.5 M/s",
            "yes" if g1 >= 1.5e6 else "no")
        row("… G1 with -XX:MaxTenuringThreshold=0", "%s tasks/s (each million: %s)" % (
            format(int(ten), ","), tenm), "", "%.0f×" % (ten / py), "≥ 1.5 M/s",
            "yes" if ten >= 1.5e6 else "no")
        row("… with -XX:+UseParallelGC", "%s tasks/s (each million: %s)" % (
            format(int(par), ","), parm), "", "%.0f×" % (par / py), "≥ 1.5 M/s",
            "yes" if par >= 1.5e6 else "no")
        row("… with no collector at all (-XX:+UseEpsilonGC -Xmx12g: the ceiling of the task path"
            " and of fresh memory)", "%s tasks/s (each million: %s)" % (format(int(eps), ","),
                                                                     epsm),
            "", "%.0f×" % (eps / py), "", "")
        lines.append("- load after the keep-results runs: %s" % loadavg())
    if "fresh" in parts:
        jmh = fresh_app_jmh(a.quick)
        py = fresh_app_python()
        d, de = jmh["defaults"]
        e, ee = jmh["extension"]
        row("fresh app + 10 tasks, warm (JMH average ± 99.9 % error / median of batches)",
            "%.1f ± %.1f µs (extension's config: %.1f ± %.1f)" % (d, de, e, ee),
            "%.0f µs" % py, "%.0f×" % (py / d), "≤ 20 µs", "yes" if d <= 20 else "no")
    lines += ["", "| what | celerykit (Java) | Celery 5.2.6 (Python, eager) | ratio | target | met |",
              "|---|---|---|---|---|---|"] + rows
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.path.join(WORK, "results.md"), "w") as out:
        out.write(report)


if __name__ == "__main__":
    main()
