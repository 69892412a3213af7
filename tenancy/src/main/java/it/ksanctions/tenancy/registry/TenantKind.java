package it.ksanctions.tenancy.registry;

/** The kind of public body a command belongs to (SPEC PLT-1). */
public enum TenantKind {
  COMUNE,
  UNIONE,
  PROVINCIA
}
