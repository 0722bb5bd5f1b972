/**
 * JUnit 5 support: {@link io.celerykit.junit.CeleryTest} and {@link
 * io.celerykit.junit.CeleryExtension} give each test a fresh in-memory Celery, inject it and its
 * parts, report the journal and result trees of failing tests, and check strict mode.
 */
package io.celerykit.junit;
