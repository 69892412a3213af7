package archfixture.command.infrastructure;

/** Tenant SQL outside tenancy: breaks rule (d). */
public class Locks {
  public static final String LOCK = "select pg_advisory_xact_lock(hashtext(current_schema()))";

  public String lock() {
    return LOCK + System.nanoTime();
  }
}
