-- The national catalogue (issue 13 item 8) gains the helmet article, art. 171 c. 2 CdS, left out
-- of V14 until a public page confirmed the amount in force: 83–332 € (DM 31/12/2020, in force from
-- 01/01/2021), 5 licence points, administrative stop of the vehicle for 60 days (90 days when the
-- violation is repeated twice in two years), no night increase (art. 195 c. 2-bis does not list
-- art. 171). As in V14, a tenant that already has the code keeps its own versions.
insert into article_version (code, category, description, short_description, minimum_amount, maximum_amount,
                             night_increase, accessory_sanctions, valid_from, valid_to, points, operating_notes,
                             legal_source, change_reason)
select v.code, v.category, v.description, v.short_description, v.minimum_amount, v.maximum_amount,
       v.night_increase, v.accessory_sanctions, v.valid_from, v.valid_to, v.points, v.operating_notes,
       v.legal_source, 'Catalogo nazionale del servizio'
  from (values
  ('171c2', 'Comportamenti alla guida',
   'Mancato uso del casco protettivo omologato, o casco non allacciato, alla guida o come passeggero di ciclomotori e motoveicoli (art. 171 c. 1-2)',
   'Casco protettivo non indossato o non allacciato', 83.00, 332.00, false, 'ADMINISTRATIVE_STOP', date '2021-01-01', cast(null as date), 5,
   'Fermo amministrativo del veicolo per 60 giorni (90 se nel biennio la violazione è stata commessa almeno due volte con un ciclomotore o un motociclo), custodia al proprietario. Del trasportato senza casco risponde anche il conducente.',
   'Art. 171 c. 2 e 3 CdS; importi del DM 31/12/2020 (in vigore dal 01/01/2021); importo 83–332 € e fermo di 60 giorni confermati da multako.com (testo vigente dell''art. 171); 5 punti da calcolocosto.it e nextmoto.it')
  ) as v (code, category, description, short_description, minimum_amount, maximum_amount, night_increase,
         accessory_sanctions, valid_from, valid_to, points, operating_notes, legal_source)
 where not exists (select 1 from article_version a where a.code = v.code);
