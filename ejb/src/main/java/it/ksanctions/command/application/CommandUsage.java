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

  /**
   * Records the fees and chapters a verbale uses, in the caller's transaction (the one that issues
   * it): from then on they are "in use" (CMD-7). Not authorised: the issuing is.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordCharges(
      String verbaleNumber,
      java.util.Collection<String> feeCodes,
      java.util.Collection<String> chapterCodes) {
    for (String fee : new java.util.TreeSet<>(feeCodes)) {
      insert(verbaleNumber, "FEE", fee);
    }
    for (String chapter : new java.util.TreeSet<>(chapterCodes)) {
      insert(verbaleNumber, "CHAPTER", chapter);
    }
  }

  private void insert(String number, String kind, String code) {
    em.createNativeQuery(
            "insert into verbale_charge (verbale_number, item_kind, item_code) values (?1, ?2, ?3)")
        .setParameter(1, number)
        .setParameter(2, kind)
        .setParameter(3, code)
        .executeUpdate();
  }
}
