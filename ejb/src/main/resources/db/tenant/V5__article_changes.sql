-- Articles module (SPEC ART-1, ART-2, ART-5): who changed each version, when and why; the category
-- of an article; local-regulation articles (ordinances, municipal regulations) beside the Highway
-- Code ones.
alter table article_version add column category         varchar(60) not null default 'Codice della Strada';
alter table article_version add column local_regulation boolean     not null default false;
alter table article_version add column changed_by       varchar(64) not null default 'sistema';
alter table article_version add column changed_at       timestamptz not null default now();
alter table article_version add column change_reason    text        not null default 'Catalogo iniziale del servizio';

update article_version set category = 'Velocità' where code like '142c%';
update article_version set category = 'Segnaletica' where code = '146c2';
update article_version set category = 'Comportamenti alla guida' where code = '173c3bis';
update article_version set category = 'Documenti e assicurazione' where code = '193c2';
