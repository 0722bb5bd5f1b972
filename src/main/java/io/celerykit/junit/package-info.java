/**
 * JUnit 5 support: {@link io.celerykit.junit.CeleryTest} and {@link
 * io.celerykit.junit.CeleryExtension} give each test a fresh in-memory Celery, inject it and its
 * parts, report the journal and result trees of failing tests, and check strict mode; {@link
 * io.celerykit.junit.ResultBackendContract} is the test kit a {@link
 * io.celerykit.result.ResultBackend} implementation must pass to behave as celerykit's in-memory
 * backend does; it runs its pieces ({@link io.celerykit.junit.TaskMetaContract}, {@link
 * io.celerykit.junit.GroupContract}, {@link io.celerykit.junit.WaitContract}, {@link
 * io.celerykit.junit.SubscriptionContract}, {@link io.celerykit.junit.ResultApiContract}) as nested
 * classes, and each piece can be extended alone.
 *
 * <p>Needs JUnit Jupiter API (and AssertJ, for the contract) on the test class path; celerykit
 * declares both as optional dependencies, so add them to your own test dependencies.
 */
package io.celerykit.junit;
