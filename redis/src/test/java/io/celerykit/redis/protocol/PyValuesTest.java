package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.wire.EncodeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Python numbers, datetimes and truthiness the port relies on. */
class PyValuesTest {

  @Test
  void durationsBecomeIntsWhenWholeAndFloatsOtherwise() {
    assertThat(PyValues.seconds(Duration.ofSeconds(60))).isEqualTo(60L);
    assertThat(PyValues.seconds(Duration.ofMillis(1500))).isEqualTo(1.5);
    assertThat(PyValues.seconds(Duration.ofMillis(1005))).isEqualTo(1.005);
  }

  @Test
  void timedeltaRoundsMicrosecondsAsCPythonDoes() {
    // Modules/_datetimemodule.c delta_new/accum, checked with /usr/bin/python3:
    // timedelta(seconds=x).microseconds for each x below
    assertThat(PyValues.micros(1.005)).isEqualTo(1_005_000L);
    assertThat(PyValues.micros(1e-9)).isZero();
    assertThat(PyValues.micros(2.5e-6)).isEqualTo(2L);
    assertThat(PyValues.micros(1.5e-6)).isEqualTo(2L);
    assertThat(PyValues.micros(3.5e-6)).isEqualTo(4L);
    assertThat(PyValues.micros(1715.0000005)).isEqualTo(1_715_000_000L);
    assertThat(PyValues.micros(10L)).isEqualTo(10_000_000L);
  }

  @Test
  void theExpirationPropertyTruncatesLikePythonsInt() {
    // kombu/messaging.py Producer.publish: str(int(expiration * 1000)); 1.005 * 1000 < 1005
    assertThat(PyValues.millisProperty(1.005)).isEqualTo("1004");
    assertThat(PyValues.millisProperty(110.876544)).isEqualTo("110876");
    assertThat(PyValues.millisProperty(60L)).isEqualTo("60000");
    assertThat(PyValues.millisProperty(0)).isEqualTo("0");
  }

  @Test
  void truthinessIsPythons() {
    assertThat(PyValues.truthy(null)).isFalse();
    assertThat(PyValues.truthy("")).isFalse();
    assertThat(PyValues.truthy(0L)).isFalse();
    assertThat(PyValues.truthy(0.0)).isFalse();
    assertThat(PyValues.truthy(List.of())).isFalse();
    assertThat(PyValues.truthy(Map.of())).isFalse();
    assertThat(PyValues.truthy(PyTuple.EMPTY)).isFalse();
    assertThat(PyValues.truthy("x")).isTrue();
    assertThat(PyValues.truthy(List.of(0))).isTrue();
  }

  @Test
  void isoformatIsPythonsDatetimeIsoformat() {
    // microseconds only when not zero; nanoseconds do not exist in Python
    assertThat(PyDateTime.utc(Instant.parse("2024-05-06T08:00:00Z")).isoformat())
        .isEqualTo("2024-05-06T08:00:00+00:00");
    assertThat(PyDateTime.utc(Instant.parse("2024-05-06T08:00:00.000000999Z")).isoformat())
        .isEqualTo("2024-05-06T08:00:00+00:00");
    assertThat(
            new PyDateTime(
                    Instant.parse("2024-05-06T08:00:00.5Z"), ZoneOffset.ofHoursMinutes(-3, -30))
                .isoformat())
        .isEqualTo("2024-05-06T04:30:00.500000-03:30");
  }

  @Test
  void deepcopyCopiesContainersButTurnsSignaturesIntoDictsSharingTheirParts() {
    // celery/canvas.py Signature.__deepcopy__ returns dict(self)
    List<Object> inner = new ArrayList<>(List.of(1));
    Object copied = PyValues.deepcopy(List.of(inner));
    inner.add(2);
    assertThat(copied).isEqualTo(List.of(List.of(1)));
  }

  @Test
  void valuesWithoutAJsonFormAreRefusedWithTheirPlace() {
    // kombu/serialization.py dumps: any error of json.dumps is raised as EncodeError
    assertThatThrownBy(() -> PyValues.requireSerializable(Map.of("when", Set.of(1)), "kwargs"))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("kwargs[when]")
        .hasMessageContaining("pass a List");
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertThatThrownBy(() -> PyValues.requireSerializable(self, "args"))
        .hasMessageContaining("contains itself");
  }
}
