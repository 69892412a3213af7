package it.ksanctions.platform.application;

import it.ksanctions.identity.application.TenantIdentities;
import it.ksanctions.identity.application.TenantIdentities.InitialCredentials;
import it.ksanctions.identity.domain.FirstAdministrator;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.platform.domain.OnboardingStep;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.migration.TenantSchemas;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Onboards, suspends and reactivates tenants (SPEC PLT-3).
 *
 * <p>Onboarding is idempotent and resumable. The registry row is inserted first, so the unique slug
 * decides which of two concurrent requests does the work; the other returns the tenant as it is.
 * Then the tenant's role and schema are created and migrated, outside any transaction (DDL), and
 * its organization and first administrator are created in the identity provider; each step is
 * idempotent. A failed step leaves the tenant FAILED with its reason; the same request sent again
 * resumes it, a different request for the same slug is a conflict.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantOnboarding {

  private static final Logger LOG = Logger.getLogger(TenantOnboarding.class);

  /** An onboarding still PROVISIONING after this long was abandoned (node crash) and resumes. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

  @Inject TenantRegistry registry;
  @Inject TenantSchemas schemas;
  @Inject TenantDirectory directory;
  @Inject TenantIdentities identities;
  @Inject StaffDirectory staff;

  private final Clock clock = Clock.systemUTC();

  public OnboardingOutcome onboard(OnboardingRequest request) {
    return onboard(
        request, FirstAdministrator.defaultFor(request.tenantId()), OnboardingProgress.NONE);
  }

  /**
   * Onboards with the given first administrator, telling {@code progress} about each step.
   *
   * @see #onboard(OnboardingRequest)
   */
  public OnboardingOutcome onboard(
      OnboardingRequest request, FirstAdministrator administrator, OnboardingProgress progress) {
    Optional<Tenant> existing = registry.find(request.slug());
    if (existing.isPresent()) {
      return repeat(request, existing.get(), administrator, progress);
    }
    List<String> taken = registry.hostnamesOwnedByOthers(request.slug(), request.hostnames());
    if (!taken.isEmpty()) {
      throw new TenantConflictException("Host names already used by another tenant: " + taken);
    }
    Tenant tenant =
        new Tenant(
            request.tenantId(),
            request.displayName(),
            request.kind(),
            request.taxCode(),
            request.patronSaintDay(),
            request.hostnames(),
            clock.instant());
    try {
      registry.insert(tenant);
    } catch (RuntimeException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      Optional<Tenant> winner = registry.find(request.slug());
      if (winner.isEmpty()) {
        throw new TenantConflictException(
            "Host names already used by another tenant: " + request.hostnames());
      }
      return repeat(request, winner.get(), administrator, progress);
    }
    return provision(request, true, administrator, progress);
  }

  /**
   * Resumes a failed onboarding with corrected data (e.g. a name the identity provider refused):
   * the registry entry takes the corrected data, then the onboarding resumes at the failed step. A
   * tenant in any other state is onboarded as usual ({@link #onboard}).
   */
  public OnboardingOutcome resumeCorrected(
      OnboardingRequest request, FirstAdministrator administrator, OnboardingProgress progress) {
    Optional<Tenant> existing = registry.find(request.slug());
    if (existing.isPresent()
        && existing.get().getStatus() == TenantStatus.FAILED
        && !request.sameAs(existing.get())) {
      List<String> taken = registry.hostnamesOwnedByOthers(request.slug(), request.hostnames());
      if (!taken.isEmpty()) {
        throw new TenantConflictException("Host names already used by another tenant: " + taken);
      }
      registry.update(
          request.slug(),
          t ->
              t.correctFailedOnboarding(
                  request.displayName(),
                  request.kind(),
                  request.taxCode(),
                  request.patronSaintDay(),
                  request.hostnames()));
      directory.invalidate(request.slug());
    }
    return onboard(request, administrator, progress);
  }

  private OnboardingOutcome repeat(
      OnboardingRequest request,
      Tenant existing,
      FirstAdministrator administrator,
      OnboardingProgress progress) {
    if (!request.sameAs(existing)) {
      throw new TenantConflictException(
          "Tenant '" + request.slug() + "' already exists with different data");
    }
    boolean abandoned =
        existing.getStatus() == TenantStatus.PROVISIONING
            && existing.getOnboardingStartedAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
    if (existing.getStatus() == TenantStatus.FAILED || abandoned) {
      registry.update(request.slug(), t -> t.restartOnboarding(clock.instant()));
      return provision(request, false, administrator, progress);
    }
    return new OnboardingOutcome(existing, false, Optional.empty());
  }

  /**
   * The onboarding steps: database role and schema, migrations, identity organization and first
   * administrator (in the identity provider and as the command's System administrator).
   */
  private OnboardingOutcome provision(
      OnboardingRequest request,
      boolean created,
      FirstAdministrator administrator,
      OnboardingProgress progress) {
    TenantId id = request.tenantId();
    OnboardingStep[] current = {null};
    try (TenantScope scope = TenantScope.enter(id)) {
      step(
          current,
          progress,
          OnboardingStep.SCHEMA,
          () -> {
            try {
              schemas.provision(id);
            } catch (SQLException e) {
              throw new IllegalStateException(
                  "Could not create the role and schema of " + id + ": " + e.getMessage(), e);
            }
            return null;
          });
      // creates role, schema and audit log first
      String version =
          step(current, progress, OnboardingStep.MIGRATIONS, () -> schemas.migrate(id));
      String organization =
          step(
              current,
              progress,
              OnboardingStep.ORGANIZATION,
              () -> identities.ensureOrganization(id, request.displayName()));
      Optional<InitialCredentials> credentials =
          step(
              current,
              progress,
              OnboardingStep.ADMINISTRATOR,
              () -> {
                Optional<InitialCredentials> created1 =
                    identities.ensureFirstAdministrator(id, organization, administrator);
                staff.registerFirstAdministrator(administrator.username());
                return created1;
              });
      Instant done = clock.instant();
      Tenant tenant =
          registry.update(
              id.slug(),
              t -> {
                t.migrated(version, done);
                t.identityLinked(organization);
                t.onboardingSucceeded(done);
              });
      LOG.infof(
          "Tenant %s onboarded in %d ms (schema version %s)",
          id, tenant.getOnboardingMillis(), version);
      return new OnboardingOutcome(tenant, created, credentials);
    } catch (RuntimeException e) {
      String reason = rootMessage(e);
      LOG.errorf(e, "Onboarding of tenant %s failed: %s", id, reason);
      if (current[0] != null) {
        progress.failed(current[0], e);
      }
      registry.update(id.slug(), t -> t.onboardingFailed(reason, clock.instant()));
      throw new OnboardingFailedException("Onboarding of '" + id + "' failed: " + reason, e);
    } finally {
      directory.invalidate(id.slug());
    }
  }

  private static <T> T step(
      OnboardingStep[] current,
      OnboardingProgress progress,
      OnboardingStep step,
      java.util.function.Supplier<T> work) {
    current[0] = step;
    progress.started(step);
    T result = work.get();
    current[0] = null;
    progress.done(step);
    return result;
  }

  public Tenant suspend(String slug, String reason) {
    return change(slug, t -> t.suspend(reason, clock.instant()));
  }

  public Tenant reactivate(String slug) {
    return change(slug, Tenant::reactivate);
  }

  public Optional<Tenant> find(String slug) {
    return registry.find(slug);
  }

  public List<Tenant> list() {
    return registry.list();
  }

  private Tenant change(String slug, java.util.function.Consumer<Tenant> change) {
    if (registry.find(slug).isEmpty()) {
      throw new UnknownTenantException(slug);
    }
    try {
      return registry.update(slug, change);
    } catch (IllegalStateException e) {
      throw new TenantConflictException(e.getMessage());
    } finally {
      directory.invalidate(slug);
    }
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
