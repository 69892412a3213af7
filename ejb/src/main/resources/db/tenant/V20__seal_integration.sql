-- The command's electronic seal (issue 14 item 4): its private key (encrypted like every secret)
-- and certificate are an integration of their own; acts printed while it is configured are sealed.
alter table integration_credential drop constraint integration_credential_kind_check;
alter table integration_credential add constraint integration_credential_kind_check
    check (kind in ('PAGOPA', 'SEND', 'PEC_SMTP', 'PROTOCOL', 'GIS', 'SEAL'));
