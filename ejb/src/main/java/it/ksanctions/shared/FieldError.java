package it.ksanctions.shared;

/** A rejected input field and the reason, in words a support operator understands. */
public record FieldError(String field, String message) {}
