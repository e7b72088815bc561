package asia.oncaller.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.internal.media.MediaSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call to a user with two devices: both ring and prepare media; when one answers, the other
 * hears {@code otherdevice} 200, ends and releases its media, while the call's media flows
 * between the caller and the answering device.
 */
class MultiDeviceE2ETests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private TestUser alice;

	private TestUser bobPhone;

	private TestUser bobLaptop;

	@AfterEach
	void close() {
		for (TestUser user : new TestUser[] { this.alice, this.bobPhone, this.bobLaptop }) {
			if (user != null) {
				user.close();
			}
		}
		Await.until(TIMEOUT, "every media session released", () -> MediaSession.openSessions() == 0);
	}

	@Test
	void answerOnOneDeviceReleasesTheOthersMedia() {
		this.alice = TestUser.connect("alice-md", 440);
		this.bobPhone = TestUser.connect("bob-md", "bob-phone", 660);
		this.bobLaptop = TestUser.connect("bob-md", "bob-laptop", 880);
		AtomicReference<CallProbe> phone = new AtomicReference<>();
		AtomicReference<CallProbe> laptop = new AtomicReference<>();
		this.bobPhone.onIncoming((call) -> phone.set(new CallProbe(call)));
		this.bobLaptop.onIncoming((call) -> laptop.set(new CallProbe(call)));

		CallProbe caller = this.alice.call(this.bobPhone, false);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "both of bob's devices ring with media ready", () -> phone.get() != null
				&& laptop.get() != null && phone.get().local.isDone() && laptop.get().local.isDone());
		assertThat(MediaSession.openSessions()).as("alice's, the phone's and the laptop's").isEqualTo(3);

		CompletableFuture<CallResult> answer = new CompletableFuture<>();
		laptop.get().call.answer(answer::complete);
		assertThat(CallProbe.result(answer).r()).isZero();

		Await.until(TIMEOUT, "the phone hears otherdevice", () -> !phone.get().otherDevice.isEmpty());
		assertThat(phone.get().otherDevice.get(0).type()).isEqualTo("CALL_STATE");
		assertThat(phone.get().otherDevice.get(0).code()).isEqualTo(200);
		assertThat(phone.get().call.isAnsweredOnAnotherDevice()).isTrue();
		assertThat(phone.get().call.isEnded()).isTrue();
		Await.until(TIMEOUT, "the phone's media released", () -> MediaSession.openSessions() == 2);

		Await.until(TIMEOUT, "media between alice and the laptop",
				() -> caller.mediaConnected() && laptop.get().mediaConnected());
		Await.until(TIMEOUT, "alice hears the laptop", () -> caller.tone.done());
		assertThat(caller.tone.frequency()).isCloseTo(880, org.assertj.core.data.Offset.offset(5.0));
		assertThat(phone.get().media).as("the phone never connected media").isEmpty();

		CompletableFuture<CallResult> late = new CompletableFuture<>();
		phone.get().call.answer(late::complete);
		assertThat(CallProbe.result(late).r()).as("answering after another device did").isEqualTo(1005);
	}

}
