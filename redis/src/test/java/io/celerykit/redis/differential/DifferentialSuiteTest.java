package io.celerykit.redis.differential;

import io.celerykit.redis.testing.RealCelery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differential suite: every scenario, written once against the shared {@code Celery} API, runs
 * on {@code InMemoryCelery} (with the Java twins of the tasks) and on {@code RedisCelery} with a
 * real Celery 5.2.6 worker running {@code differential_tasks.py}; what the client saw on each is
 * normalised ({@link Normalizer}) and compared. A scenario passes when both saw the same, or when
 * they differ exactly where its {@link KnownDifference}s say. A summary is printed at the end.
 */
@Tag("real-celery")
class DifferentialSuiteTest {

  @RegisterExtension static final RealCelery celery = RealCelery.withWorker(RedisSide::mainWorker);

  private static final Summary summary = new Summary();
  private static RedisSide redis;
  private static Differential differential;

  @BeforeAll
  static void connect() {
    redis = new RedisSide(celery);
    differential = new Differential(new InMemorySide(), redis, summary);
  }

  @AfterAll
  static void report() {
    try {
      System.out.println(summary.render());
    } finally {
      redis.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioSeesTheSameOnBothEngines() {
    List<Scenario> all = AllScenarios.all();
    return all.stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    String.format("%02d %s", all.indexOf(s) + 1, s.name()),
                    () -> differential.check(s)));
  }
}
