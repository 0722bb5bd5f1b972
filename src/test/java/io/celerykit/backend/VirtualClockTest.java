package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  private final VirtualClock clock = new VirtualClock();
  private final List<String> ran = new ArrayList<>();

  private Runnable record(String name) {
    return () -> ran.add(name + "@" + clock.elapsed().toMillis());
  }

  @Nested
  class Time {

    @Test
    void startsAtTheDefaultStartAndStandsStill() {
      assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START);
      assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(clock.elapsed()).isZero();
      assertThat(clock.millis()).isEqualTo(VirtualClock.DEFAULT_START.toEpochMilli());
      assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void startsAtAGivenInstant() {
      Instant start = Instant.parse("2000-02-29T12:00:00Z");
      VirtualClock other = new VirtualClock(start);
      other.advance(Duration.ofMinutes(5));
      assertThat(other.now()).isEqualTo(start.plusSeconds(300));
      assertThat(other.elapsed()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void advanceMovesTheClockByExactlyTheDuration() {
      clock.advance(Duration.ofMillis(1500));
      clock.advance(Duration.ZERO);
      clock.advance(Duration.ofNanos(1));
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(1500).plusNanos(1));
    }

    @Test
    void advanceToMovesTheClockToTheInstant() {
      Instant target = VirtualClock.DEFAULT_START.plus(Duration.ofHours(2));
      clock.advanceTo(target);
      assertThat(clock.now()).isEqualTo(target);
      clock.advanceTo(target);
      assertThat(clock.now()).isEqualTo(target);
    }

    @Test
    void negativeAdvanceIsRejectedNamingTheValue() {
      clock.advance(Duration.ofSeconds(10));
      assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-3S")
          .hasMessageContaining("only moves forward");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void advanceToThePastIsRejectedNamingTheInstant() {
      clock.advance(Duration.ofMinutes(1));
      Instant past = VirtualClock.DEFAULT_START.plusSeconds(30);
      assertThatThrownBy(() -> clock.advanceTo(past))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(past.toString())
          .hasMessageContaining("before now");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void withZoneShowsTheSameInstantsInAnotherZone() {
      ZoneId paris = ZoneId.of("Europe/Paris");
      Clock zoned = clock.withZone(paris);
      assertThat(zoned.getZone()).isEqualTo(paris);
      assertThat(zoned.instant()).isEqualTo(clock.now());

      clock.advance(Duration.ofHours(3));
      assertThat(zoned.instant()).isEqualTo(VirtualClock.DEFAULT_START.plus(Duration.ofHours(3)));
      assertThat(java.time.LocalTime.now(zoned)).isEqualTo(java.time.LocalTime.of(4, 0));

      Clock tokyo = zoned.withZone(ZoneId.of("Asia/Tokyo"));
      assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
      clock.advance(Duration.ofMinutes(1));
      assertThat(tokyo.instant()).isEqualTo(clock.now());
    }
  }

  @Nested
  class Scheduling {

    @Test
    void advanceRunsDueEventsInTimeOrderAtTheirOwnTime() {
      clock.schedule(Duration.ofSeconds(3), record("c"));
      clock.schedule(Duration.ofSeconds(1), record("a"));
      clock.schedule(Duration.ofSeconds(2), record("b"));
      clock.schedule(Duration.ofSeconds(9), record("late"));

      clock.advance(Duration.ofSeconds(5));

      assertThat(ran).containsExactly("a@1000", "b@2000", "c@3000");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(5));
      assertThat(clock.pendingEvents()).isEqualTo(1);
      assertThat(clock.nextEventTime()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(9));
    }

    @Test
    void eventsAtTheSameTimeRunInSchedulingOrder() {
      for (String name : List.of("first", "second", "third", "fourth")) {
        clock.schedule(Duration.ofSeconds(1), record(name));
      }
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).containsExactly("first@1000", "second@1000", "third@1000", "fourth@1000");
    }

    @Test
    void anEventDueExactlyAtTheTargetRuns() {
      clock.schedule(Duration.ofSeconds(2), record("edge"));
      clock.advance(Duration.ofSeconds(2).minusNanos(1));
      assertThat(ran).isEmpty();
      clock.advance(Duration.ofNanos(1));
      assertThat(ran).containsExactly("edge@2000");
    }

    @Test
    void advanceToRunsEventsOnTheWay() {
      clock.schedule(Duration.ofMinutes(1), record("one"));
      clock.schedule(Duration.ofMinutes(2), record("two"));
      clock.advanceTo(VirtualClock.DEFAULT_START.plus(Duration.ofSeconds(90)));
      assertThat(ran).containsExactly("one@60000");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void runNextRunsTheEarliestEventAndMovesTheClockToIt() {
      clock.schedule(Duration.ofSeconds(7), record("b"));
      clock.schedule(Duration.ofSeconds(4), record("a"));

      assertThat(clock.runNext()).isTrue();
      assertThat(ran).containsExactly("a@4000");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(4));

      assertThat(clock.runNext()).isTrue();
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(7));
      assertThat(clock.runNext()).isFalse();
      assertThat(ran).containsExactly("a@4000", "b@7000");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void runNextDueByRunsOnlyAnEventAtOrBeforeTheDeadline() {
      clock.schedule(Duration.ofSeconds(5), record("five"));
      Instant four = VirtualClock.DEFAULT_START.plusSeconds(4);
      Instant five = VirtualClock.DEFAULT_START.plusSeconds(5);

      assertThat(clock.runNextDueBy(four)).isFalse();
      assertThat(ran).isEmpty();
      assertThat(clock.elapsed()).isZero();
      assertThat(clock.pendingEvents()).isEqualTo(1);

      assertThat(clock.runNextDueBy(five)).isTrue();
      assertThat(ran).containsExactly("five@5000");
      assertThat(clock.runNextDueBy(five)).isFalse();
    }

    @Test
    void scheduleAtRunsAtTheInstant() {
      clock.scheduleAt(VirtualClock.DEFAULT_START.plusSeconds(42), record("answer"));
      clock.advance(Duration.ofMinutes(1));
      assertThat(ran).containsExactly("answer@42000");
    }

    @Test
    void scheduleAtInThePastRunsNextAtTheCurrentTime() {
      clock.advance(Duration.ofSeconds(10));
      clock.schedule(Duration.ofSeconds(1), record("later"));
      ScheduledEvent past =
          clock.scheduleAt(VirtualClock.DEFAULT_START.plusSeconds(3), record("past"));

      assertThat(past.at()).isEqualTo(clock.now());
      assertThat(clock.nextEventTime()).isEqualTo(clock.now());
      assertThat(clock.runNext()).isTrue();
      assertThat(ran).containsExactly("past@10000");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void zeroDelayRunsAtTheCurrentTimeOnAnyAdvance() {
      clock.advance(Duration.ofSeconds(1));
      clock.schedule(Duration.ZERO, record("now"));
      clock.advance(Duration.ZERO);
      assertThat(ran).containsExactly("now@1000");
    }

    @Test
    void negativeDelayIsRejectedNamingTheValue() {
      assertThatThrownBy(() -> clock.schedule(Duration.ofMillis(-250), record("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-0.25S")
          .hasMessageContaining("must not be negative");
      assertThatThrownBy(() -> clock.scheduleHousekeeping(Duration.ofSeconds(-1), record("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-1S");
      assertThat(clock.hasPendingEvents()).isFalse();
    }

    @Test
    void nullArgumentsAreRejected() {
      assertThatThrownBy(() -> clock.schedule(null, record("x")))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("delay");
      assertThatThrownBy(() -> clock.schedule(Duration.ZERO, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("action");
      assertThatThrownBy(() -> clock.scheduleAt(null, record("x")))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("at");
      assertThat(clock.pendingEvents()).isZero();
    }

    @Test
    void anEventScheduledFromAnEventRunsInTheSameAdvanceWhenDue() {
      clock.schedule(
          Duration.ofSeconds(1),
          () -> {
            ran.add("outer@" + clock.elapsed().toMillis());
            clock.schedule(Duration.ofSeconds(1), record("inner"));
            clock.schedule(Duration.ofSeconds(10), record("beyond"));
          });
      clock.schedule(Duration.ofMillis(1500), record("between"));

      clock.advance(Duration.ofSeconds(3));

      assertThat(ran).containsExactly("outer@1000", "between@1500", "inner@2000");
      assertThat(clock.pendingEvents()).isEqualTo(1);
      assertThat(clock.nextEventTime()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(11));
    }

    @Test
    void aZeroDelayEventScheduledFromAnEventRunsAfterTheOthersAlreadyDueThen() {
      clock.schedule(
          Duration.ofSeconds(1),
          () -> {
            ran.add("outer@" + clock.elapsed().toMillis());
            clock.schedule(Duration.ZERO, record("nested"));
          });
      clock.schedule(Duration.ofSeconds(1), record("sibling"));
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).containsExactly("outer@1000", "sibling@1000", "nested@1000");
    }

    @Test
    void scheduledEventsOrderByTimeThenSequence() {
      ScheduledEvent late = clock.schedule(Duration.ofSeconds(2), record("late"));
      ScheduledEvent early = clock.schedule(Duration.ofSeconds(1), record("early"));
      ScheduledEvent earlyToo = clock.schedule(Duration.ofSeconds(1), record("earlyToo"));
      assertThat(early).isLessThan(earlyToo).isLessThan(late);
      assertThat(earlyToo).isLessThan(late);
      assertThat(late.at()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(2));
      assertThat(early.isProgress()).isTrue();
    }
  }

  @Nested
  class Cancelling {

    @Test
    void aCancelledEventDoesNotRunAndIsNotPending() {
      ScheduledEvent cancelled = clock.schedule(Duration.ofSeconds(1), record("cancelled"));
      clock.schedule(Duration.ofSeconds(2), record("kept"));

      cancelled.cancel();

      assertThat(cancelled.isCancelled()).isTrue();
      assertThat(clock.pendingEvents()).isEqualTo(1);
      assertThat(clock.nextEventTime()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(2));
      clock.advance(Duration.ofSeconds(5));
      assertThat(ran).containsExactly("kept@2000");
    }

    @Test
    void runNextSkipsCancelledEvents() {
      clock.schedule(Duration.ofSeconds(1), record("a")).cancel();
      clock.schedule(Duration.ofSeconds(3), record("b"));
      assertThat(clock.runNext()).isTrue();
      assertThat(ran).containsExactly("b@3000");
      assertThat(clock.runNext()).isFalse();
    }

    @Test
    void cancellingTwiceOrAfterTheEventRanDoesNothing() {
      ScheduledEvent twice = clock.schedule(Duration.ofSeconds(1), record("twice"));
      twice.cancel();
      twice.cancel();
      assertThat(twice.isCancelled()).isTrue();

      ScheduledEvent done = clock.schedule(Duration.ofSeconds(1), record("done"));
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).containsExactly("done@1000");
      assertThat(done.isCancelled()).as("an event that ran was not cancelled").isFalse();
      done.cancel();
      assertThat(done.isCancelled()).as("cancelling after it ran does nothing").isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).containsExactly("done@1000");
    }

    @Test
    void anEventCanCancelALaterOneDueAtTheSameAdvance() {
      ScheduledEvent victim = clock.schedule(Duration.ofSeconds(2), record("victim"));
      clock.schedule(Duration.ofSeconds(1), victim::cancel);
      clock.advance(Duration.ofSeconds(3));
      assertThat(ran).isEmpty();
      assertThat(victim.isCancelled()).isTrue();
    }
  }

  @Nested
  class Housekeeping {

    @Test
    void housekeepingEventsDoNotCountAsProgress() {
      ScheduledEvent expiry = clock.scheduleHousekeeping(Duration.ofHours(1), record("expiry"));
      assertThat(expiry.isProgress()).isFalse();
      assertThat(clock.hasPendingEvents()).isTrue();
      assertThat(clock.pendingEvents()).isEqualTo(1);
      assertThat(clock.hasPendingProgress()).isFalse();

      ScheduledEvent work = clock.schedule(Duration.ofHours(2), record("work"));
      assertThat(clock.hasPendingProgress()).isTrue();
      work.cancel();
      assertThat(clock.hasPendingProgress()).isFalse();
    }

    @Test
    void housekeepingRunsInTimeOrderWithOtherEvents() {
      clock.schedule(Duration.ofSeconds(3), record("work"));
      clock.scheduleHousekeeping(Duration.ofSeconds(2), record("house"));
      clock.schedule(Duration.ofSeconds(1), record("early"));
      clock.advance(Duration.ofSeconds(3));
      assertThat(ran).containsExactly("early@1000", "house@2000", "work@3000");
      assertThat(clock.hasPendingProgress()).isFalse();
    }

    @Test
    void progressIsGoneOnceTheProgressEventRan() {
      clock.schedule(Duration.ofSeconds(1), record("work"));
      clock.scheduleHousekeeping(Duration.ofSeconds(5), record("house"));
      assertThat(clock.hasPendingProgress()).isTrue();
      clock.advance(Duration.ofSeconds(1));
      assertThat(clock.hasPendingProgress()).isFalse();
      assertThat(clock.hasPendingEvents()).isTrue();
    }
  }

  @Nested
  class EndOfTime {

    private final Duration twoHundredYears = Duration.ofDays(365L * 200);

    @Test
    void theClockSpansLongMaxValueNanosecondsFromItsStart() {
      assertThat(clock.endOfTime())
          .isEqualTo(VirtualClock.DEFAULT_START.plusNanos(Long.MAX_VALUE))
          .isEqualTo(Instant.parse("2318-04-12T23:47:16.854775807Z"));
    }

    @Test
    void anAdvanceOfLongMaxValueSecondsStopsAtTheEndOfTime() {
      clock.schedule(Duration.ofDays(1), record("tomorrow"));
      clock.advance(Duration.ofSeconds(Long.MAX_VALUE));
      assertThat(ran).containsExactly("tomorrow@86400000");
      assertThat(clock.now()).isEqualTo(clock.endOfTime());
      assertThat(clock.elapsed()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
      clock.advance(Duration.ofSeconds(1));
      assertThat(clock.now()).as("the clock stops at the end of time").isEqualTo(clock.endOfTime());
    }

    @Test
    void advancingTwoHundredYearsTwiceMovesTheClockToTheEndOfTime() {
      clock.advance(twoHundredYears);
      assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plus(twoHundredYears));
      clock.advance(twoHundredYears);
      assertThat(clock.now()).isEqualTo(clock.endOfTime());
    }

    @Test
    void aDelayPastTheEndOfTimeIsDueAtTheEndOfTime() {
      clock.advance(twoHundredYears);
      ScheduledEvent late = clock.schedule(twoHundredYears, record("late"));
      ScheduledEvent housekeeping =
          clock.scheduleHousekeeping(Duration.ofSeconds(Long.MAX_VALUE), record("house"));
      assertThat(late.at()).isEqualTo(clock.endOfTime());
      assertThat(housekeeping.at()).isEqualTo(clock.endOfTime());
      assertThat(clock.runNext()).isTrue();
      assertThat(clock.now()).isEqualTo(clock.endOfTime());
      assertThat(ran).hasSize(1);
    }

    @Test
    void instantsBeyondTheClockSaturate() {
      ScheduledEvent atMax = clock.scheduleAt(Instant.MAX, record("max"));
      ScheduledEvent atMin = clock.scheduleAt(Instant.MIN, record("min"));
      assertThat(atMax.at()).isEqualTo(clock.endOfTime());
      assertThat(atMin.at()).as("in the past: runs now").isEqualTo(clock.now());
      assertThat(clock.runNextDueBy(Instant.MIN)).isFalse();
      assertThatThrownBy(() -> clock.advanceTo(Instant.MIN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("before now");
      clock.advanceTo(Instant.MAX);
      assertThat(clock.now()).isEqualTo(clock.endOfTime());
      assertThat(ran)
          .containsExactly("min@0", "max@" + Duration.ofNanos(Long.MAX_VALUE).toMillis());
    }
  }

  @Nested
  class Threads {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theClockMovesOnlyOnceAnEventAnotherThreadRunsHasEnded() throws Exception {
      // A runs an event that is still running when B advances the clock; the event then schedules
      // one due now, which a serial run would run at once, before the clock moved.
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
      clock.schedule(
          Duration.ZERO,
          () -> {
            running.countDown();
            await(release);
            clock.schedule(Duration.ZERO, () -> order.add("follow-up@" + clock.elapsed()));
          });
      clock.schedule(Duration.ofSeconds(5), () -> order.add("later@" + clock.elapsed()));
      Future<?> a = pool.submit(() -> clock.runNext());
      running.await();
      Thread[] advancer = new Thread[1];
      Future<?> b =
          pool.submit(
              () -> {
                advancer[0] = Thread.currentThread();
                clock.advance(Duration.ofSeconds(10));
              });
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> advancer[0] != null && advancer[0].getState() == Thread.State.WAITING);
      assertThat(clock.elapsed()).as("B waits for A's event before it moves").isZero();
      release.countDown();
      a.get(10, TimeUnit.SECONDS);
      b.get(10, TimeUnit.SECONDS);
      assertThat(order).containsExactly("follow-up@PT0S", "later@PT5S");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    private void await(CountDownLatch latch) {
      try {
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void toStringShowsNowAndPendingCount() {
    clock.schedule(Duration.ofSeconds(1), record("x"));
    assertThat(clock.toString()).contains("now=2026-01-01T00:00:00Z").contains("pending=1");
  }
}
