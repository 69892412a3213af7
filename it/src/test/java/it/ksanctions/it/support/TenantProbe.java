package it.ksanctions.it.support;

import it.ksanctions.command.infrastructure.CommandSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * In-container access to the tenant persistence unit for the isolation tests, each method in its
 * own transaction so that the second-level cache is really exercised between calls.
 */
@ApplicationScoped
public class TenantProbe {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** Factory-level questions need no session, hence no tenant. */
  @PersistenceUnit(unitName = "tenant")
  EntityManagerFactory emf;

  @Transactional
  public String read(String key) {
    CommandSetting setting = em.find(CommandSetting.class, key);
    return setting == null ? null : setting.getValue();
  }

  @Transactional
  public void write(String key, String value) {
    CommandSetting setting = em.find(CommandSetting.class, key);
    if (setting == null) {
      em.persist(new CommandSetting(key, value, Instant.now()));
    } else {
      setting.change(value, Instant.now());
    }
  }

  /** {@code current_schema()/current_user} of the connection Hibernate hands out now. */
  @Transactional
  public String schemaAndRole() {
    return (String)
        em.createNativeQuery("select current_schema() || '/' || current_user").getSingleResult();
  }

  @Transactional
  public List<?> readForeignTable(String qualifiedTable) {
    return em.createNativeQuery("select * from " + qualifiedTable).getResultList();
  }

  /** Runs a data-changing native statement as the tenant's connection would. */
  @Transactional
  public int execute(String statement) {
    return em.createNativeQuery(statement).executeUpdate();
  }

  public boolean multiTenancyEnabled() {
    return emf.unwrap(SessionFactoryImplementor.class)
        .getSessionFactoryOptions()
        .isMultiTenancyEnabled();
  }

  public boolean secondLevelCacheEnabled() {
    return emf.unwrap(SessionFactoryImplementor.class)
        .getSessionFactoryOptions()
        .isSecondLevelCacheEnabled();
  }

  public long secondLevelCacheHits() {
    return emf.unwrap(SessionFactory.class).getStatistics().getSecondLevelCacheHitCount();
  }

  public void evictAll() {
    emf.getCache().evictAll();
  }
}
