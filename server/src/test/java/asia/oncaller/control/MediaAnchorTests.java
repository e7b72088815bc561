package asia.oncaller.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which SCCOs need the media anchor and which make the server answer and run actions first, from
 * SCCOs as the parser reads them.
 */
class MediaAnchorTests {

	private static final String CONNECT = "{\"action\":\"connect\",\"from\":{\"type\":\"internal\",\"number\":\"a\"},"
			+ "\"to\":{\"type\":\"internal\",\"number\":\"b\"}";

	@Test
	void anSccoThatOnlyConnectsPeerToPeerNeedsNoAnchor() {
		Scco scco = SccoParser.read("[" + CONNECT + "}]");
		assertThat(MediaAnchor.needed(scco)).isFalse();
		assertThat(MediaAnchor.runsActionsFirst(scco)).isFalse();
	}

	@Test
	void aConnectThatIsNotPeerToPeerNeedsTheAnchor() {
		Scco scco = SccoParser.read("[" + CONNECT + ",\"peerToPeerCall\":false}]");
		assertThat(MediaAnchor.needed(scco)).isTrue();
		assertThat(MediaAnchor.runsActionsFirst(scco)).isFalse();
	}

	@Test
	void anyOtherActionNeedsTheAnchorAndOneBeforeTheConnectRunsFirst() {
		Scco talkFirst = SccoParser.read("[{\"action\":\"talk\",\"text\":\"Hi\"}," + CONNECT + "}]");
		assertThat(MediaAnchor.needed(talkFirst)).isTrue();
		assertThat(MediaAnchor.runsActionsFirst(talkFirst)).isTrue();
		Scco recordAfter = SccoParser.read("[" + CONNECT + "},{\"action\":\"record\"}]");
		assertThat(MediaAnchor.needed(recordAfter)).isTrue();
		assertThat(MediaAnchor.runsActionsFirst(recordAfter)).isFalse();
		Scco noConnect = SccoParser.read("[{\"action\":\"input\"}]");
		assertThat(MediaAnchor.runsActionsFirst(noConnect)).isTrue();
	}

	@Test
	void aConnectToAWebSocketNeedsTheAnchorAndIsRunByTheServer() {
		Scco scco = SccoParser.read("[{\"action\":\"connect\",\"from\":{\"type\":\"external\",\"number\":\"1\"},"
				+ "\"to\":{\"type\":\"websocket\",\"uri\":\"wss://bot.example/\"}}]");
		assertThat(MediaAnchor.needed(scco)).isTrue();
		assertThat(MediaAnchor.runsActionsFirst(scco)).isTrue();
	}

	@Test
	void theServerAnswersAnAppCallerForAnyActionButRecordBeforeTheConnect() {
		assertThat(MediaAnchor.appCallerRunsActionsFirst(
				SccoParser.read("[{\"action\":\"talk\",\"text\":\"Hi\"}," + CONNECT + "}]"))).isTrue();
		assertThat(MediaAnchor.appCallerRunsActionsFirst(SccoParser.read("[{\"action\":\"input\"}]"))).isTrue();
		assertThat(MediaAnchor.appCallerRunsActionsFirst(SccoParser.read("[{\"action\":\"record\"}]")))
			.as("no connect at all").isTrue();
		assertThat(MediaAnchor.appCallerRunsActionsFirst(
				SccoParser.read("[{\"action\":\"record\"}," + CONNECT + "}]"))).as("recorded between the apps").isFalse();
		assertThat(MediaAnchor.appCallerRunsActionsFirst(SccoParser.read("[" + CONNECT + "},{\"action\":\"talk\",\"text\":\"Hi\"}]")))
			.isFalse();
		assertThat(MediaAnchor.appCallerRunsActionsFirst(SccoParser.read(
				"[{\"action\":\"connect\",\"from\":{\"type\":\"external\",\"number\":\"1\"},"
						+ "\"to\":{\"type\":\"websocket\",\"uri\":\"wss://bot.example/\"}}]")))
			.as("refused with r=3 as before").isFalse();
	}

}
