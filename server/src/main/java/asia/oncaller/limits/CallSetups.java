package asia.oncaller.limits;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The node's capacity for setting calls up: how many call set-ups are under way on this node at
 * once (a carrier's INVITE until the app's devices ring or it is refused; an app's
 * {@code call.make} or a server's {@code POST /v1/calls} until it is placed), at most
 * {@code oncaller.limits.setups-at-once}. A set-up is where a call's work is (the answer_url, the
 * database, the media bridge), and past the node's CPU they queue: the count then climbs with the
 * queue, so it measures overload directly and costs one atomic counter. Refusing what does not
 * fit at once (SIP 503 with Retry-After, {@code r=12}) keeps the set-up time of the calls taken
 * short, instead of letting every call wait until carriers retransmit and give up.
 */
@Component
public class CallSetups {

	private final int capacity;

	private final AtomicInteger underWay = new AtomicInteger();

	CallSetups(LimitsProperties limits) {
		this.capacity = limits.setupsAtOnce();
	}

	/**
	 * Counts one more set-up if the node has room for it.
	 * @return whether it may go on; if so, {@link #finish()} must follow exactly once
	 */
	public boolean tryStart() {
		if (this.underWay.incrementAndGet() > this.capacity) {
			this.underWay.decrementAndGet();
			return false;
		}
		return true;
	}

	/** A set-up that {@link #tryStart()} admitted is over, however it ended. */
	public void finish() {
		this.underWay.decrementAndGet();
	}

	/** How many set-ups are under way now. */
	public int underWay() {
		return this.underWay.get();
	}

}
