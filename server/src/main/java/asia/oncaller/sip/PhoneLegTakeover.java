package asia.oncaller.sip;

import java.util.Optional;

import javax.sip.message.Request;

import asia.oncaller.call.PhoneCallService;
import asia.oncaller.media.MediaBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Phone legs in a cluster (docs/sip.md): the node that holds a leg ends it when its call ended on
 * another node (a hangup there, a sweep's deadline), and when a node is gone (no heartbeat for the
 * node timeout), another node hangs its legs up: it ends the call, charged once by the same
 * conditional update as any ending, sends the carrier a BYE in the dialog PostgreSQL kept, and
 * frees the media at rtpengine. A leg a former run of this node left (a restart with the same node
 * id) is taken over the same way. Each leg is taken over by exactly one node
 * ({@link PhoneDialogs#claim}).
 */
class PhoneLegTakeover {

	private static final Logger log = LoggerFactory.getLogger(PhoneLegTakeover.class);

	private final PhoneDialogs dialogs;

	private final PhoneLegs legs;

	private final PhoneLegEvents events;

	private final SipEndpoint endpoint;

	private final SipMessages messages;

	private final MediaBridge media;

	private final PhoneCallService calls;

	PhoneLegTakeover(PhoneDialogs dialogs, PhoneLegs legs, PhoneLegEvents events, SipEndpoint endpoint,
			SipMessages messages, MediaBridge media, PhoneCallService calls) {
		this.dialogs = dialogs;
		this.legs = legs;
		this.events = events;
		this.endpoint = endpoint;
		this.messages = messages;
		this.media = media;
		this.calls = calls;
	}

	@Scheduled(fixedDelayString = "${oncaller.cluster.takeover-interval:1s}")
	void sweep() {
		for (PhoneDialog dialog : this.dialogs.due()) {
			Optional<PhoneLeg> leg = this.dialogs.isMine(dialog) ? this.legs.byCallId(dialog.callId())
					: Optional.empty();
			if (leg.isPresent()) {
				PhoneLeg held = leg.get();
				held.run(() -> this.events.hangUp(held, dialog.status(), dialog.sipCode()));
			}
			else {
				takeOver(dialog);
			}
		}
	}

	private void takeOver(PhoneDialog dialog) {
		if (!this.dialogs.claim(dialog)) {
			return;
		}
		log.info("Taking over phone leg {} of call {} from node {}", dialog.sipCallId(), dialog.callId(),
				dialog.nodeId());
		try {
			// Ended first, so that the record's end is no later than the carrier's.
			this.calls.legLost(dialog.callId());
		}
		catch (RuntimeException ex) {
			log.warn("Could not end call {} whose phone leg was lost", dialog.callId(), ex);
		}
		try {
			if (dialog.established()) {
				Request bye = this.messages.bye(dialog);
				this.endpoint.provider().getNewClientTransaction(bye).sendRequest();
			}
		}
		catch (Exception ex) {
			log.warn("Could not send the BYE of phone leg {}", dialog.sipCallId(), ex);
		}
		try {
			this.media.delete(dialog.mediaCallId());
		}
		catch (RuntimeException ex) {
			// rtpengine drops a session without media after its own timeout anyway.
			log.warn("Could not free the media of phone leg {}: {}", dialog.sipCallId(), ex.toString());
		}
	}

}
