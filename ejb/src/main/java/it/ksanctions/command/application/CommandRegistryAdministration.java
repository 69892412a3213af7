package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.command.domain.RegistryImage;
import it.ksanctions.command.infrastructure.RegistryRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of the current command (SPEC CMD-1): read, change (every changed field goes to the
 * configuration register with old and new value), logo and letterhead. Until the command saves its
 * registry, it starts from what onboarding knows: name, kind of body and codice fiscale.
 */
@ApplicationScoped
@Transactional
public class CommandRegistryAdministration {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;
  @Inject TenantRegistry tenants;
  @Inject Event<PublicRegistry.Changed> registryChanged;

  Clock clock = Clock.systemUTC();

  /** The registry with when and by whom it was last saved (null for a registry never saved). */
  public record RegistryView(
      CommandRegistry registry,
      Instant updatedAt,
      String updatedBy,
      String logoName,
      String letterheadName) {}

  @Authorized(module = COMMAND, action = ACCESS)
  public RegistryView view() {
    RegistryRow row = em.find(RegistryRow.class, RegistryRow.ID);
    if (row == null) {
      return new RegistryView(initial(), null, null, null, null);
    }
    return new RegistryView(
        row.toDomain(), row.updatedAt(), row.updatedBy(), row.logoName(), row.letterheadName());
  }

  /**
   * The registry as documents and checks need it, without authorisation (other modules print it):
   * the saved one, or the one onboarding knows.
   */
  public CommandRegistry current() {
    return Optional.ofNullable(em.find(RegistryRow.class, RegistryRow.ID))
        .map(RegistryRow::toDomain)
        .orElseGet(this::initial);
  }

  /**
   * What every page of the command's portal shows (public data, no authorisation): the registry,
   * and whether it has a logo. Read through {@link PublicRegistry}, which keeps it.
   */
  public PublicRegistry.Card card() {
    RegistryRow row = em.find(RegistryRow.class, RegistryRow.ID);
    return row == null
        ? new PublicRegistry.Card(initial(), false)
        : new PublicRegistry.Card(row.toDomain(), row.logo() != null);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public RegistryView save(CommandRegistry changed, String reference) {
    runs.ensureConfigurationMayChange();
    CommandRegistry valid = changed.validated();
    String by = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    RegistryRow row = em.find(RegistryRow.class, RegistryRow.ID);
    CommandRegistry before = row == null ? null : row.toDomain();
    if (row == null) {
      row = RegistryRow.first(valid, now, by);
      em.persist(row);
    } else {
      row.apply(valid, now, by);
    }
    recordChanges(before, valid, reference);
    audit.record(COMMAND, "Anagrafica del comando", AuditOperation.CHANGE, valid.officialName());
    em.flush();
    publicCardChanged();
    return view();
  }

  @Authorized(module = COMMAND, action = EDIT)
  public void uploadLogo(String fileName, byte[] content) {
    RegistryImage image = RegistryImage.logo(fileName, content);
    runs.ensureConfigurationMayChange();
    RegistryRow row = requireSaved();
    String before = row.logoName();
    row.setLogo(image, Instant.now(clock), currentStaff.requireActive().username());
    register.record(
        ConfigCategory.REGISTRY,
        "Logo",
        before,
        image.fileName() + " (" + image.content().length + " byte)",
        null);
    audit.record(COMMAND, "Logo del comando", AuditOperation.CHANGE, image.fileName());
    publicCardChanged();
  }

  @Authorized(module = COMMAND, action = EDIT)
  public void uploadLetterhead(String fileName, byte[] content) {
    RegistryImage image = RegistryImage.letterhead(fileName, content);
    runs.ensureConfigurationMayChange();
    RegistryRow row = requireSaved();
    String before = row.letterheadName();
    row.setLetterhead(image, Instant.now(clock), currentStaff.requireActive().username());
    register.record(
        ConfigCategory.REGISTRY,
        "Carta intestata",
        before,
        image.fileName() + " (" + image.content().length + " byte)",
        null);
    audit.record(COMMAND, "Carta intestata del comando", AuditOperation.CHANGE, image.fileName());
  }

  /** The logo (for pages and documents), if any; public data, no authorisation. */
  public Optional<RegistryImage> logo() {
    return Optional.ofNullable(em.find(RegistryRow.class, RegistryRow.ID)).map(RegistryRow::logo);
  }

  /**
   * The letterhead printed on the command's documents (verbali), if any: whoever prints an act
   * prints it, so no authorisation here — the page's {@link #letterhead()} keeps its own.
   */
  public Optional<RegistryImage> printedLetterhead() {
    return Optional.ofNullable(em.find(RegistryRow.class, RegistryRow.ID))
        .map(RegistryRow::letterhead);
  }

  @Authorized(module = COMMAND, action = ACCESS)
  public Optional<RegistryImage> letterhead() {
    return Optional.ofNullable(em.find(RegistryRow.class, RegistryRow.ID))
        .map(RegistryRow::letterhead);
  }

  private RegistryRow requireSaved() {
    RegistryRow row = em.find(RegistryRow.class, RegistryRow.ID);
    if (row == null) {
      throw new it.ksanctions.command.domain.CommandRuleException(
          "command.registry.not-saved",
          "Salvare prima i dati anagrafici del comando, poi caricare logo e carta intestata.");
    }
    return row;
  }

  private CommandRegistry initial() {
    String slug = TenantContext.require().slug();
    Tenant tenant = tenants.find(slug).orElseThrow();
    return CommandRegistry.initial(
        tenant.getDisplayName(), BodyKind.valueOf(tenant.getKind().name()), tenant.getTaxCode());
  }

  private void recordChanges(CommandRegistry before, CommandRegistry after, String reference) {
    field("Denominazione ufficiale", before, after, CommandRegistry::officialName, reference);
    field("Ente di appartenenza", before, after, r -> label(r.bodyKind()), reference);
    field("Ente sovraordinato", before, after, CommandRegistry::parentBodyName, reference);
    field("Codice fiscale", before, after, CommandRegistry::taxCode, reference);
    field("Partita IVA", before, after, CommandRegistry::vatNumber, reference);
    field("Indirizzo", before, after, CommandRegistry::street, reference);
    field("CAP", before, after, CommandRegistry::postalCode, reference);
    field("Comune", before, after, CommandRegistry::city, reference);
    field("Provincia", before, after, CommandRegistry::province, reference);
    field("Telefono", before, after, CommandRegistry::phone, reference);
    field("E-mail", before, after, CommandRegistry::email, reference);
    field("PEC", before, after, CommandRegistry::pec, reference);
    field("Sito web", before, after, CommandRegistry::website, reference);
    field("Responsabile del comando", before, after, CommandRegistry::commandManager, reference);
    field(
        "Responsabile del procedimento",
        before,
        after,
        CommandRegistry::procedureManager,
        reference);
    field(
        "Firma",
        before,
        after,
        r -> r.signatureKind() == null ? null : r.signatureKind().italianLabel(),
        reference);
    field("Titolare della firma", before, after, CommandRegistry::signatureHolder, reference);
    field(
        "Scadenza del certificato di firma",
        before,
        after,
        r -> r.signatureValidUntil() == null ? null : Dates.italian(r.signatureValidUntil()),
        reference);
  }

  private void field(
      String item,
      CommandRegistry before,
      CommandRegistry after,
      java.util.function.Function<CommandRegistry, String> value,
      String reference) {
    String old = before == null ? null : value.apply(before);
    String now = value.apply(after);
    if (!Objects.equals(old, now)) {
      register.record(ConfigCategory.REGISTRY, item, old, now, reference);
    }
  }

  private static String label(BodyKind kind) {
    return kind == null ? null : kind.italianLabel();
  }

  /**
   * The portal's card of the registry changed: the tenant's public version goes up in this
   * transaction (every node's {@link PublicRegistry} reads the card again when it sees it), and
   * this node drops its card when the transaction ends.
   */
  private void publicCardChanged() {
    TenantId tenant = TenantContext.require();
    tenants.publicFaceChanged(tenant.slug());
    registryChanged.fire(new PublicRegistry.Changed(tenant));
  }
}
