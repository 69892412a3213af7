package it.ksanctions.it.command;

import it.ksanctions.command.application.VerbaleNumbering;
import it.ksanctions.command.application.VerbaleNumbering.AllocatedNumber;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * Stands for the code that issues a verbale: each call is one transaction that takes a number and
 * then commits, or is rolled back (as when storing the verbale fails after the number was taken).
 */
@Stateless
public class NumberingTransactions {

  @Inject VerbaleNumbering numbering;
  @Resource SessionContext context;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AllocatedNumber commit(String prefix, LocalDate issueDay) {
    return numbering.allocate(prefix, issueDay);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AllocatedNumber rollBack(String prefix, LocalDate issueDay) {
    AllocatedNumber number = numbering.allocate(prefix, issueDay);
    context.setRollbackOnly();
    return number;
  }
}
