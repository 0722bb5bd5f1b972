package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ExpiryQueueTest {

  private final VirtualClock clock = new VirtualClock();
  private final ExpiryQueue queue = new ExpiryQueue();
  private final ConcurrentHashMap<String, StoredEntry<String>> map = new ConcurrentHashMap<>();

  private StoredEntry.Expiring<String> store(String key, Duration ttl) {
    StoredEntry.Expiring<String> entry =
        new StoredEntry.Expiring<>(map, key, "value of " + key, clock.nanos() + ttl.toNanos());
    map.put(key, entry);
    queue.add(entry);
    return entry;
  }

  private void forget(String key) {
    map.remove(key).kill();
    queue.removedEarly();
  }

  @Test
  void forgottenStoresAreSweptOnceTheyOutnumberHalfTheQueue() {
    for (int i = 0; i < 5000; i++) {
      store("t" + i, Duration.ofHours(1));
    }
    for (int i = 0; i < 2000; i++) {
      forget("t" + i);
    }
    assertThat(queue.size()).isEqualTo(5000);

    for (int i = 2000; i < 2600; i++) {
      forget("t" + i);
    }

    assertThat(queue.size()).isLessThan(5000).isGreaterThanOrEqualTo(map.size());
    assertThat(map).hasSize(2400);
  }

  @Test
  void aStoreWithAShorterTimeToLiveExpiresFirstThoughQueuedLater() {
    store("long", Duration.ofHours(2));
    store("short", Duration.ofMinutes(30));

    clock.advance(Duration.ofMinutes(30));
    queue.purge(clock);
    assertThat(map).containsOnlyKeys("long");

    clock.advance(Duration.ofMinutes(90));
    queue.purge(clock);
    assertThat(map).isEmpty();
    assertThat(queue.size()).isZero();
  }

  @Test
  void anExpiryLeavesALaterStoreOfTheSameKeyAlone() {
    StoredEntry.Expiring<String> first = store("t", Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(5));
    map.put("t", new StoredEntry<>("later"));
    first.kill();

    clock.advance(Duration.ofMinutes(5));
    queue.purge(clock);

    assertThat(map.get("t").value()).isEqualTo("later");
  }
}
