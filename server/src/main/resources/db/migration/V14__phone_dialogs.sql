-- A phone call's SIP leg as PostgreSQL knows it (docs/sip.md, "Phone legs in a cluster"): which
-- node holds it and, once the carrier's side is established, what another node needs to hang it
-- up with a BYE of its own when that node dies. Written only when a broker is configured; one
-- node keeps its legs in memory. A row lives as long as its leg.

create table phone_dialog (
    call_id        varchar(64) primary key references call (id) on delete cascade,
    node_id        text not null,          -- the node whose SIP stack holds the dialog
    sip_call_id    text not null,
    media_call_id  text not null,          -- rtpengine's call id for the bridged media
    -- The established dialog (RFC 3261 §12), null until then:
    local_uri      text,                   -- our From (outbound) or To (inbound) address, without tag
    local_tag      text not null,
    remote_uri     text,
    remote_tag     text,
    remote_target  text,                   -- the carrier's Contact: the BYE's Request-URI
    route_set      text[],                 -- Record-Route, in the order our requests carry them
    local_cseq     bigint,                 -- the CSeq of our last request in the dialog
    transport      text,
    confirmed_at   timestamptz,
    started_at     timestamptz not null default now()
);

create index phone_dialog_node on phone_dialog (node_id);
