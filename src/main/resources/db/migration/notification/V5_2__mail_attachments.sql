-- Files sent with an outbox mail (receipts, reports), kept until the mail is sent.
create table mail_attachment (
    mail_id      bigint       not null references mail_outbox (id),
    position     integer      not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    primary key (mail_id, position)
);
