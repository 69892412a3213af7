package it.ksanctions.tenancy.web;

/** Why a request could not be served for a tenant, with its HTTP status. */
public enum TenantRejection {
  NOT_FOUND(404, "Unknown tenant"),
  SUSPENDED(403, "Tenant suspended");

  private final int status;
  private final String title;

  TenantRejection(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
