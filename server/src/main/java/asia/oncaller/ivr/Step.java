package asia.oncaller.ivr;

import java.time.Duration;

import asia.oncaller.control.CallControlDecision;

/** What an {@link ActionRunner} tells the {@link SccoRunner} to do after its action. */
public sealed interface Step {

	/** Go on with the next action. */
	static Step next() {
		return Next.INSTANCE;
	}

	/**
	 * Audio now plays for that long: the next action waits for its end, unless
	 * {@code bargeIn} is set and the next action is an {@code input}, which then starts at once
	 * and stops the audio at the first digit.
	 */
	static Step playing(Duration length, boolean bargeIn) {
		return new Playing(length, bargeIn);
	}

	/** The rest of the SCCO is replaced by this decision (an eventUrl's answer). */
	static Step replace(CallControlDecision decision) {
		return new Replace(decision);
	}

	/** Go on with the next action. */
	enum Next implements Step {

		INSTANCE

	}

	/** Audio plays for {@code length}. */
	record Playing(Duration length, boolean bargeIn) implements Step {
	}

	/** A new SCCO takes over. */
	record Replace(CallControlDecision decision) implements Step {
	}

}
