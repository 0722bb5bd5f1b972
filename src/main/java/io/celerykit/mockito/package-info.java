/** Mockito answers ({@link io.celerykit.mockito.CeleryAnswers}) that hand out real results. */
package io.celerykit.mockito;
