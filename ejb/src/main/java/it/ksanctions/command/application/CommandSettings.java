package it.ksanctions.command.application;

import it.ksanctions.command.infrastructure.CommandSetting;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** Reads and writes the current tenant's command settings. */
@Stateless
public class CommandSettings {

  /** The notice shown on the back office's home page. */
  public static final String HOME_NOTICE = CommandSetting.HOME_NOTICE;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  public Optional<String> get(String key) {
    return Optional.ofNullable(em.find(CommandSetting.class, key)).map(CommandSetting::getValue);
  }

  public void put(String key, String value) {
    CommandSetting setting = em.find(CommandSetting.class, key);
    if (setting == null) {
      em.persist(new CommandSetting(key, value, clock.instant()));
    } else {
      setting.change(value, clock.instant());
    }
  }
}
