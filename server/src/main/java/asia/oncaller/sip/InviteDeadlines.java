package asia.oncaller.sip;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The safety net under every carrier's INVITE: whatever happens downstream (a device that answered
 * and never sent its SDP, a lost event, a bug), the INVITE gets a final response by a deadline.
 * One timer thread only hands the expiry to the leg's own thread, where {@link InboundCalls}
 * answers it if nothing else has; a leg that ends cancels its deadline, so the timers held are
 * those of the INVITEs still waiting.
 */
class InviteDeadlines implements AutoCloseable {

	private final ScheduledThreadPoolExecutor timer;

	InviteDeadlines() {
		this.timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "sip-invite-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Gives the leg's INVITE a (new) deadline, replacing any earlier one: past it, {@code expiry}
	 * runs on the leg's thread. Called on the leg's thread, or before the leg runs anything.
	 */
	void arm(PhoneLeg leg, Duration after, PhoneLeg.Task expiry) {
		leg.cancelDeadline();
		leg.deadline = this.timer.schedule(() -> leg.run(expiry), after.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
