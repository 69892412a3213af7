-- Notification by post (issue 15 item 5): the print-and-mail batches of the acts notified by
-- registered mail with return receipt (POST) or abroad (ABROAD), and each act's postal outcome.

-- notifications: one batch handed to the postal intermediary. `acts` is how many notifications it
-- took when prepared; `zip_sha256` and `manifest` are those of the last ZIP produced for it.
create table postal_batch (
    id              bigint generated always as identity primary key,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    acts            integer      not null check (acts > 0),
    status          varchar(12)  not null check (status in ('PREPARED', 'HANDED_OVER')),
    zip_sha256      varchar(64),
    manifest        text,
    handed_over_at  timestamptz,
    handed_over_by  varchar(100)
);

-- notifications: the batch a postal notification went out with, and the outcome the operator
-- recorded (by hand or from an outcome file): DELIVERED, COMPIUTA_GIACENZA or UNREACHABLE, its day
-- (delivery, perfection of the compiuta giacenza, or when the recipient was found unreachable) and
-- note. The perfection day itself stays in `perfected_on`, an unreachable recipient's reason in
-- `refusal`.
alter table notification add column postal_batch_id bigint references postal_batch (id);
alter table notification add column postal_outcome varchar(20)
    check (postal_outcome in ('DELIVERED', 'COMPIUTA_GIACENZA', 'UNREACHABLE'));
alter table notification add column postal_outcome_day date;
alter table notification add column postal_outcome_note text;
alter table notification add column postal_outcome_by varchar(100);
create index notification_postal_batch on notification (postal_batch_id)
    where postal_batch_id is not null;
