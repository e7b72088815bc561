-- An app-to-app call whose SCCO needs the media anchor (it records, or says peerToPeerCall: false)
-- runs its media through rtpengine, under the call's own id, instead of peer to peer.
ALTER TABLE call ADD COLUMN media_anchored BOOLEAN NOT NULL DEFAULT FALSE;
