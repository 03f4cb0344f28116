create table user_account (
    id                  bigserial primary key,
    username            varchar(60)  not null,
    display_name        varchar(120) not null,
    email               varchar(200),
    password_hash       varchar(200) not null,
    role                varchar(30)  not null check (role in
        ('ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'VILLAGE_COLLABORATOR', 'SUPERVISOR', 'DONOR')),
    scope_code          varchar(20),
    enabled             boolean      not null default true,
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz,
    created_at          timestamptz  not null default now(),
    version             bigint       not null default 0,
    constraint user_account_scope check (role = 'ADMIN' or scope_code is not null)
);
create unique index user_account_username_idx on user_account (lower(username));

-- personal access tokens for the API; only a SHA-256 of the secret is kept
create table api_token (
    id           bigserial primary key,
    user_id      bigint      not null references user_account (id),
    name         varchar(80) not null,
    token_hash   varchar(64) not null unique,
    prefix       varchar(16) not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);
