package it.ksanctions.command.domain;

import java.math.BigDecimal;

/** A share of the revenue of a violation type booked on a chapter (CMD-3 "percentuale"). */
public record ChapterAllocation(String violationType, String chapterCode, BigDecimal percentage) {}
