package asia.oncaller.ivr;

import java.net.InetSocketAddress;

import asia.oncaller.control.CallControlDecision;

/**
 * The call an SCCO runs on, as the runner needs it: where its media is anchored, and how to end
 * it or place its connect. Implemented by the side that owns the call's signaling (the SIP
 * gateway for a phone leg); its methods hand the work to that side's own thread and return.
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

}
