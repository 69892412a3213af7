-- Articles (SPEC ART-1): what officers read of a version besides its amounts, and the national
-- catalogue every new command starts with (issue 13 item 8).
--
-- * short_description: at most 80 characters, shown in lists and on the handheld; rows stored
--   before this migration take the first 80 characters of their description (cut with "…").
-- * points: licence points of art. 126-bis CdS, 0-10, 0 when none. The doubling for licences held
--   for less than three years is not stored: it is a rule of the points communication.
-- * operating_notes: free text for officers, optional.
alter table article_version add column short_description varchar(80);
alter table article_version add column points integer not null default 0;
alter table article_version add column operating_notes text;

update article_version
   set short_description = case
         when length(regexp_replace(btrim(description), '\s+', ' ', 'g')) <= 80
           then regexp_replace(btrim(description), '\s+', ' ', 'g')
         else rtrim(left(regexp_replace(btrim(description), '\s+', ' ', 'g'), 79)) || '…'
       end;
update article_version set short_description = code where btrim(short_description) = '';

alter table article_version alter column short_description set not null;
alter table article_version add constraint article_version_short_description_check
    check (length(btrim(short_description)) between 1 and 80);
alter table article_version add constraint article_version_points_check
    check (points between 0 and 10);
alter table article_version add constraint article_version_operating_notes_check
    check (operating_notes is null or length(operating_notes) <= 2000);

-- The six articles of V2 keep their rows (unique key: code, valid_from) and gain points, a short
-- description and notes. Points for every version of the code (the law did not change them);
-- the short description only where the description is still the one V2 stored.

update article_version set points = 0 where code = '142c7';
update article_version set short_description = 'Velocità: oltre il limite di non più di 10 km/h' where code = '142c7' and description = 'Eccesso di velocità: superamento dei limiti di non oltre 10 km/h';
update article_version set points = 3, operating_notes = 'Dal 14/12/2024 (L. 177/2024), se nello stesso anno la violazione si ripete nel centro abitato: da 220 a 880 euro e sospensione della patente da 15 a 30 giorni.' where code = '142c8';
update article_version set short_description = 'Velocità: oltre il limite di più di 10 e fino a 40 km/h' where code = '142c8' and description = 'Eccesso di velocità: superamento dei limiti di oltre 10 e non oltre 40 km/h';
update article_version set points = 6, operating_notes = 'Sospensione della patente da uno a tre mesi: ritirare la patente.' where code = '142c9';
update article_version set short_description = 'Velocità: oltre il limite di più di 40 e fino a 60 km/h' where code = '142c9' and description = 'Eccesso di velocità: superamento dei limiti di oltre 40 e non oltre 60 km/h';
update article_version set points = 2 where code = '146c2';
update article_version set short_description = 'Inosservanza della segnaletica stradale' where code = '146c2' and description = 'Inosservanza della segnaletica stradale';
update article_version set points = 5, operating_notes = 'Sospensione della patente da 15 giorni a 2 mesi. Recidiva nel biennio: da 350 a 1.400 euro e sospensione da 1 a 3 mesi.' where code = '173c3bis';
update article_version set short_description = 'Uso del telefono o di altri dispositivi durante la guida' where code = '173c3bis' and description = 'Uso durante la guida di telefoni o altri dispositivi';
update article_version set points = 0, operating_notes = 'Sequestro del veicolo.' where code = '193c2';
update article_version set short_description = 'Circolazione senza copertura assicurativa' where code = '193c2' and description = 'Circolazione senza copertura assicurativa';
update article_version set legal_source = legal_source || '; 5 punti confermati da lanazione.it (dicembre 2024)' where code = '173c3bis' and valid_from = date '2024-12-14' and changed_by = 'sistema';

-- The national catalogue: the articles a command meets every day, with the amounts in force (DM
-- 31/12/2020 from 01/01/2021, or the law that set them), points, accessory sanctions and night
-- increase (art. 195 c. 2-bis: arts. 141, 142, 145, 146, 149, 154, 174, 176 c. 19-20, 178 only).
-- Each legal_source names the article, the decree or law and, where the amount was confirmed on a
-- public page, that page. Codes ending in -moto are the amounts a paragraph sets for mopeds and
-- two-wheeled motorcycles. A tenant that already has a code (an import, a hand-made article)
-- keeps its own versions: rows are added only for codes it does not have.
insert into article_version (code, category, description, short_description, minimum_amount, maximum_amount,
                             night_increase, accessory_sanctions, valid_from, valid_to, points, operating_notes,
                             legal_source, change_reason)
select v.code, v.category, v.description, v.short_description, v.minimum_amount, v.maximum_amount,
       v.night_increase, v.accessory_sanctions, v.valid_from, v.valid_to, v.points, v.operating_notes,
       v.legal_source, 'Catalogo nazionale del servizio'
  from (values
  ('7c14', 'Circolazione',
   'Circolazione senza autorizzazione in zona a traffico limitato o in area pedonale istituita dal comune (art. 7 c. 9)',
   'Accesso senza titolo in zona a traffico limitato o area pedonale', 83.00, 332.00, false, '', date '2021-01-01', cast(null as date), 0,
   'Ogni accesso non autorizzato è una violazione distinta. Nessuna decurtazione di punti.',
   'Art. 7 c. 9 e 14 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 83–332 € e nessun punto confermati da vostrisoldi.it (08/06/2023)'),
  ('7c15', 'Sosta',
   'Sosta oltre il tempo consentito nelle aree a sosta limitata o regolamentata a pagamento dei centri abitati (art. 7 c. 15)',
   'Sosta oltre il tempo consentito (sosta limitata o a pagamento)', 26.00, 102.00, false, '', date '2021-01-01', null, 0,
   'Dal 14/12/2024 (L. 177/2024) la sanzione è commisurata al tempo di sosta oltre quello consentito: verificare i periodi eccedenti.',
   'Art. 7 c. 15 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 26–102 € confermato da uipa.it, portalepatente.it e regoledellastrada.it (prolungamento della sosta oltre il limite)'),
  ('15c3bis', 'Comportamenti alla guida',
   'Insozzare la strada o le sue pertinenze gettando rifiuti od oggetti dai veicoli in sosta o in movimento (art. 15 c. 1 lett. f-bis)',
   'Getto di rifiuti od oggetti dal veicolo', 216.00, 866.00, false, '', date '2021-11-10', null, 0,
   null,
   'Art. 15 c. 1 lett. f-bis e c. 3-bis CdS come modificati dal DL 121/2021 conv. L. 156/2021 (in vigore dal 10/11/2021); importo 216–866 € da quotidiano.net (26/12/2021) e gazzetta.it (11/08/2025)'),
  ('80c14', 'Veicoli',
   'Circolazione con veicolo non presentato alla prescritta revisione (art. 80 c. 14)',
   'Veicolo non presentato alla revisione', 173.00, 694.00, false, 'CIRCULATION_SUSPENSION', date '2021-01-01', null, 0,
   'Sanzione raddoppiata se la revisione è omessa più di una volta. Annotare sulla carta di circolazione la sospensione dalla circolazione fino all''esito della revisione.',
   'Art. 80 c. 14 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); sospensione dalla circolazione fino alla revisione'),
  ('116c15', 'Documenti e assicurazione',
   'Guida senza aver conseguito la patente di guida (art. 116 c. 15)',
   'Guida senza patente', 5000.00, 30000.00, false, 'ADMINISTRATIVE_STOP', date '2021-01-01', null, 0,
   'Fermo amministrativo del veicolo per tre mesi. La recidiva nel biennio è reato.',
   'Art. 116 c. 15 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); fermo amministrativo del veicolo per tre mesi'),
  ('126bisc2', 'Documenti e assicurazione',
   'Omessa comunicazione, da parte del proprietario del veicolo, dei dati del conducente al momento della violazione entro 60 giorni dalla notifica (art. 126-bis c. 2)',
   'Mancata comunicazione dei dati del conducente', 291.00, 1166.00, false, '', date '2021-01-01', null, 0,
   null,
   'Art. 126-bis c. 2 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('126c11', 'Documenti e assicurazione',
   'Guida con patente di guida scaduta di validità (art. 126 c. 11)',
   'Guida con patente scaduta', 158.00, 638.00, false, 'DOCUMENT_WITHDRAWAL', date '2021-01-01', null, 0,
   'Ritirare la patente e inviarla alla Prefettura.',
   'Art. 126 c. 11 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 158–638 € e ritiro della patente da quattromania.it (22/05/2022)'),
  ('141c8', 'Velocità',
   'Mancata regolazione della velocità nei tratti a visibilità limitata, nelle curve, in prossimità di incroci e scuole, nelle forti discese, nelle ore notturne o con scarsa visibilità (art. 141)',
   'Velocità non adeguata alle condizioni della strada', 87.00, 344.00, true, '', date '2021-01-01', null, 5,
   null,
   'Art. 141 c. 8 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 87–344 € confermato da map-online.it (art. 141 CdS); maggiorazione notturna art. 195 c. 2-bis'),
  ('141c11', 'Velocità',
   'Violazione delle altre disposizioni dell''art. 141 sulla velocità (art. 141 c. 11)',
   'Altre violazioni sulla regolazione della velocità (art. 141)', 42.00, 173.00, true, '', date '2021-01-01', null, 0,
   null,
   'Art. 141 c. 11 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 42–173 € da map-online.it (art. 141 CdS, altre disposizioni); maggiorazione notturna art. 195 c. 2-bis'),
  ('142c9bis', 'Velocità',
   'Eccesso di velocità: superamento dei limiti di oltre 60 km/h',
   'Velocità: oltre il limite di più di 60 km/h', 845.00, 3382.00, true, 'LICENCE_SUSPENSION', date '2021-01-01', null, 10,
   'Sospensione della patente da sei a dodici mesi: ritirare la patente.',
   'Art. 142 c. 9-bis CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); sospensione della patente da 6 a 12 mesi; maggiorazione notturna art. 195 c. 2-bis'),
  ('143c11', 'Circolazione',
   'Circolazione contromano: mancato rispetto della parte destra della carreggiata (art. 143)',
   'Circolazione contromano', 167.00, 665.00, false, '', date '2021-01-01', null, 4,
   null,
   'Art. 143 c. 11 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('143c12', 'Circolazione',
   'Circolazione contromano in corrispondenza di curve, raccordi convessi o con limitata visibilità, o sulla carreggiata riservata al senso opposto di una strada a carreggiate separate (art. 143 c. 12)',
   'Contromano in curva, su dosso o su carreggiata separata', 327.00, 1308.00, false, 'LICENCE_SUSPENSION', date '2021-01-01', null, 10,
   'Sospensione della patente da uno a tre mesi: ritirare la patente.',
   'Art. 143 c. 12 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); sospensione della patente da 1 a 3 mesi'),
  ('145c10', 'Circolazione',
   'Mancata precedenza ai veicoli che ne hanno diritto (art. 145)',
   'Mancata precedenza', 167.00, 665.00, true, '', date '2021-01-01', null, 5,
   'Recidiva nel biennio: sospensione della patente da uno a tre mesi.',
   'Art. 145 c. 10 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
  ('146c3', 'Segnaletica',
   'Passaggio con il semaforo rosso o inosservanza delle segnalazioni del semaforo o dell''agente del traffico (art. 146 c. 3)',
   'Passaggio con il semaforo rosso', 167.00, 665.00, true, '', date '2021-01-01', null, 6,
   'Recidiva nel biennio: sospensione della patente da uno a tre mesi.',
   'Art. 146 c. 3 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
  ('149c4', 'Circolazione',
   'Mancato rispetto della distanza di sicurezza dal veicolo che precede (art. 149)',
   'Distanza di sicurezza non rispettata', 42.00, 173.00, true, '', date '2021-01-01', null, 3,
   null,
   'Art. 149 c. 4 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); maggiorazione notturna art. 195 c. 2-bis'),
  ('154c7', 'Circolazione',
   'Inversione del senso di marcia in prossimità o in corrispondenza di intersezioni, curve o dossi (art. 154 c. 6)',
   'Inversione del senso di marcia vietata', 87.00, 344.00, true, '', date '2021-01-01', null, 8,
   null,
   'Art. 154 c. 6 e 7 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 87–344 € confermato da giornalemotori.it (03/04/2025); maggiorazione notturna art. 195 c. 2-bis'),
  ('157c7bis', 'Sosta',
   'Sosta con il motore acceso per mantenere in funzione l''impianto di condizionamento (art. 157 c. 7-bis)',
   'Sosta con il motore acceso', 223.00, 444.00, false, '', date '2021-01-01', null, 0,
   null,
   'Art. 157 c. 7-bis e 8 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 223–444 € da map-online.it (art. 157 CdS) e carteinregola.it'),
  ('157c8', 'Sosta',
   'Violazione delle norme su arresto, fermata e sosta dell''art. 157, compresa la mancata esposizione dell''orario di inizio della sosta (disco orario)',
   'Sosta irregolare o disco orario non esposto', 42.00, 173.00, false, '', date '2021-01-01', null, 0,
   null,
   'Art. 157 c. 8 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 42–173 € da map-online.it (art. 157 CdS), portalepatente.it e carteinregola.it'),
  ('158c4bis', 'Sosta',
   'Sosta negli spazi riservati ai veicoli al servizio di persone con disabilità senza averne titolo: autoveicoli e altri veicoli (art. 158 c. 4-bis)',
   'Sosta nello stallo per disabili senza titolo (autoveicoli)', 330.00, 990.00, false, '', date '2024-12-14', null, 4,
   'Per ciclomotori e motoveicoli a due ruote usare l''articolo 158c4bis-moto.',
   'Art. 158 c. 4-bis CdS introdotto dalla L. 177/2024 (in vigore dal 14/12/2024)'),
  ('158c4bis-moto', 'Sosta',
   'Sosta negli spazi riservati ai veicoli al servizio di persone con disabilità senza averne titolo: ciclomotori e motoveicoli a due ruote (art. 158 c. 4-bis)',
   'Sosta nello stallo per disabili senza titolo (ciclomotori e moto)', 165.00, 660.00, false, '', date '2024-12-14', null, 4,
   null,
   'Art. 158 c. 4-bis CdS introdotto dalla L. 177/2024 (in vigore dal 14/12/2024), importo per ciclomotori e motoveicoli a due ruote'),
  ('158c5', 'Sosta',
   'Fermata o sosta vietata nei casi dell''art. 158 c. 1 (es. marciapiedi, attraversamenti pedonali, piste ciclabili, gallerie, curve): autoveicoli e altri veicoli (art. 158 c. 5)',
   'Fermata o sosta vietata (marciapiede, strisce pedonali…): autoveicoli', 87.00, 344.00, false, '', date '2021-01-01', null, 0,
   'Dal 14/12/2024 (L. 177/2024) la fermata o la sosta in area di intersezione e negli spazi riservati agli autobus hanno importi maggiori: non usare questo articolo per quei casi. Per ciclomotori e motoveicoli a due ruote usare l''articolo 158c5-moto.',
   'Art. 158 c. 1 e 5 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 87–344 € da motorisumotori.it (2024, importo dei divieti di fermata e sosta prima della L. 177/2024)'),
  ('158c5-moto', 'Sosta',
   'Fermata o sosta vietata nei casi dell''art. 158 c. 1 (es. marciapiedi, attraversamenti pedonali, piste ciclabili, gallerie, curve): ciclomotori e motoveicoli a due ruote (art. 158 c. 5)',
   'Fermata o sosta vietata (marciapiede, strisce pedonali…): ciclomotori e moto', 41.00, 168.00, false, '', date '2021-01-01', null, 0,
   'Dal 14/12/2024 (L. 177/2024) la fermata o la sosta in area di intersezione e negli spazi riservati agli autobus hanno importi maggiori: non usare questo articolo per quei casi.',
   'Art. 158 c. 1 e 5 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 41–168 € per ciclomotori e motoveicoli a due ruote da motorisumotori.it (2024) e signorsito.it'),
  ('158c6', 'Sosta',
   'Sosta vietata negli altri casi dell''art. 158 (es. davanti ai passi carrabili, in seconda fila, nelle aree di carico e scarico): autoveicoli e altri veicoli (art. 158 c. 6)',
   'Sosta vietata (passo carrabile, seconda fila, carico e scarico)', 42.00, 173.00, false, '', date '2021-01-01', null, 0,
   null,
   'Art. 158 c. 6 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('172c10', 'Comportamenti alla guida',
   'Mancato uso delle cinture di sicurezza o dei sistemi di ritenuta per bambini (art. 172)',
   'Cintura di sicurezza o seggiolino non utilizzati', 83.00, 332.00, false, '', date '2021-01-01', null, 5,
   'Recidiva nel biennio: sospensione della patente da 15 giorni a 2 mesi.',
   'Art. 172 c. 10 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 83–332 € e 5 punti confermati da tuttosuimotori.it e solofinanza.it (03/02/2023)'),
  ('173c3', 'Comportamenti alla guida',
   'Guida senza le lenti o gli apparecchi prescritti dalla patente di guida (art. 173)',
   'Guida senza lenti o apparecchi prescritti', 83.00, 332.00, false, '', date '2021-01-01', null, 5,
   null,
   'Art. 173 c. 3 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('180c7', 'Documenti e assicurazione',
   'Circolazione senza avere con sé la patente, la carta di circolazione o gli altri documenti prescritti (art. 180 c. 1)',
   'Documenti di guida o di circolazione non al seguito', 42.00, 173.00, false, '', date '2021-01-01', null, 0,
   'Invitare a esibire il documento entro un termine: se non è esibito si applica l''articolo 180c8.',
   'Art. 180 c. 7 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 42–173 € da quattromania.it (22/05/2022) e vehiclecue.it (02/11/2025)'),
  ('180c8', 'Documenti e assicurazione',
   'Mancata presentazione, senza giustificato motivo, agli uffici di polizia entro il termine dell''invito per esibire documenti o fornire informazioni (art. 180 c. 8)',
   'Documenti non esibiti entro il termine dell''invito', 430.00, 1731.00, false, '', date '2021-01-01', null, 0,
   null,
   'Art. 180 c. 8 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 430–1.731 € da quattromania.it (22/05/2022)'),
  ('186c2a', 'Comportamenti alla guida',
   'Guida in stato di ebbrezza con tasso alcolemico superiore a 0,5 e non superiore a 0,8 grammi per litro (art. 186 c. 2 lett. a)',
   'Guida in stato di ebbrezza (tasso da 0,5 a 0,8 g/l)', 543.00, 2170.00, false, 'LICENCE_SUSPENSION', date '2021-01-01', null, 10,
   'Sospensione della patente da tre a sei mesi: ritirare la patente. Per le ore notturne l''art. 186 prevede un aumento proprio, non la maggiorazione dell''art. 195 c. 2-bis.',
   'Art. 186 c. 2 lett. a CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); sospensione della patente da 3 a 6 mesi'),
  ('188c4', 'Sosta',
   'Uso delle strutture riservate ai veicoli al servizio di persone con disabilità senza autorizzazione o uso improprio del contrassegno (art. 188 c. 4)',
   'Contrassegno disabili assente, non valido o usato impropriamente', 84.00, 335.00, false, '', date '2021-01-01', date '2021-11-09', 2,
   null,
   'Art. 188 c. 4 CdS nel testo precedente al DL 121/2021; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 84–335 € e 2 punti da cronacatorino.it e area-c.it (novembre 2021)'),
  ('188c4', 'Sosta',
   'Uso delle strutture riservate ai veicoli al servizio di persone con disabilità senza autorizzazione o uso improprio del contrassegno (art. 188 c. 4)',
   'Contrassegno disabili assente, non valido o usato impropriamente', 168.00, 672.00, false, '', date '2021-11-10', null, 6,
   null,
   'Art. 188 c. 4 CdS come modificato dal DL 121/2021 conv. L. 156/2021 (in vigore dal 10/11/2021); 6 punti da quotidiano.net (26/12/2021)'),
  ('188c5', 'Sosta',
   'Uso delle strutture riservate alle persone con disabilità, pur avendone diritto, senza osservare le condizioni e i limiti dell''autorizzazione (art. 188 c. 5)',
   'Contrassegno disabili usato fuori dalle condizioni', 87.00, 344.00, false, '', date '2021-11-10', null, 0,
   null,
   'Art. 188 c. 5 CdS come modificato dal DL 121/2021 conv. L. 156/2021 (in vigore dal 10/11/2021); importo 87–344 € da quotidiano.net (26/12/2021)'),
  ('189c5', 'Comportamenti alla guida',
   'Mancata fermata dopo un incidente con soli danni alle cose (art. 189 c. 5)',
   'Mancata fermata dopo incidente con danni alle cose', 302.00, 1208.00, false, '', date '2021-01-01', null, 4,
   null,
   'Art. 189 c. 5 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('191', 'Comportamenti alla guida',
   'Mancata precedenza ai pedoni che transitano sugli attraversamenti pedonali (art. 191)',
   'Mancata precedenza ai pedoni', 167.00, 665.00, false, '', date '2021-01-01', null, 8,
   null,
   'Art. 191 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021)'),
  ('214c8', 'Veicoli',
   'Circolazione con veicolo sottoposto a fermo amministrativo (art. 214 c. 8)',
   'Circolazione con veicolo sottoposto a fermo', 1984.00, 7937.00, false, 'VEHICLE_CONFISCATION', date '2021-01-01', null, 0,
   'Non è ammesso il pagamento in misura ridotta; si procede alla confisca del veicolo.',
   'Art. 214 c. 8 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); confisca del veicolo')
  ) as v (code, category, description, short_description, minimum_amount, maximum_amount, night_increase,
         accessory_sanctions, valid_from, valid_to, points, operating_notes, legal_source)
 where not exists (select 1 from article_version a where a.code = v.code);
