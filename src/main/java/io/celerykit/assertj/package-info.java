/**
 * Provides AssertJ assertions for celerykit: {@link io.celerykit.assertj.CeleryAssertions} (static
 * {@code assertThat} for results, sets, states, the journal and what an app sent, {@code
 * assertThatTree} for whole result trees, {@code raisedAs} for failures stored under JSON) and
 * {@link io.celerykit.assertj.CelerySoftAssertions}. Needs {@code org.assertj:assertj-core} on the
 * test class path; celerykit declares it optional.
 */
package io.celerykit.assertj;
