/**
 * Provides AssertJ assertions for celerykit: {@link io.celerykit.assertj.CeleryAssertions} (static
 * {@code assertThat} for results, sets, states and the journal, {@code assertThatTree} for whole
 * result trees) and {@link io.celerykit.assertj.CelerySoftAssertions}. Needs {@code
 * org.assertj:assertj-core} on the test class path; celerykit declares it optional.
 */
package io.celerykit.assertj;
