-- Instalment plans (art. 202-bis CdS) asked from the citizen portal (issue 16 item 5, POR-6).

-- portal: the citizen's request, the office's decision and the income self-declaration.
-- The schedule is not stored: it is rebuilt from amount, count, rate and first due date
-- (InstalmentPlan.of is deterministic); the pagoPA notices of an approved plan are payments'.
create table instalment_plan (
    id                  bigint generated always as identity primary key,
    verbale_id          bigint        not null references verbale (id),
    status              varchar(20)   not null
                        check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    tax_code            varchar(16)   not null,
    contact_email       varchar(254),
    amount_due          numeric(10,2) not null check (amount_due > 0),
    taxable_income      numeric(12,2) not null check (taxable_income >= 0),
    family_members      integer       not null check (family_members >= 0),
    instalments         integer       not null check (instalments >= 2),
    annual_rate         numeric(6,2)  not null check (annual_rate >= 0),
    rate_configured     boolean       not null,
    notified_on         date          not null,
    requested_on        date          not null,
    decision_due_on     date          not null,
    first_due_on        date,
    waiver_accepted_at  timestamptz   not null,
    submitted_at        timestamptz   not null,
    decided_at          timestamptz,
    decided_by          varchar(64),
    decision_reason     text,
    idempotency_key     varchar(80)   not null unique,
    declaration_name    varchar(120)  not null,
    declaration_type    varchar(40)   not null,
    declaration_size    bigint        not null,
    declaration_sha256  varchar(64)   not null,
    declaration         bytea         not null
);
-- At most one plan asked or granted per act (a rejected one leaves room for another).
create unique index instalment_plan_open on instalment_plan (verbale_id)
    where status in ('REQUESTED', 'APPROVED');
create index instalment_plan_status on instalment_plan (status, submitted_at);

-- payments: the pagoPA notice of each instalment of an approved plan, one debt position each
-- (IUPD KS-<number>-R<nn>). plan_id is the portal's plan, kept without a foreign key: payments
-- sits below the portal and does not know its tables.
-- IUV bases from 5 * 10^12 up, a range the acts' sequence (verbale_iuv_base, from 1) never reaches,
-- so an instalment's IUV never equals a window's under the same creditor and segregation code.
create sequence instalment_iuv_base start with 5000000000000 minvalue 5000000000000
    maxvalue 9999999999999 no cycle;
create table instalment_notice (
    id            bigint generated always as identity primary key,
    plan_id       bigint        not null,
    verbale_id    bigint        not null references verbale (id),
    number        integer       not null check (number >= 1),
    due_date      date          not null,
    amount        numeric(10,2) not null check (amount > 0),
    iupd          varchar(60)   not null unique,
    iuv           varchar(35)   unique,
    notice_code   varchar(18)   unique,
    published_at  timestamptz,
    receipt_id    varchar(100),
    paid_at       timestamptz,
    created_at    timestamptz   not null,
    unique (plan_id, number)
);
create index instalment_notice_verbale on instalment_notice (verbale_id);
