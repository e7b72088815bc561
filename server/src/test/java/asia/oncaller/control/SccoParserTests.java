package asia.oncaller.control;

import java.util.List;
import java.util.stream.Stream;

import asia.oncaller.control.CallControlDecision.Connect;
import asia.oncaller.control.CallControlDecision.Failed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The SCCO rules on text alone: every malformed answer gives code 2 for the reason expected,
 * and valid ones give their actions with the documented defaults.
 */
class SccoParserTests {

	private static final String FROM = "'from':{'type':'internal','number':'alice'}";

	private static final String TO = "'to':{'type':'internal','number':'bob'}";

	private static final String CONNECT = "{'action':'connect'," + FROM + "," + TO + "}";

	@Test
	void appliesTheDefaultsOfAMinimalConnect() {
		Connect connect = (Connect) SccoParser.parse(json("[" + CONNECT + "]"));
		assertThat(connect.connect()).isEqualTo(new ConnectAction(new Endpoint("internal", "alice", null),
				new Endpoint("internal", "bob", null), null, 60, -1, true, false, null));
		assertThat(connect.connect().isConnectTimeUnlimited()).isTrue();
		assertThat(connect.scco().actions()).containsExactly(connect.connect());
	}

	@Test
	void readsEveryFieldOfAConnect() {
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'connect',"
				+ "'from':{'type':'external','number':'+15550100001','alias':'Sales'},"
				+ "'to':{'type':'external','number':'+84901234567','alias':'Mai'},'customData':'{\\\"k\\\":1}',"
				+ "'timeout':600,'maxConnectTime':86400,'peerToPeerCall':false,'continueOnFail':true,"
				+ "'onFailEventUrl':'https://example.com/fail?x=1'}]"));
		assertThat(connect.connect()).isEqualTo(new ConnectAction(new Endpoint("external", "+15550100001", "Sales"),
				new Endpoint("external", "+84901234567", "Mai"), "{\"k\":1}", 600, 86400, false, true,
				"https://example.com/fail?x=1"));
		assertThat(connect.connect().from().isExternal()).isTrue();
		assertThat(connect.connect().to().isInternal()).isFalse();
	}

	@Test
	void readsAConnectToAWebSocket() {
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'connect'," + FROM
				+ ",'to':{'type':'websocket','uri':'wss://bot.example/stream?k=1','contentType':'audio/l16;rate=16000'}},"
				+ "{'action':'connect'," + FROM + ",'to':{'type':'websocket','number':'bot-7','uri':'ws://10.0.0.5:81/'}}]"));
		assertThat(connect.connect().webSocket())
			.isEqualTo(new WebSocketTarget("wss://bot.example/stream?k=1", "audio/l16;rate=16000"));
		assertThat(connect.connect().to()).isEqualTo(new Endpoint("websocket", "websocket", null));
		assertThat(connect.connect().toWebSocket()).isTrue();
		ConnectAction named = (ConnectAction) connect.scco().actions().get(1);
		assertThat(named.to().number()).isEqualTo("bot-7");
		assertThat(named.webSocket().contentType()).isEqualTo(WebSocketTarget.L16_16K);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sip", "", "Internal", "phone" })
	void leavesAnUnknownToTypeToTheCallService(String type) {
		Connect connect = (Connect) SccoParser
			.parse(json("[{'action':'connect'," + FROM + ",'to':{'type':'" + type + "','number':'bob'}}]"));
		assertThat(connect.connect().to().type()).isEqualTo(type);
		assertThat(connect.connect().to().isInternal()).isFalse();
		assertThat(connect.connect().to().isExternal()).isFalse();
	}

	@Test
	void ignoresUnknownFieldsAndReadsNullAsAbsent() {
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'connect','maxConnection':3,'eventUrl':['x'],"
				+ "'from':{'type':'internal','number':'alice','alias':null,'extra':1}," + TO
				+ ",'customData':null,'timeout':null,'onFailEventUrl':null}]"));
		assertThat(connect.connect().timeoutSeconds()).isEqualTo(60);
		assertThat(connect.connect().from().alias()).isNull();
		assertThat(connect.connect().customData()).isNull();
	}

	@Test
	void acceptsTheLimitsOfEveryRange() {
		String customData = "x".repeat(16 * 1024);
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'connect','from':{'type':'internal','number':'"
				+ "a".repeat(128) + "','alias':'" + "b".repeat(128) + "'}," + TO + ",'customData':'" + customData
				+ "','timeout':1,'maxConnectTime':1}]"));
		assertThat(connect.connect().timeoutSeconds()).isEqualTo(1);
		assertThat(connect.connect().maxConnectTimeSeconds()).isEqualTo(1);
		assertThat(connect.connect().customData()).hasSize(16 * 1024);
	}

	@Test
	void readsEveryOtherActionWithItsDefaults() {
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'record'},{'action':'recordMessage'},"
				+ "{'action':'talk','text':'Hello'},{'action':'play','fileName':'greeting.mp3'},"
				+ "{'action':'stream','fileName':'https://example.com/a.wav'},{'action':'input'}," + CONNECT + "]"));
		assertThat(connect.scco().actions()).containsExactly(new RecordAction(null, "mp3", false),
				new RecordMessageAction(null, "mp3", false, 7200, null, null, "#"),
				new TalkAction("Hello", "female", 0, true, 1), new PlayAction("greeting.mp3", true, 1),
				new StreamAction("https://example.com/a.wav", true, 1), new InputAction(null, false, 3, 4, null),
				connect.connect());
	}

	@Test
	void readsEveryFieldOfEveryOtherAction() {
		Connect connect = (Connect) SccoParser.parse(json("[{'action':'record','eventUrl':'http://e.example/r',"
				+ "'format':'mp4','recordStereo':true},{'action':'recordMessage','eventUrl':'http://e.example/m',"
				+ "'format':'wav','beepStart':true,'timeout':30,'silenceThresh':100,'silenceTimeout':2000,"
				+ "'endOnKey':'*'},{'action':'talk','text':'Hi','voice':'male','speed':-3,'bargeIn':false,"
				+ "'loop':1000},{'action':'play','fileName':'g.wav','bargeIn':false,'loop':2},"
				+ "{'action':'stream','fileName':'http://e.example/s.mp3','bargeIn':false,'loop':3},"
				+ "{'action':'input','eventUrl':'https://e.example/dtmf','submitOnHash':true,'timeOut':600,"
				+ "'maxDigits':32,'customField':'menu'},{'action':'input','timeout':1,'maxDigits':1}," + CONNECT
				+ "]"));
		assertThat(connect.scco().actions()).containsExactly(new RecordAction("http://e.example/r", "mp4", true),
				new RecordMessageAction("http://e.example/m", "wav", true, 30, 100, 2000, "*"),
				new TalkAction("Hi", "male", -3, false, 1000), new PlayAction("g.wav", false, 2),
				new StreamAction("http://e.example/s.mp3", false, 3),
				new InputAction("https://e.example/dtmf", true, 600, 32, "menu"),
				new InputAction(null, false, 1, 1, null),
				connect.connect());
	}

	@Test
	void placesTheCallWithTheFirstConnect() {
		String second = CONNECT.replace("bob", "carol");
		Connect connect = (Connect) SccoParser
			.parse(json("[{'action':'talk','text':'Hi'}," + CONNECT + "," + second + "]"));
		assertThat(connect.connect().to().number()).isEqualTo("bob");
		assertThat(connect.scco().actions()).hasSize(3);
	}

	@Test
	void anSccoWithoutConnectIsRunByTheServerItself() {
		CallControlDecision decision = SccoParser.parse(json("[{'action':'talk','text':'Hi'},{'action':'input'}]"));
		assertThat(decision).isInstanceOf(CallControlDecision.Run.class);
		assertThat(((CallControlDecision.Run) decision).scco().actions()).hasSize(2);
	}

	@Test
	void keepsTheActionsImmutable() {
		Scco scco = ((Connect) SccoParser.parse(json("[" + CONNECT + "]"))).scco();
		assertThat(scco.actions()).isUnmodifiable();
		assertThat(new Scco(List.of()).connect()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSccos")
	void refusesAnInvalidSccoWithCode2(String description, String body, String reason) {
		assertThat(SccoParser.parse(body))
			.isEqualTo(new Failed(2, "Make call failed. Answer url scco incorrect format"));
		assertThatExceptionOfType(InvalidSccoException.class)
			.isThrownBy(() -> SccoParser.decide(SccoParser.read(body)))
			.withMessageContaining(reason);
	}

	static Stream<Arguments> invalidSccos() {
		return Stream.of(
				// The body as a whole
				invalid("null body", null, "not a JSON array"), invalid("empty body", "", "not a JSON array"),
				invalid("not JSON", "<html>ok</html>", "not JSON"), invalid("JSON object", "{}", "not a JSON array"),
				invalid("JSON string", "'connect'", "not a JSON array"),
				invalid("trailing text", "[" + CONNECT + "] x", "not JSON"),
				invalid("duplicate key", "[{'action':'connect','action':'talk'}]", "not JSON"),
				invalid("empty array", "[]", "an empty array"),
				invalid("number element", "[1]", "[0] is not an object"),
				invalid("array element", "[" + CONNECT + ",[]]", "[1] is not an object"),
				invalid("no action", "[{}]", "[0].action must be a string"),
				invalid("action not a string", "[{'action':1}]", "[0].action must be a string"),
				invalid("unknown action", "[{'action':'dial'}]", "[0].action is unknown: dial"),
				invalid("action in another case", "[{'action':'Connect'}]", "[0].action is unknown"),
				// connect's endpoints
				connect("no from", TO, "[0].from must be an object"),
				connect("from a string", "'from':'alice'," + TO, "[0].from must be an object"),
				connectField("NUL in customData", "'customData':'a\\u0000b'",
						"[0].customData must not contain NUL characters"),
				connect("no to", FROM, "[0].to must be an object"),
				connect("no from.type", "'from':{'number':'alice'}," + TO, "[0].from.type must be a string"),
				connect("from.type sip", "'from':{'type':'sip','number':'a'}," + TO, "[0].from.type must be one of"),
				connect("to.type a number", FROM + ",'to':{'type':1,'number':'bob'}", "[0].to.type must be a string"),
				connect("no to.type", FROM + ",'to':{'number':'bob'}", "[0].to.type must be a string"),
				connect("no number", FROM + ",'to':{'type':'internal'}", "[0].to.number must be a string"),
				connect("number a number", FROM + ",'to':{'type':'external','number':84901234567}",
						"[0].to.number must be a string"),
				connect("empty number", FROM + ",'to':{'type':'internal','number':''}",
						"[0].to.number must be a non-empty"),
				connect("long number", FROM + ",'to':{'type':'internal','number':'" + "1".repeat(129) + "'}",
						"[0].to.number must be a non-empty string of at most 128"),
				connect("alias a number", "'from':{'type':'internal','number':'a','alias':1}," + TO,
						"[0].from.alias must be a string"),
				connect("long alias", "'from':{'type':'internal','number':'a','alias':'" + "x".repeat(129) + "'}," + TO,
						"[0].from.alias must be at most 128"),
				connect("websocket without uri", FROM + ",'to':{'type':'websocket'}", "[0].to.uri must be a string"),
				connect("websocket to http", FROM + ",'to':{'type':'websocket','uri':'http://bot.example/'}",
						"[0].to.uri must be an absolute ws(s) URL"),
				connect("websocket without host", FROM + ",'to':{'type':'websocket','uri':'ws:///bot'}",
						"[0].to.uri must be an absolute ws(s) URL"),
				connect("websocket uri over 2048", FROM + ",'to':{'type':'websocket','uri':'ws://b.example/"
						+ "x".repeat(2048) + "'}", "[0].to.uri must be a non-empty string of at most 2048"),
				connect("websocket of another format", FROM
						+ ",'to':{'type':'websocket','uri':'ws://b.example/','contentType':'audio/pcmu'}",
						"[0].to.contentType must be one of audio/l16;rate=16000"),
				// connect's other fields
				connect("customData an object", FROM + "," + TO + ",'customData':{}",
						"[0].customData must be a string"),
				connect("customData over 16 KB", FROM + "," + TO + ",'customData':'" + "é".repeat(8 * 1024 + 1) + "'",
						"[0].customData must be at most 16384 bytes"),
				connectField("timeout 0", "'timeout':0", "[0].timeout must be a whole number in 1..600"),
				connectField("timeout 601", "'timeout':601", "[0].timeout"),
				connectField("timeout a string", "'timeout':'60'", "[0].timeout"),
				connectField("timeout a fraction", "'timeout':60.5", "[0].timeout"),
				connectField("timeout written as a decimal", "'timeout':60.0", "[0].timeout"),
				connectField("timeout beyond int", "'timeout':4294967356", "[0].timeout"),
				connectField("maxConnectTime 0", "'maxConnectTime':0", "[0].maxConnectTime must be -1"),
				connectField("maxConnectTime -2", "'maxConnectTime':-2", "[0].maxConnectTime"),
				connectField("maxConnectTime 86401", "'maxConnectTime':86401", "[0].maxConnectTime"),
				connectField("peerToPeerCall a string", "'peerToPeerCall':'true'",
						"[0].peerToPeerCall must be true or false"),
				connectField("continueOnFail a number", "'continueOnFail':1",
						"[0].continueOnFail must be true or false"),
				connectField("continueOnFail without URL", "'continueOnFail':true",
						"[0].onFailEventUrl must be an absolute"),
				connectField("onFailEventUrl relative", "'onFailEventUrl':'/fail'",
						"[0].onFailEventUrl must be an absolute"),
				connectField("onFailEventUrl ftp", "'continueOnFail':true,'onFailEventUrl':'ftp://e.example/f'",
						"[0].onFailEventUrl"),
				connectField("onFailEventUrl without host", "'continueOnFail':true,'onFailEventUrl':'http:///etc/passwd'",
						"[0].onFailEventUrl must be an absolute"),
				connectField("onFailEventUrl a number", "'onFailEventUrl':1", "[0].onFailEventUrl must be a string"),
				// The other actions, placed before a valid connect
				action("record format ogg", "{'action':'record','format':'ogg'}",
						"[0].format must be one of mp3, wav, mp4"),
				action("record eventUrl relative", "{'action':'record','eventUrl':'r'}", "[0].eventUrl"),
				action("record recordStereo a string", "{'action':'record','recordStereo':'yes'}", "[0].recordStereo"),
				action("recordMessage format mp4", "{'action':'recordMessage','format':'mp4'}", "[0].format"),
				action("recordMessage silenceThresh 101", "{'action':'recordMessage','silenceThresh':101}",
						"[0].silenceThresh must be a whole number in 0..100"),
				action("recordMessage timeout 0", "{'action':'recordMessage','timeout':0}", "[0].timeout"),
				action("recordMessage endOnKey x", "{'action':'recordMessage','endOnKey':'x'}", "[0].endOnKey"),
				action("talk without text", "{'action':'talk'}", "[0].text must be a string"),
				action("talk with empty text", "{'action':'talk','text':''}", "[0].text must be a non-empty"),
				action("talk speed 4", "{'action':'talk','text':'a','speed':4}",
						"[0].speed must be a whole number in -3..3"),
				action("talk speed -4", "{'action':'talk','text':'a','speed':-4}", "[0].speed"),
				action("talk loop 0", "{'action':'talk','text':'a','loop':0}", "[0].loop"),
				action("talk bargeIn a string", "{'action':'talk','text':'a','bargeIn':'false'}", "[0].bargeIn"),
				action("play without fileName", "{'action':'play'}", "[0].fileName must be a string"),
				action("play loop 0", "{'action':'play','fileName':'g.mp3','loop':0}", "[0].loop"),
				action("stream without fileName", "{'action':'stream'}", "[0].fileName must be an absolute"),
				action("stream fileName not a URL", "{'action':'stream','fileName':'a.mp3'}", "[0].fileName"),
				action("input maxDigits 0", "{'action':'input','maxDigits':0}",
						"[0].maxDigits must be a whole number in 1..32"),
				action("input maxDigits 33", "{'action':'input','maxDigits':33}", "[0].maxDigits"),
				action("input timeout 0", "{'action':'input','timeout':0}",
						"[0].timeout must be a whole number in 1..600"),
				action("input timeOut 601", "{'action':'input','timeOut':601}", "[0].timeOut"),
				action("input timeout and timeOut", "{'action':'input','timeout':5,'timeOut':5}",
						"[0].timeOut and timeout"),
				action("input eventUrl relative", "{'action':'input','eventUrl':'dtmf.php'}", "[0].eventUrl"),
				action("input submitOnHash a number", "{'action':'input','submitOnHash':0}", "[0].submitOnHash"),
				invalid("a bad action after connect", "[" + CONNECT + ",{'action':'talk'}]", "[1].text"));
	}

	private static Arguments invalid(String description, String body, String reason) {
		return arguments(description, (body != null) ? json(body) : null, reason);
	}

	private static Arguments connect(String description, String fields, String reason) {
		return invalid(description, "[{'action':'connect'," + fields + "}]", reason);
	}

	private static Arguments connectField(String description, String field, String reason) {
		return connect(description, FROM + "," + TO + "," + field, reason);
	}

	private static Arguments action(String description, String action, String reason) {
		return invalid(description, "[" + action + "," + CONNECT + "]", reason);
	}

	/** JSON written with single quotes, for readable tables. */
	private static String json(String text) {
		return text.replace('\'', '"');
	}

}
