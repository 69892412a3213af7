-- An act paid by instalments (art. 202-bis CdS) does not become UNPAID while its plan stands
-- (VerbaleLifecycle.grantInstalments / endInstalments); a plan that a missed instalment ended
-- records the day (InstalmentRequests.recordForfeitures).
alter table verbale add column instalments_until date;
alter table instalment_plan add column forfeited_on date;
alter table instalment_plan add column residual_due numeric(10,2);
