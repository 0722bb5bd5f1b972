package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.GroupResult;
import io.celerykit.result.RevokeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link InMemoryControl}: the app's control records revoke requests for tests. */
class InMemoryControlTest {

  private final InMemoryCelery app = InMemoryCelery.create();
  private final InMemoryControl control = app.control();

  @Test
  void revokeRecordsIdsOptionsAndVirtualTime() {
    app.clock().advance(Duration.ofSeconds(7));
    RevokeOptions options = RevokeOptions.defaults().terminate(true).signal("SIGKILL");
    control.revoke(List.of("a", "b"), options);
    assertThat(control.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.taskIds()).containsExactly("a", "b");
              assertThat(request.headers()).isEmpty();
              assertThat(request.options()).isEqualTo(options);
              assertThat(request.at()).isEqualTo(app.clock().now());
              assertThat(request.byStampedHeaders()).isFalse();
              assertThat(request.revokes("b")).isTrue();
              assertThat(request.revokes("c")).isFalse();
            });
  }

  @Test
  void revokedListsEveryIdInOrderOfTheRequests() {
    control.revoke(List.of("a"), RevokeOptions.defaults());
    control.revokeByStampedHeaders(Map.of("stamp", "s"), RevokeOptions.defaults());
    control.revoke(List.of("b", "c"), RevokeOptions.defaults());
    assertThat(control.revoked()).containsExactly("a", "b", "c");
    assertThat(control.requests()).hasSize(3);
  }

  @Test
  void revokingAnUnknownIdIsRecordedAndHarmless() {
    control.revoke(List.of("nobody-knows"), RevokeOptions.defaults());
    assertThat(control.revoked()).containsExactly("nobody-knows");
    assertThat(app.backend().exists("nobody-knows")).isFalse();
  }

  @Test
  void revokeByStampedHeadersRecordsTheHeaders() {
    Map<String, Object> headers = Map.of("monitoring_id", List.of("m1", "m2"), "stamp", "x");
    control.revokeByStampedHeaders(headers, RevokeOptions.defaults().terminate(true));
    assertThat(control.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.byStampedHeaders()).isTrue();
              assertThat(request.headers()).isEqualTo(headers);
              assertThat(request.taskIds()).isEmpty();
              assertThat(request.options().terminate()).isTrue();
            });
    assertThat(control.revoked()).isEmpty();
  }

  @Test
  void revokeByStampedHeadersNeedsAHeaderNamingTheEmptyMap() {
    assertThatThrownBy(() -> control.revokeByStampedHeaders(Map.of(), RevokeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got {}");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void revokeRejectsABlankIdNamingItsIndex() {
    assertThatThrownBy(() -> control.revoke(List.of("a", " "), RevokeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskIds[1]");
    assertThatThrownBy(() -> control.revoke(Arrays.asList("a", null), RevokeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskIds[1]")
        .hasMessageContaining("null");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void listenersReceiveEveryRequestInOrder() {
    List<RevokeRequest> seen = new ArrayList<>();
    control.onRevoke(seen::add);
    control.revoke(List.of("a"), RevokeOptions.defaults());
    control.revokeByStampedHeaders(Map.of("k", "v"), RevokeOptions.defaults());
    assertThat(seen).isEqualTo(control.requests()).hasSize(2);
  }

  @Test
  void requestsIsAnUnmodifiableSnapshot() {
    control.revoke(List.of("a"), RevokeOptions.defaults());
    List<RevokeRequest> snapshot = control.requests();
    control.revoke(List.of("b"), RevokeOptions.defaults());
    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requestCopiesItsCollections() {
    List<String> ids = new ArrayList<>(List.of("a"));
    RevokeRequest request =
        new RevokeRequest(ids, Map.of(), RevokeOptions.defaults(), app.clock().now());
    ids.add("b");
    assertThat(request.taskIds()).containsExactly("a");
  }

  @Test
  void resultsRevokeThroughTheAppsControl() {
    app.asyncResult("t1").revoke();
    new GroupResult("g", List.of(app.asyncResult("m1"), app.asyncResult("m2")), app).revoke();
    app.asyncResult("t2").revokeByStampedHeaders(Map.of("stamp", "s"));
    assertThat(control.requests())
        .extracting(RevokeRequest::taskIds)
        .containsExactly(List.of("t1"), List.of("m1", "m2"), List.of());
    assertThat(control.revoked()).containsExactly("t1", "m1", "m2");
  }
}
