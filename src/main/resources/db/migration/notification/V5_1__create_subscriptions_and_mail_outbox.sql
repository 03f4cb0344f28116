-- E-mail to donors: subscriptions to a commune and/or a support category (double opt-in), the needs
-- published since (recorded from the need module's NeedPublished event), the weekly digests sent,
-- and the outbox every e-mail goes through. Codes of other modules are kept as plain values.

create table mail_outbox (
    id              bigserial    primary key,
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body_html       text         not null,
    body_text       text         not null,
    status          varchar(7)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(1000),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);

-- the sender's query: due pending rows, oldest first
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'PENDING';

create table notification_subscription (
    id                  bigserial    primary key,
    email               varchar(254) not null check (email = lower(email)),
    commune_code        varchar(20),
    category_code       varchar(30),
    language            varchar(2)   not null check (language in ('vi', 'en')),
    status              varchar(12)  not null default 'PENDING'
                                     check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    -- the confirmation token is kept only as its SHA-256 hash; it is single-use
    confirm_token_hash  varchar(64)  unique,
    confirm_expires_at  timestamptz  not null,
    -- the unsubscribe token only ends this subscription, and every e-mail carries it
    unsubscribe_token   varchar(64)  not null unique,
    created_at          timestamptz  not null default now(),
    confirmed_at        timestamptz,
    unsubscribed_at     timestamptz,
    -- the last published_need.seq covered by a digest (or seen at confirmation)
    need_cursor         bigint       not null default 0,
    last_digest_at      timestamptz,
    check (commune_code is not null or category_code is not null)
);

-- one confirmed subscription per address and topic
create unique index notification_subscription_confirmed
    on notification_subscription (email, coalesce(commune_code, ''), coalesce(category_code, ''))
    where status = 'CONFIRMED';
create index notification_subscription_email on notification_subscription (email, created_at);
create index notification_subscription_digest on notification_subscription (id) where status = 'CONFIRMED';

-- needs published, in the order they were heard of: what digests report
create table published_need (
    seq           bigserial    primary key,
    need_id       bigint       not null unique,
    commune_code  varchar(20)  not null,
    category_code varchar(30),
    published_at  timestamptz  not null default now()
);

create index published_need_commune on published_need (commune_code, seq);
create index published_need_category on published_need (category_code, seq);

-- one digest per subscription and period (the ISO week), whichever instance runs the job
create table notification_digest (
    subscription_id bigint      not null references notification_subscription (id) on delete cascade,
    period          varchar(8)  not null,
    need_count      integer     not null,
    mail_id         bigint      references mail_outbox (id),
    created_at      timestamptz not null default now(),
    primary key (subscription_id, period)
);
