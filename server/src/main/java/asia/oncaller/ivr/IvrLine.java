package asia.oncaller.ivr;

import java.net.InetSocketAddress;

import asia.oncaller.control.CallControlDecision;
import asia.oncaller.media.StreamedMedia;

/**
 * The call an SCCO runs on, as the runner needs it: where its media is anchored, and how to end
 * it or place its connect. Implemented by the side that owns the call's signaling: the SIP
 * gateway for a phone leg, whose methods hand the work to the leg's own thread and return, and
 * the {@code appivr} module for an app caller, whose methods do it on the runner's thread.
 */
public interface IvrLine {

	/** The call's id in rtpengine. */
	String mediaCallId();

	/** The tag of the party who hears what is played and whose digits are collected. */
	String partyTag();

	/**
	 * The party's audio (RTP, G.711) goes to {@code listener} from now on, or nowhere again with
	 * {@code null}. Blocks until the media server has it.
	 */
	void hearParty(InetSocketAddress listener);

	/** The SCCO ended without a connect, or cannot go on: the call ends (a BYE to the phone). */
	void hangUp();

	/** The SCCO reached its connect: the call is placed as it says (the rest is the SCCO). */
	void connect(CallControlDecision.Connect decision);

	/**
	 * The party's audio goes to a UDP socket of this server from now on, and what the socket
	 * sends as RTP is what the party hears (a connect to a customer's WebSocket). Waits for
	 * rtpengine, on the side's own thread.
	 * @return where to send the RTP for the party, and in which codec
	 * @throws InterruptedException when the call ended meanwhile
	 */
	StreamedMedia streamTo(InetSocketAddress socket) throws InterruptedException;

}
