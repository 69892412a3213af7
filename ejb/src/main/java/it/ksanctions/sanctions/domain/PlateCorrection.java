package it.ksanctions.sanctions.domain;

import java.time.Instant;

/** A plate corrected in the office (e.g. misread in the field), with its reason and author. */
public record PlateCorrection(
    Plate oldPlate, Plate newPlate, String reason, String author, Instant at) {}
