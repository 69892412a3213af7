package it.ksanctions.it.support;

import java.util.ArrayList;
import java.util.List;

/** The cause chain of an exception, for assertions on what the database or container reported. */
public final class Causes {

  private Causes() {}

  public static List<Throwable> of(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
