package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report a failed connect's onFailEventUrl hears, without Spring or a database: the fields of
 * docs/protocol.md §4 in the reference product's names, with the failure's reason and SIP code.
 */
class FailoverRunnerTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void reportHasTheDocumentedFieldsInTheirOrder() {
		Map<String, Object> report = FailoverRunner.report(failed(ConnectFailure.BUSY));
		assertThat(report.keySet()).containsExactly("call_status", "reason", "sipCode", "project_id", "account_id",
				"call_id", "from", "to", "from_user_id", "start_time", "video_call", "custom_data", "failover_count");
	}

	@Test
	void reportSaysWhoFailedWhyAndWhatTheCallIs() {
		Call call = failed(ConnectFailure.BUSY);
		Map<String, Object> report = FailoverRunner.report(call);
		assertThat(report).containsEntry("call_status", "connect_failed")
			.containsEntry("reason", "busy")
			.containsEntry("sipCode", 486)
			.containsEntry("project_id", "PJ-1")
			.containsEntry("account_id", "AC-1")
			.containsEntry("call_id", "CA-1")
			.containsEntry("from_user_id", "alice")
			.containsEntry("start_time", call.timing().createdAt().toEpochMilli())
			.containsEntry("video_call", true)
			.containsEntry("custom_data", "order-42")
			.containsEntry("failover_count", 0);
		assertThat(report.get("from")).isEqualTo(Map.of("type", "internal", "number", "alice", "alias", "Alice"));
		assertThat(report.get("to")).isEqualTo(Map.of("type", "internal", "number", "bob", "alias", "Bob"));
	}

	@Test
	void eachFailureHasItsReasonAndSipCode() {
		for (ConnectFailure failure : List.of(ConnectFailure.NOT_ONLINE, ConnectFailure.NO_ANSWER)) {
			Map<String, Object> report = FailoverRunner.report(failed(failure));
			assertThat(report).as(failure.name()).containsEntry("reason", failure.reason()).containsEntry("sipCode", 480);
		}
		assertThat(ConnectFailure.NOT_ONLINE.reason()).isEqualTo("not_online");
		assertThat(ConnectFailure.NO_ANSWER.reason()).isEqualTo("no_answer");
	}

	private static Call failed(ConnectFailure failure) {
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", "Alice"),
				new Endpoint(Endpoint.INTERNAL, "bob", "Bob"), "order-42", 30, ConnectAction.UNLIMITED_CONNECT_TIME,
				false, true, "https://customer.example/fail");
		Money free = new Money("USD", null, null, null, null, BigDecimal.ZERO, null, null, null, null);
		Call call = Call.calling("CA-1", new Party("PJ-1", "AC-1", "alice", "conn-1", "alice-phone"),
				EndpointType.INTERNAL, connect, true, free, PhoneLine.NONE, NOW);
		call.failOverAt(failure, NOW);
		return call;
	}

}
