-- Articles catalogue (SPEC ART-1..8): one row per version of an article, valid from a day to a
-- day (both included; valid_to null while current). Lookups are "as of" the violation day.
create table article_version (
    id                  bigint generated always as identity primary key,
    code                varchar(40)   not null,
    description         text          not null,
    minimum_amount      numeric(12,2) not null check (minimum_amount > 0),
    maximum_amount      numeric(12,2) not null,
    night_increase      boolean       not null,
    accessory_sanctions varchar(200)  not null default '',
    status              varchar(16)   not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'REPEALED')),
    valid_from          date          not null,
    valid_to            date,
    legal_source        text          not null,
    check (minimum_amount <= maximum_amount),
    check (valid_to is null or valid_to >= valid_from)
);
create unique index article_version_code_from on article_version (code, valid_from);
create index article_version_code on article_version (code);

-- Initial catalogue: only amounts whose source the project keeps (national amounts of
-- DM 31.12.2020, in force since 1 January 2021; L. 177/2024 for art. 173 c. 3-bis). Commands add
-- the rest of their catalogue with the Articles module's import.
insert into article_version (code, description, minimum_amount, maximum_amount, night_increase, accessory_sanctions, valid_from, legal_source) values
('142c7', 'Eccesso di velocità: superamento dei limiti di non oltre 10 km/h', 42.00, 173.00, true, '', date '2021-01-01',
 'Art. 142 c. 7 CdS; importi aggiornati dal DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
('142c8', 'Eccesso di velocità: superamento dei limiti di oltre 10 e non oltre 40 km/h', 173.00, 694.00, true, '', date '2021-01-01',
 'Art. 142 c. 8 CdS; importi aggiornati dal DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
('142c9', 'Eccesso di velocità: superamento dei limiti di oltre 40 e non oltre 60 km/h', 543.00, 2170.00, true, 'LICENCE_SUSPENSION', date '2021-01-01',
 'Art. 142 c. 9 CdS; importi aggiornati dal DM 31/12/2020 (in vigore dal 01/01/2021); sospensione della patente; maggiorazione notturna art. 195 c. 2-bis'),
('146c2', 'Inosservanza della segnaletica stradale', 42.00, 173.00, true, '', date '2021-01-01',
 'Art. 146 c. 2 CdS; importi aggiornati dal DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
('173c3bis', 'Uso durante la guida di telefoni o altri dispositivi', 250.00, 1000.00, false, 'LICENCE_SUSPENSION', date '2024-12-14',
 'Art. 173 c. 3-bis CdS come modificato dalla L. 177/2024 (in vigore dal 14/12/2024); sospensione della patente'),
('193c2', 'Circolazione senza copertura assicurativa', 866.00, 3464.00, false, 'VEHICLE_SEIZURE', date '2021-01-01',
 'Art. 193 c. 2 CdS; importi aggiornati dal DM 31/12/2020 (in vigore dal 01/01/2021); sequestro del veicolo');
