package it.ksanctions.command.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How many issued verbali use a fee or a chapter (CMD-7 "impossibilità di eliminare capitoli o
 * spese in uso nei verbali"), counted from the charges the sanctions lifecycle records for each
 * verbale it issues ({@code verbale_charge}).
 */
@ApplicationScoped
@Transactional
public class CommandUsage {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  public long feeUses(String code) {
    return count("FEE", code);
  }

  public long chapterUses(String code) {
    return count("CHAPTER", code);
  }

  private long count(String kind, String code) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from verbale_charge where item_kind = ?1 and item_code = ?2")
                .setParameter(1, kind)
                .setParameter(2, code)
                .getSingleResult())
        .longValue();
  }
}
