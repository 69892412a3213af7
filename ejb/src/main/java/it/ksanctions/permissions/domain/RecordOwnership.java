package it.ksanctions.permissions.domain;

/**
 * Whose a record is, for visibility policies (PRM-6): the username of the officer who registered it
 * and the department it belongs to. Either may be unknown ({@code null}), e.g. for a record
 * imported from another system; an unknown owner or department never matches anyone.
 */
public record RecordOwnership(String ownerUsername, String departmentId) {}
