package io.celerykit.redis.differential;

/** The body of a scenario: written once against {@link Run#app()}, it records what it sees. */
@FunctionalInterface
interface ScenarioBody {
  /**
   * Runs the scenario on one engine.
   *
   * @param run the engine's app and the recorder
   * @throws Exception anything the body does not expect; it fails the scenario
   */
  void run(Run run) throws Exception;
}
