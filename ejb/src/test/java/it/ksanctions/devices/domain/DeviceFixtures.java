package it.ksanctions.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Data shared by the tests of the Devices domain. */
final class DeviceFixtures {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  /** A valid IMEI (Luhn check digit 8). */
  static final String IMEI = "490154203237518";

  private DeviceFixtures() {}

  static DeviceData handheld() {
    return DeviceData.mobile(
        IMEI,
        "Zebra TC26",
        "2.4.1",
        "m.rossi",
        null,
        LocalDate.of(2026, 1, 15),
        "Palmare pattuglia");
  }

  static DeviceData fixed(FixedDeviceType type) {
    return DeviceData.fixed(
        type,
        "SS148-KM72",
        "Velocità",
        "Sicurezza Stradale srl",
        "Sodi Scientifica",
        DownloadFrequency.WEEKLY,
        OutputFormat.CSV,
        "Postazione fissa");
  }

  static DeviceData speedCamera() {
    return fixed(FixedDeviceType.SPEED_CAMERA);
  }

  static DeviceData ztlGate() {
    return DeviceData.fixed(
        FixedDeviceType.ZTL_GATE,
        "ZTL-CENTRO-01",
        "Accessi ZTL",
        null,
        null,
        DownloadFrequency.DAILY,
        OutputFormat.XML,
        null);
  }

  /** Asserts that {@code call} breaks {@code rule}. */
  static void refused(ThrowingCallable call, DeviceRule rule) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DeviceRuleException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(rule);
              assertThat(e.getMessage()).startsWith(rule.code());
              assertThat(e.italianMessage()).isEqualTo(rule.italianMessage());
            });
  }
}
