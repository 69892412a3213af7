-- Paying a pre-notice before notification (issue 16 item 3, ADR 0013): the pagoPA notices of a
-- pre-notice, one per payment window actually asked for by a citizen (the reduced one within 5
-- days of the violation, the minimum within 60), each with its own debt position on GPD
-- (IUPD KS-P<code>-<window>). The amounts are those of the act without notification fees.
-- status: OPEN (payable), PAID (its receipt came), SUPERSEDED (its window closed, or the act was
-- issued before it was paid: the position is invalidated on GPD through the outbox).
-- IUV bases from 4 * 10^12, a range neither the acts' sequence (from 1) nor the instalments'
-- (from 5 * 10^12) reaches.
create sequence pre_notice_iuv_base start with 4000000000000 minvalue 4000000000000
    maxvalue 4999999999999 no cycle;
create table pre_notice_payment (
    id              bigint generated always as identity primary key,
    pre_notice_id   uuid          not null references pre_notice (id),
    window_type     varchar(20)   not null check (window_type in ('REDUCED_30', 'MINIMUM')),
    sanction        numeric(10,2) not null check (sanction > 0),
    fees            numeric(10,2) not null check (fees >= 0),
    total           numeric(10,2) not null check (total > 0),
    last_day        date          not null,
    iupd            varchar(60)   not null unique,
    iuv             varchar(35)   not null unique,
    notice_code     varchar(18)   not null unique,
    status          varchar(12)   not null check (status in ('OPEN', 'PAID', 'SUPERSEDED')),
    created_at      timestamptz   not null,
    published_at    timestamptz,
    invalidated_at  timestamptz,
    verbale_id      bigint        references verbale (id),
    receipt_id      varchar(100),
    paid_at         timestamptz,
    paid_amount     numeric(10,2),
    unique (pre_notice_id, window_type)
);
create index pre_notice_payment_notice on pre_notice_payment (pre_notice_id);

-- payments: a receipt of a pre-notice's notice names the pre-notice (no act exists yet).
alter table payment_receipt add column pre_notice_id uuid references pre_notice (id);
create index payment_receipt_pre_notice on payment_receipt (pre_notice_id)
    where pre_notice_id is not null;
