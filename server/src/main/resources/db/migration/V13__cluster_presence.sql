-- A cluster's presence (docs/cluster.md): which node holds each device's STOMP connection, and
-- which nodes are alive. Written only when a broker is configured; one node keeps it in memory.

create table cluster_node (
    node_id  text primary key,
    seen_at  timestamptz not null     -- the node's last heartbeat, by the database's clock
);

create table device_connection (
    connection_id  text primary key,
    node_id        text not null,
    project_id     text not null,
    user_id        text not null,
    device_id      text not null,
    platform       text,
    connected_at   timestamptz not null,
    -- Closed without DISCONNECT: events for it still go to its node for the resume window.
    departed_at    timestamptz
);

create index device_connection_user on device_connection (project_id, user_id);
create index device_connection_node on device_connection (node_id);
