package it.ksanctions.articles.domain;

/**
 * One thing wrong in an import file, where it is and what to do about it, in the words of the
 * administrator who sent the file (Italian, shown as is in the report).
 *
 * @param row the file's line number (1 = header), 0 for the file as a whole
 * @param column the column name, or empty for the whole row or file
 */
public record ImportProblem(long row, String column, String message) {}
