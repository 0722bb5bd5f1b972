/**
 * celerykit: Celery's result API ({@code celery.result}) for Java, as a pure in-process test
 * double.
 */
module io.celerykit {
  requires com.fasterxml.jackson.databind;
  requires static org.mockito;
  requires static org.junit.jupiter.api;
  requires static org.assertj.core;

  exports io.celerykit.result;
  exports io.celerykit.graph;
  exports io.celerykit.backend;
  exports io.celerykit.app;
  exports io.celerykit.wire;
  exports io.celerykit.awaitility;
  exports io.celerykit.mockito;
  exports io.celerykit.junit;
  exports io.celerykit.assertj;

  opens io.celerykit.assertj to
      org.assertj.core;
}
