/**
 * The in-memory result backend ({@link io.celerykit.backend.InMemoryBackend}) and the virtual clock
 * ({@link io.celerykit.backend.VirtualClock}) its waits run on.
 */
package io.celerykit.backend;
