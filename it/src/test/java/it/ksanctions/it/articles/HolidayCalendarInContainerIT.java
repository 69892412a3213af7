package it.ksanctions.it.articles;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.ItalianHolidayCalendar;
import it.ksanctions.it.support.Deployments;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The holiday calendar loads its data inside WildFly too (jollyday reads XML through JAXB, whose
 * API WildFly also provides), on a request thread and on a pooled thread without the deployment's
 * context class loader, as timers and executors have.
 */
@ExtendWith(ArquillianExtension.class)
class HolidayCalendarInContainerIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void nationalHolidaysAndPatronSaintDayInsideTheServer() throws Exception {
    ItalianHolidayCalendar torino = ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(6, 24));
    assertThat(ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2027, 3, 29)))
        .as("Easter Monday 2027")
        .isTrue();
    assertThat(ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2026, 10, 4)))
        .as("4 October 2026")
        .isTrue();
    assertThat(torino.isWorkingDay(LocalDate.of(2027, 6, 24)))
        .as("San Giovanni in Torino")
        .isFalse();
    assertThat(torino.isWorkingDay(LocalDate.of(2027, 6, 25))).isTrue();

    boolean onPooledThread =
        CompletableFuture.supplyAsync(
                () -> {
                  Thread.currentThread().setContextClassLoader(null);
                  return ItalianHolidayCalendar.isNationalHoliday(LocalDate.of(2028, 12, 26));
                })
            .get();
    assertThat(onPooledThread)
        .as("Santo Stefano 2028 from a thread without context class loader")
        .isTrue();
  }
}
