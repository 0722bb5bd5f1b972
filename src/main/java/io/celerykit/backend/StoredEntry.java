package io.celerykit.backend;

import java.util.Map;

/**
 * One store of a value in the {@link InMemoryBackend}'s maps, compared by identity: an expiry
 * removes only the store that scheduled it, never a later store of the same id. The value is
 * dropped ({@link #kill()}) once the entry has left its map, so an expiry still queued for it holds
 * no result alive.
 */
class StoredEntry<T> {
  private volatile T value;

  StoredEntry(T value) {
    this.value = value;
  }

  /** The value, or null once the entry has left its map (read the map again). */
  final T value() {
    return value;
  }

  /** Drops the value; called by whoever removed the entry from its map, once. */
  final void kill() {
    value = null;
  }

  /** Whether the entry is still in its map. */
  final boolean isLive() {
    return value != null;
  }

  /** A store that expires: it knows its map, its key and when it expires, for the expiry queue. */
  static final class Expiring<T> extends StoredEntry<T> {
    private final Map<String, StoredEntry<T>> map;
    private final String key;
    final long expiresAtNanos;

    Expiring(Map<String, StoredEntry<T>> map, String key, T value, long expiresAtNanos) {
      super(value);
      this.map = map;
      this.key = key;
      this.expiresAtNanos = expiresAtNanos;
    }

    /** Removes this store from its map, unless a later store or a forget replaced it. */
    void expire() {
      if (map.remove(key, this)) {
        kill();
      }
    }
  }
}
