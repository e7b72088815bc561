package asia.oncaller.ivr;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.InputAction;
import asia.oncaller.control.PlayAction;
import asia.oncaller.control.Scco;
import asia.oncaller.control.SccoParser;
import asia.oncaller.control.TalkAction;
import asia.oncaller.media.StreamedMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's order and bounds with no Spring and no media: actions run in order, audio is
 * waited for unless an input may barge in, an eventUrl's SCCO replaces the rest, the first
 * connect gets the rest of its SCCO, the end hangs up, a failing action is skipped, a hangup
 * interrupts a wait, {@code maxActions} ends a call that an eventUrl would keep for ever, and a
 * flood of calls past {@code maxCalls} is hung up instead of queued.
 * The action runners here record what they are asked and answer as the real ones would.
 */
class SccoRunnerTests {

	private final BlockingQueue<String> log = new LinkedBlockingQueue<>();

	private final SccoRunner runner = new SccoRunner(List.of(new Talks(), new Inputs(), new FailingPlays()), null,
			new IvrProperties(4, 6, Path.of("target"), "espeak-ng", 100, Duration.ofSeconds(1), 1, null, null, null));

	@AfterEach
	void stop() {
		this.runner.destroy();
	}

	@Test
	void audioIsWaitedForUnlessTheNextInputMayBargeIn() throws Exception {
		start("[{'action':'talk','text':'300','bargeIn':false},{'action':'talk','text':'300'},"
				+ "{'action':'input','timeout':1},{'action':'talk','text':'0'}]");
		assertThat(next()).isEqualTo("talk 300");
		long started = System.nanoTime();
		assertThat(next()).isEqualTo("talk 300");
		assertThat(millisSince(started)).as("the first talk was waited for").isGreaterThanOrEqualTo(280);
		started = System.nanoTime();
		assertThat(next()).isEqualTo("input");
		assertThat(millisSince(started)).as("the input barged in").isLessThan(200);
		assertThat(next()).isEqualTo("talk 0");
		assertThat(next()).isEqualTo("hangUp");
	}

	@Test
	void anEventUrlsSccoReplacesTheRestAndTheConnectGetsItsOwnRest() throws Exception {
		start("[{'action':'input','eventUrl':'http://127.0.0.1/menu'},{'action':'talk','text':'never'}]");
		assertThat(next()).isEqualTo("input");
		assertThat(next()).isEqualTo("talk 0");
		assertThat(next()).as("the connect, with the actions from it on").isEqualTo("connect to bob, 1 actions from it");
		assertThat(this.log.poll(300, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aFailingActionIsSkipped() throws Exception {
		start("[{'action':'play','fileName':'gone.wav'},{'action':'talk','text':'0'}]");
		assertThat(next()).isEqualTo("play gone.wav");
		assertThat(next()).isEqualTo("talk 0");
		assertThat(next()).isEqualTo("hangUp");
	}

	@Test
	void aHangupInterruptsTheWaitAndNothingMoreRuns() throws Exception {
		IvrCall call = start("[{'action':'talk','text':'60000','bargeIn':false},{'action':'talk','text':'0'}]");
		assertThat(next()).isEqualTo("talk 60000");
		call.end();
		assertThat(this.log.poll(500, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void anEventUrlThatAnswersAnotherInputForeverIsCutOffAtMaxActions() throws Exception {
		start("[{'action':'input','eventUrl':'http://127.0.0.1/again'}]");
		for (int i = 0; i < 6; i++) {
			assertThat(next()).isEqualTo("input");
		}
		assertThat(next()).isEqualTo("hangUp");
	}

	@Test
	void pastMaxCallsAtOnceAnotherCallIsHungUpAtOnce() throws Exception {
		List<IvrCall> running = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			running.add(start("[{'action':'talk','text':'60000','bargeIn':false}]"));
			assertThat(next()).isEqualTo("talk 60000");
		}
		start("[{'action':'talk','text':'0'}]");
		assertThat(next()).as("the fifth call").isEqualTo("hangUp");
		running.forEach(IvrCall::end);
	}

	private IvrCall start(String scco) {
		CallControlDecision decision = SccoParser.parse(scco.replace('\'', '"'));
		Scco parsed = (decision instanceof CallControlDecision.Run run) ? run.scco()
				: ((CallControlDecision.Connect) decision).scco();
		return this.runner.start(new RecordingLine(), "call-1", parsed, "AC1", "secret");
	}

	private String next() throws InterruptedException {
		String entry = this.log.poll(5, TimeUnit.SECONDS);
		assertThat(entry).as("the next thing the runner did").isNotNull();
		return entry;
	}

	private static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

	/** A line that only records what the runner asks of it. */
	private final class RecordingLine implements IvrLine {

		@Override
		public String mediaCallId() {
			return "sip-call";
		}

		@Override
		public String partyTag() {
			return "carrier";
		}

		@Override
		public void hearParty(InetSocketAddress listener) {
			SccoRunnerTests.this.log.add("hear party at " + listener);
		}

		@Override
		public void hangUp() {
			SccoRunnerTests.this.log.add("hangUp");
		}

		@Override
		public void connect(CallControlDecision.Connect decision) {
			SccoRunnerTests.this.log.add("connect to " + decision.connect().to().number() + ", "
					+ decision.scco().actions().size() + " actions from it");
		}

		@Override
		public StreamedMedia streamTo(InetSocketAddress socket) {
			throw new UnsupportedOperationException("no media in these tests");
		}

	}

	/** A talk whose text is how many milliseconds it plays. */
	private final class Talks implements ActionRunner<TalkAction> {

		@Override
		public Class<TalkAction> kind() {
			return TalkAction.class;
		}

		@Override
		public Step run(IvrCall call, TalkAction action) {
			SccoRunnerTests.this.log.add("talk " + action.text());
			return Step.playing(Duration.ofMillis(Long.parseLong(action.text())), action.bargeIn());
		}

	}

	/**
	 * An input whose eventUrl answers as its path says: {@code /menu} a talk and a connect,
	 * {@code /again} another input, none at all the next action.
	 */
	private final class Inputs implements ActionRunner<InputAction> {

		@Override
		public Class<InputAction> kind() {
			return InputAction.class;
		}

		@Override
		public Step run(IvrCall call, InputAction action) {
			SccoRunnerTests.this.log.add("input");
			if (action.eventUrl() == null) {
				return Step.next();
			}
			String answer = action.eventUrl().endsWith("/menu")
					? "[{'action':'talk','text':'0'},{'action':'connect','from':{'type':'external','number':'1555'},"
							+ "'to':{'type':'internal','number':'bob'}}]"
					: "[{'action':'input','eventUrl':'http://127.0.0.1/again'}]";
			return Step.replace(SccoParser.parse(answer.replace('\'', '"')));
		}

	}

	/** A play whose file is never there. */
	private final class FailingPlays implements ActionRunner<PlayAction> {

		@Override
		public Class<PlayAction> kind() {
			return PlayAction.class;
		}

		@Override
		public Step run(IvrCall call, PlayAction action) {
			SccoRunnerTests.this.log.add("play " + action.fileName());
			throw new IllegalStateException("Failed to start media playback from file");
		}

	}

}
