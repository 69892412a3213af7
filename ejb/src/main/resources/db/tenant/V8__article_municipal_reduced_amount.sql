-- Articles (SPEC ART-1, ART-5; ADR 0004): the reduced amount that the Giunta comunale sets for a
-- violation of a municipal regulation or ordinance (L. 689/1981 art. 16 c. 2), within the
-- version's minimum and maximum. Null = none set: the payment in reduced measure is then the one of
-- art. 16 c. 1 (the lower of one third of the maximum and double the minimum). Highway Code
-- articles (codes starting with a digit) never carry it; the application refuses it for them too.
alter table article_version add column municipal_reduced_amount numeric(12,2);
alter table article_version add constraint article_version_municipal_reduced_amount_check
    check (municipal_reduced_amount is null
           or (municipal_reduced_amount > 0
               and municipal_reduced_amount between minimum_amount and maximum_amount
               and code !~ '^[0-9]'));
