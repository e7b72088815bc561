package asia.oncaller.call;

import jakarta.persistence.Embeddable;

/**
 * A call's continueOnFail (see {@link CallFailover}): whether its current connect fails over and
 * where to ask, why its callee failed while the server asks, how often it failed over, and the
 * caller's media that a new callee will need.
 *
 * @param continueOnFail whether an unreachable callee makes the server ask the onFailEventUrl
 * @param onFailEventUrl the current connect's onFailEventUrl; {@code null} when it has none
 * @param failReason why the callee could not be reached ({@code busy}, {@code not_online},
 * {@code no_answer}) while the server asks the onFailEventUrl what to do next; {@code null} otherwise
 * @param failoverCount how many times the call was retargeted by an onFailEventUrl
 * @param callerOffer the caller's SDP offer as JSON, kept while a call that may fail over is
 * unanswered; {@code null} otherwise
 * @param callerCandidates the caller's ICE candidates since that offer, as a JSON array;
 * {@code null} when none
 */
@Embeddable
public record Failover(boolean continueOnFail, String onFailEventUrl, String failReason, int failoverCount,
		String callerOffer, String callerCandidates) {

	/** The callee failed for {@code reason}; the server asks the onFailEventUrl what to do. */
	Failover failed(ConnectFailure reason) {
		return new Failover(this.continueOnFail, this.onFailEventUrl, reason.reason(), this.failoverCount,
				this.callerOffer, this.callerCandidates);
	}

}
