package it.ksanctions.platform.api;

/** Optional body of a suspension: the reason recorded with it. */
public class SuspensionInput {
  public String reason;
}
