package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How every change of the organisation of the command (CMD-5) is kept (CMD-7): in the configuration
 * register (category {@link ConfigCategory#ORGANISATION}) with the summary from before next to the
 * new one, and in the audit log of the Command module, inside the transaction of the use case that
 * made it.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class OrganisationChanges {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject ConfigurationRegister register;
  @Inject AuditRecorder audit;

  /**
   * How the register item, the audit key and the summary of one kind of entry are read, and how its
   * row is read and written, so every change of it is registered and audited alike.
   */
  public record Kind<R, D>(
      Function<D, String> item,
      Function<D, String> auditKey,
      Function<D, String> summary,
      Function<R, D> read,
      BiConsumer<R, D> write) {}

  /**
   * Applies {@code change} to the entry of {@code row}; the row is written back only when the
   * domain accepts the change, and the register keeps the summary from before next to the new one.
   */
  public <R, D> D change(
      Kind<R, D> kind,
      R row,
      Consumer<D> change,
      String auditFunction,
      AuditOperation operation,
      String reference) {
    D entry = kind.read().apply(row);
    String before = kind.summary().apply(entry);
    change.accept(entry);
    kind.write().accept(row, entry);
    recorded(
        kind, before, entry, auditFunction, operation, kind.auditKey().apply(entry), reference);
    return entry;
  }

  /** Stores the new {@code row} of {@code entry} and records its creation. */
  public <R, D> D created(Kind<R, D> kind, D entry, R row, String auditFunction, String reference) {
    em.persist(row);
    em.flush();
    recorded(
        kind,
        null,
        entry,
        auditFunction,
        AuditOperation.CHANGE,
        kind.auditKey().apply(entry),
        reference);
    return entry;
  }

  /**
   * Records a change of {@code entry} already stored: its summary {@code before} (null when it is
   * new) and now in the register, {@code auditFunction} under {@code auditKey} in the audit log.
   */
  public <D> void recorded(
      Kind<?, D> kind,
      String before,
      D entry,
      String auditFunction,
      AuditOperation operation,
      String auditKey,
      String reference) {
    register.record(
        ConfigCategory.ORGANISATION,
        kind.item().apply(entry),
        before,
        kind.summary().apply(entry),
        reference);
    audit.record(COMMAND, auditFunction, operation, auditKey);
  }
}
