-- The PIN's tag (8 bits of an unsalted digest, VerbalePin.tag): opening an act with codice fiscale
-- and PIN derives PBKDF2 only for the owner's acts whose tag matches. Acts issued before have none
-- and are always checked.
alter table verbale add column pin_tag smallint check (pin_tag between 0 and 255);
create index verbale_owner_pin_tag on verbale (owner_tax_code, pin_tag);
