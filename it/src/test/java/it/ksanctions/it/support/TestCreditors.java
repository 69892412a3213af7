package it.ksanctions.it.support;

import it.ksanctions.shared.NumericTaxCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The pagoPA creditor tax code of each test command, all in one place and all different. The tests
 * share one GPD simulator, and every command numbers its acts and IUVs from the same start: two
 * commands with one creditor would publish positions with the same IUPD and IUV, and one would pay
 * the other's notice. A real creditor belongs to one body only; this class keeps the tests that way
 * and refuses to load if two constants are equal.
 */
public final class TestCreditors {

  public static final String RECEIPTS = of("0091234567");
  public static final String OUTBOX_FAULTS = of("0081234567");
  public static final String NOTIFY_AND_COLLECT = of("0101234567");
  public static final String NOTIFY_AND_COLLECT_BROWSER = of("0071234567");
  public static final String PEC_NOTIFICATION = of("0111234567");
  public static final String POSTAL_NOTIFICATION = "00514490010";
  public static final String PORTAL_ALFA = of("0555123456");
  public static final String PORTAL_BETA = of("0555123457");
  public static final String CITIZEN_API_ALFA = of("0131234567");
  public static final String CITIZEN_API_BETA = of("0131234568");
  public static final String PRE_NOTICE_PAYMENT_ALFA = of("0121234567");
  public static final String PRE_NOTICE_PAYMENT_BETA = of("0121234568");
  public static final String INSTALMENTS = of("0141234567");
  public static final String PORTAL_BROWSER = of("0666123456");
  public static final String PORTAL_ENGLISH_BROWSER = of("0666123457");
  public static final String SPID_BROWSER = of("0777123456");
  public static final String CLUSTER_MID_SEND = of("0151234567");
  public static final String COLLECT_EDGE_CASES = of("0191234567");
  public static final String SEND_OUTCOMES = of("0161234567");

  static {
    Map<String, String> seen = new HashMap<>();
    for (Field f : TestCreditors.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          String value = (String) f.get(null);
          String other = seen.put(value, f.getName());
          if (other != null || !NumericTaxCode.isValid(value)) {
            throw new IllegalStateException(
                "creditor " + value + " of " + f.getName() + " is invalid or also " + other);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private TestCreditors() {}

  /** The 11-digit tax code made of {@code tenDigits} and its check digit. */
  public static String of(String tenDigits) {
    for (int d = 0; d < 10; d++) {
      if (NumericTaxCode.isValid(tenDigits + d)) {
        return tenDigits + d;
      }
    }
    throw new IllegalStateException("no check digit for " + tenDigits);
  }
}
