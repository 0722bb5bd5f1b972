/**
 * Test kit for implementers of celerykit's SPI: {@link io.celerykit.junit.ResultBackendContract},
 * the JUnit 5 tests a {@link io.celerykit.result.ResultBackend} must pass to behave as
 * celerykit's in-memory backend does.
 *
 * <p>Needs JUnit Jupiter API and AssertJ on the test class path; celerykit declares both as
 * optional dependencies, so add them to your own test dependencies.
 */
package io.celerykit.junit;
