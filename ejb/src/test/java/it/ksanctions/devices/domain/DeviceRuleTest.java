package it.ksanctions.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeviceRuleTest {

  @Test
  void everyRuleHasAUniqueCodeAndAnItalianMessage() {
    assertThat(Arrays.stream(DeviceRule.values()).map(DeviceRule::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("devices\\.[a-z.-]+"));
    assertThat(DeviceRule.values()).allSatisfy(r -> assertThat(r.italianMessage()).isNotBlank());
  }

  @Test
  void theExceptionCarriesCodeDetailAndItalianMessage() {
    DeviceRuleException e = new DeviceRuleException(DeviceRule.IMEI_INVALID, "490154203237519");
    assertThat(e.rule()).isEqualTo(DeviceRule.IMEI_INVALID);
    assertThat(e.getMessage()).isEqualTo("devices.mobile.imei-invalid: 490154203237519");
    assertThat(e.italianMessage()).startsWith("IMEI non valido");
    assertThat(new DeviceRuleException(DeviceRule.NO_CHANGE).getMessage())
        .isEqualTo("devices.no-change");
    assertThatThrownBy(() -> new DeviceRuleException(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void everyLabelIsInItalian() {
    assertThat(DeviceStatus.values()).allSatisfy(s -> assertThat(s.italianLabel()).isNotBlank());
    assertThat(AnomalyKind.values()).allSatisfy(k -> assertThat(k.italianLabel()).isNotBlank());
    assertThat(DeviceHistoryKind.values())
        .allSatisfy(k -> assertThat(k.italianLabel()).isNotBlank());
    assertThat(FixedDeviceType.values()).allSatisfy(t -> assertThat(t.italianLabel()).isNotBlank());
    assertThat(OutputFormat.values()).allSatisfy(f -> assertThat(f.italianLabel()).isNotBlank());
    assertThat(DownloadOutcome.values()).allSatisfy(o -> assertThat(o.italianLabel()).isNotBlank());
    assertThat(DeviceCategory.values()).allSatisfy(c -> assertThat(c.italianLabel()).isNotBlank());
  }

  @Test
  void downloadFrequenciesAreDailyWeeklyAndMonthly() {
    assertThat(DownloadFrequency.DAILY.days()).isEqualTo(1);
    assertThat(DownloadFrequency.WEEKLY.days()).isEqualTo(7);
    assertThat(DownloadFrequency.MONTHLY.days()).isEqualTo(31);
    assertThat(DownloadFrequency.MONTHLY.italianLabel()).isEqualTo("Mensile");
  }
}
