-- Issue 16 item 5 (art. 202-bis c. 6 CdS): an approved plan replaces the act's own pagoPA
-- position; when a missed instalment ends the plan, its unpaid instalments are cancelled (their
-- positions invalidated on GPD) and the residual, due in one payment, gets a notice of its own.
alter table instalment_notice
    add column residual       boolean not null default false,
    add column cancelled_at   timestamptz,
    add column invalidated_at timestamptz;
