package io.celerykit.bench.coldstart;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test class through the JUnit Platform launcher in this JVM, as a build tool does, and
 * prints how long it took: {@code junit_total_us} from the first line of {@code main} to the end
 * of the run (launcher start-up, discovery and execution), {@code junit_exec_us} from the start to
 * the end of the test plan's execution, and the counts of tests that succeeded and failed. The
 * class is the argument; {@code benchmarks/coldstart/compare.py} generates one with 1,000 {@code
 * @CeleryTest} methods (and a baseline of 1,000 empty methods without the extension).
 */
public final class JUnitRun {

  private JUnitRun() {}

  /**
   * Runs the class, and again when a repeat count follows it: the later runs, in the same JVM
   * and by the same launcher, show what the tests cost once the JIT has compiled the code a long
   * suite runs ({@code junit_exec_us_last}: the test loop of the last run).
   *
   * @param args the test class name, then optionally how many runs in all (default 1)
   * @throws ClassNotFoundException when the class is not on the class path
   */
  public static void main(String[] args) throws ClassNotFoundException {
    long t0 = System.nanoTime();
    Class<?> testClass = Class.forName(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    Launcher launcher = LauncherFactory.create();
    Timing timing = run(launcher, request);
    long t1 = System.nanoTime();
    System.out.println("junit_total_us=" + (t1 - t0) / 1_000);
    System.out.println("junit_exec_us=" + timing.execNanos() / 1_000);
    for (int i = 1; i < runs; i++) {
      Timing again = run(launcher, request);
      if (i == runs - 1) {
        System.out.println("junit_exec_us_last=" + again.execNanos() / 1_000);
      }
    }
    System.out.println("tests_succeeded=" + timing.succeeded + " tests_failed=" + timing.failed);
  }

  private static Timing run(Launcher launcher, LauncherDiscoveryRequest request) {
    Timing timing = new Timing();
    launcher.execute(request, timing);
    if (timing.failed > 0 || timing.succeeded == 0) {
      System.out.println("tests_succeeded=" + timing.succeeded + " tests_failed=" + timing.failed);
      System.out.println("first_failure=" + timing.firstFailure);
      System.exit(1);
    }
    return timing;
  }

  /** Times the plan and counts the tests. */
  private static final class Timing implements TestExecutionListener {
    long started;
    long finished;
    int succeeded;
    int failed;
    Throwable firstFailure;

    long execNanos() {
      return finished - started;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
      started = System.nanoTime();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
      finished = System.nanoTime();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (!id.isTest()) {
        return;
      }
      if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        succeeded++;
      } else {
        failed++;
        if (firstFailure == null) {
          firstFailure = result.getThrowable().orElse(null);
        }
      }
    }
  }
}
