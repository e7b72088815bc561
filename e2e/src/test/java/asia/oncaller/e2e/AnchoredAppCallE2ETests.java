package asia.oncaller.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.media.TestTones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * App-to-app calls whose SCCO needs the media anchor, end to end: two Java SDK clients sending
 * tones at two frequencies, their media through a real rtpengine on the namespace's veth address
 * instead of peer to peer. Each hears the other's tone at its frequency over G.711 (rtpengine's
 * SDP, not the peer's Opus), and rtpengine relayed both sides' packets, from each app's own
 * address, under the call's id. The callee's hold and unhold renegotiate through rtpengine. A call
 * whose SCCO records it is kept as a WAV holding the caller's tone on the left and the callee's on
 * the right; the SCCO helper's {@code record=true} anchors and records the call too (mono, both
 * tones mixed).
 */
class AnchoredAppCallE2ETests extends TwoUsersE2ESupport {

	private static final double ALICE_HZ = 1000;

	private static final double BOB_HZ = 700;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final PhoneLegRtpEngine RTPENGINE = new PhoneLegRtpEngine("--recording-dir=" + E2eServer.captureDir(),
			"--recording-method=pcap");

	@Test
	void notPeerToPeerRunsBothAppsMediaThroughRtpEngine() throws Exception {
		try (AnswerUrl answerUrl = new AnswerUrl(connect("alice-p2p", "bob-p2p", ",\"peerToPeerCall\":false"))) {
			PhoneTenant tenant = PhoneTenant.create("+15550177011", 5060, answerUrl.url());
			Call call = answeredCall(tenant, "alice-p2p", "bob-p2p");

			assertThat(call.caller.stats().inboundAudio().orElseThrow().codec()).as("rtpengine's G.711, not Opus")
				.isEqualTo("audio/PCMU");
			assertThat(call.callee.stats().inboundAudio().orElseThrow().codec()).isEqualTo("audio/PCMU");
			Map<String, Object> relayed = RTPENGINE.process().request("query", Map.of("call-id", call.id));
			assertThat(packetsFrom(relayed, "caller")).as("alice's packets at rtpengine").isGreaterThan(20);
			assertThat(packetsFrom(relayed, "callee")).as("bob's packets at rtpengine").isGreaterThan(20);
			assertThat(addressOf(relayed, "caller")).as("rtpengine reached each app at its own address")
				.startsWith("10.213.0.");
			hangUp(call);
		}
	}

	/**
	 * The callee's hold and unhold are re-offers from the callee's side, through rtpengine to the
	 * caller and back: audio to the holder stops, then flows again.
	 */
	@Test
	void calleesHoldAndUnholdRenegotiateThroughRtpEngine() throws Exception {
		try (AnswerUrl answerUrl = new AnswerUrl(connect("alice-ahold", "bob-ahold", ",\"peerToPeerCall\":false"))) {
			PhoneTenant tenant = PhoneTenant.create("+15550177013", 5060, answerUrl.url());
			Call call = answeredCall(tenant, "alice-ahold", "bob-ahold");
			CallProbe holder = call.callee;

			assertThat(holder.call.hold()).isTrue();
			await("the caller told of the hold").atMost(TIMEOUT).until(() -> call.caller.holds.contains(true));
			AtomicLong lastLook = new AtomicLong(-1);
			await("the holder's inbound audio stops growing (re-offer applied)").atMost(TIMEOUT)
				.pollInterval(Duration.ofMillis(700))
				.until(() -> {
					long now = holder.inboundAudioBytes();
					return lastLook.getAndSet(now) == now;
				});
			long stopped = holder.inboundAudioBytes();

			assertThat(holder.call.unhold()).isTrue();
			await("audio flowing to the holder again").atMost(TIMEOUT)
				.until(() -> holder.inboundAudioBytes() > stopped + 2000);
			hangUp(call);
		}
	}

	@Test
	void recordedCallHasTheCallersToneLeftAndTheCalleesRight() throws Exception {
		String record = "[{\"action\":\"record\",\"format\":\"wav\",\"recordStereo\":true},";
		try (AnswerUrl answerUrl = new AnswerUrl(record + connect("alice-arec", "bob-arec", "").substring(1))) {
			PhoneTenant tenant = PhoneTenant.create("+15550177012", 5060, answerUrl.url());
			Call call = answeredCall(tenant, "alice-arec", "bob-arec");
			hangUp(call);

			HttpResponse<byte[]> audio = await("the recording").atMost(TIMEOUT)
				.until(() -> tenant.recordingOf(call.id), (response) -> response.statusCode() == 200);
			short[][] channels = TestTones.channels(audio.body(), 2);
			int length = channels[0].length;
			assertThat(length).as("at least the two seconds both listened").isGreaterThan(2 * 8000);
			int window = (int) (length * 0.7);
			assertThat(TestTones.share(channels[0], window, 1600, ALICE_HZ)).as("alice's tone, left").isGreaterThan(0.8);
			assertThat(TestTones.share(channels[0], window, 1600, BOB_HZ)).as("no bob on the left").isLessThan(0.05);
			assertThat(TestTones.share(channels[1], window, 1600, BOB_HZ)).as("bob's tone, right").isGreaterThan(0.8);
			assertThat(TestTones.share(channels[1], window, 1600, ALICE_HZ)).as("no alice on the right").isLessThan(0.05);
		}
	}

	/**
	 * The SCCO helper's {@code record=true} as the project's answer_url: a record before a
	 * connect that is not peer to peer, so the call is anchored and its mono WAV mixes both tones.
	 */
	@Test
	void sccoHelpersRecordKeepsBothTonesInAMonoRecording() throws Exception {
		String helper = "http://127.0.0.1:" + E2eServer.get().port()
				+ "/scco-helper/project-answer-url?record=true&recordFormat=wav";
		PhoneTenant tenant = PhoneTenant.create("+15550177014", 5060, helper);
		Call call = answeredCall(tenant, "alice-hrec", "bob-hrec");
		hangUp(call);

		HttpResponse<byte[]> audio = await("the recording").atMost(TIMEOUT)
			.until(() -> tenant.recordingOf(call.id), (response) -> response.statusCode() == 200);
		short[] mono = TestTones.channels(audio.body(), 1)[0];
		assertThat(mono.length).as("at least the two seconds both listened").isGreaterThan(2 * 8000);
		int window = (int) (mono.length * 0.7);
		assertThat(TestTones.share(mono, window, 1600, ALICE_HZ)).as("alice's tone in the mix").isGreaterThan(0.3);
		assertThat(TestTones.share(mono, window, 1600, BOB_HZ)).as("bob's tone in the mix").isGreaterThan(0.3);
	}

	/**
	 * A recorded (so anchored) call whose callee rejects and whose connect fails over: the
	 * onFailEventUrl answers a connect to Carol, who gets rtpengine's offer of Alice's side (kept
	 * from Alice's offer, which went to Bob), answers it, and completes the bridge: each hears the
	 * other's tone, rtpengine relayed both, and the recording has Alice left and Carol right.
	 */
	@Test
	void aFailoverCalleeGetsRtpEnginesOfferAndCompletesTheBridge() throws Exception {
		String first = "[{\"action\":\"record\",\"format\":\"wav\",\"recordStereo\":true},";
		try (AnswerUrl onFail = new AnswerUrl(connect("alice-afo", "carol-afo", ""));
				AnswerUrl answerUrl = new AnswerUrl(first + connect("alice-afo", "bob-afo",
						",\"continueOnFail\":true,\"onFailEventUrl\":\"" + onFail.url() + "\"").substring(1))) {
			PhoneTenant tenant = PhoneTenant.create("+15550177015", 5060, answerUrl.url());
			this.alice = TestUser.connectWithToken("alice-afo", "alice-afo-device", MediaOptions.synthetic(ALICE_HZ),
					tenant.clientToken("alice-afo"));
			this.bob = TestUser.connectWithToken("bob-afo", "bob-afo-device", MediaOptions.synthetic(ALICE_HZ),
					tenant.clientToken("bob-afo"));
			CompletableFuture<CallResult> rejected = new CompletableFuture<>();
			this.bob.onIncoming((incoming) -> incoming.reject(rejected::complete));
			try (TestUser carol = TestUser.connectWithToken("carol-afo", "carol-afo-device",
					MediaOptions.synthetic(BOB_HZ), tenant.clientToken("carol-afo"))) {
				AtomicReference<CallProbe> callee = new AtomicReference<>();
				carol.onIncoming((incoming) -> {
					callee.set(new CallProbe(incoming));
					incoming.answer((r) -> {
					});
				});
				CallProbe caller = this.alice.call("bob-afo", false);
				CallResult made = CallProbe.result(caller.makeResult);
				assertThat(made.r()).as("makeCall").isZero();
				assertThat(CallProbe.result(rejected).r()).as("bob rejects").isZero();
				String callId = (String) made.data().get("callId");

				await("media connected between alice and carol").atMost(TIMEOUT)
					.until(() -> caller.mediaConnected() && callee.get() != null && callee.get().mediaConnected());
				assertThat(callee.get().call.getCallId()).as("the same call, retargeted").isEqualTo(callId);
				ToneMeter aliceHears = caller.measureToneAgain();
				ToneMeter carolHears = callee.get().measureToneAgain();
				await("two seconds of tone on both sides").atMost(TIMEOUT)
					.until(() -> aliceHears.done() && carolHears.done());
				assertThat(aliceHears.frequency()).as("alice hears carol's tone").isCloseTo(BOB_HZ, within(5.0));
				assertThat(carolHears.frequency()).as("carol hears alice's tone").isCloseTo(ALICE_HZ, within(5.0));
				Map<String, Object> relayed = RTPENGINE.process().request("query", Map.of("call-id", callId));
				assertThat(packetsFrom(relayed, "caller")).as("alice's packets at rtpengine").isGreaterThan(20);
				assertThat(packetsFrom(relayed, "callee")).as("carol's packets at rtpengine").isGreaterThan(20);
				hangUp(new Call(callId, caller, callee.get()));

				HttpResponse<byte[]> audio = await("the recording").atMost(TIMEOUT)
					.until(() -> tenant.recordingOf(callId), (response) -> response.statusCode() == 200);
				short[][] channels = TestTones.channels(audio.body(), 2);
				int window = (int) (channels[0].length * 0.7);
				assertThat(TestTones.share(channels[0], window, 1600, ALICE_HZ)).as("alice's tone, left")
					.isGreaterThan(0.8);
				assertThat(TestTones.share(channels[1], window, 1600, BOB_HZ)).as("carol's tone, right")
					.isGreaterThan(0.8);
			}
		}
	}

	/** The SCCO array with one connect from the app user to the other, with more fields. */
	private static String connect(String from, String to, String more) {
		return """
				[{"action":"connect","from":{"type":"internal","number":"%s"},"to":{"type":"internal","number":"%s"}%s}]"""
			.formatted(from, to, more);
	}

	/** Alice calls Bob, who answers; each hears the other's tone for two seconds. */
	private Call answeredCall(PhoneTenant tenant, String aliceId, String bobId) {
		this.alice = TestUser.connectWithToken(aliceId, aliceId + "-device", MediaOptions.synthetic(ALICE_HZ),
				tenant.clientToken(aliceId));
		this.bob = TestUser.connectWithToken(bobId, bobId + "-device", MediaOptions.synthetic(BOB_HZ),
				tenant.clientToken(bobId));
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = this.alice.call(bobId, false);
		CallResult made = CallProbe.result(caller.makeResult);
		assertThat(made.r()).as("makeCall").isZero();
		await("media connected on both sides").atMost(TIMEOUT)
			.until(() -> caller.mediaConnected() && callee.get() != null && callee.get().mediaConnected());
		// Measured from the connection on: the meters that started with the streams heard silence
		// while ICE and DTLS with rtpengine were still under way.
		ToneMeter aliceHears = caller.measureToneAgain();
		ToneMeter bobHears = callee.get().measureToneAgain();
		await("two seconds of tone on both sides").atMost(TIMEOUT).until(() -> aliceHears.done() && bobHears.done());
		assertThat(aliceHears.frequency()).as("alice hears bob's tone").isCloseTo(BOB_HZ, within(5.0));
		assertThat(bobHears.frequency()).as("bob hears alice's tone").isCloseTo(ALICE_HZ, within(5.0));
		return new Call((String) made.data().get("callId"), caller, callee.get());
	}

	private static void hangUp(Call call) {
		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		call.caller.call.hangup(hangup::complete);
		assertThat(CallProbe.result(hangup).r()).as("hangup").isZero();
	}

	/** The packets rtpengine received from the party with that tag, as its {@code query} counts them. */
	private static long packetsFrom(Map<String, Object> query, String tag) {
		return streams(query, tag).stream()
			.mapToLong((stream) -> ((Number) ((Map<?, ?>) stream.get("stats")).get("packets")).longValue())
			.sum();
	}

	/** Where rtpengine sends the party's media: the address it learnt from the party's ICE checks. */
	private static String addressOf(Map<String, Object> query, String tag) {
		return (String) ((Map<?, ?>) streams(query, tag).get(0).get("endpoint")).get("address");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> streams(Map<String, Object> query, String tag) {
		Map<String, Object> monologue = (Map<String, Object>) ((Map<String, Object>) query.get("tags")).get(tag);
		assertThat(monologue).as("rtpengine knows the " + tag + " of the call").isNotNull();
		Map<String, Object> media = ((List<Map<String, Object>>) monologue.get("medias")).get(0);
		return (List<Map<String, Object>>) media.get("streams");
	}

	private record Call(String id, CallProbe caller, CallProbe callee) {
	}

}
