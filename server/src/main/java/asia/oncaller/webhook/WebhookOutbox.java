package asia.oncaller.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.call.CallSnapshot;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores each call event for the project's event_url in the transaction that caused it, just
 * before it commits: the state change and its webhook commit together or not at all, so an
 * event survives a crash right after the change. Each call's events are numbered by a counter of
 * this module's own ({@code webhook_sequence}), so that delivery can keep them in order.
 */
@Component
class WebhookOutbox {

	private final JdbcTemplate jdbc;

	private final ProjectRepository projects;

	private final PhoneNumberRepository numbers;

	private final JsonMapper json;

	private final Clock clock;

	WebhookOutbox(JdbcTemplate jdbc, ProjectRepository projects, PhoneNumberRepository numbers, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.numbers = numbers;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void store(CallLifecycleEvent event) {
		CallSnapshot call = event.call();
		String url = (event.eventUrl() != null) ? event.eventUrl() : eventUrl(call);
		if (url == null || url.isBlank()) {
			return;
		}
		// The row lock on the call's counter, held to commit, numbers its events in commit order.
		Integer sequence = this.jdbc.queryForObject("""
				INSERT INTO webhook_sequence (call_id, last_sequence) VALUES (?, 1)
				ON CONFLICT (call_id) DO UPDATE SET last_sequence = webhook_sequence.last_sequence + 1
				RETURNING last_sequence""", Integer.class, call.id());
		String eventId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc.update("""
				INSERT INTO webhook_event (event_id, call_id, project_id, account_id, sequence, type, url, payload,
				  status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", eventId, call.id(), call.projectId(),
				call.accountId(), sequence, event.name(), url,
				this.json.writeValueAsString(payload(event, eventId, sequence, now)), Timestamp.from(now),
				Timestamp.from(now));
	}

	/**
	 * The event_url of the number a phone call uses, if it has one, else the project's: as the
	 * change read them in this transaction when it did (a call's transitions do), else looked up.
	 */
	private String eventUrl(CallSnapshot call) {
		CallSnapshot.EventUrls read = call.eventUrls();
		String numberUrl;
		if (read != null) {
			numberUrl = read.number();
		}
		else {
			numberUrl = (call.numberId() != null)
					? this.numbers.findById(call.numberId()).map(PhoneNumber::getEventUrl).orElse(null) : null;
		}
		if (numberUrl != null && !numberUrl.isBlank()) {
			return numberUrl;
		}
		return (read != null) ? read.project()
				: this.projects.findById(call.projectId()).map(Project::getEventUrl).orElse(null);
	}

	private static Map<String, Object> payload(CallLifecycleEvent event, String eventId, int sequence, Instant now) {
		CallSnapshot call = event.call();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId);
		payload.put("type", event.name());
		payload.put("callId", call.id());
		payload.put("sequence", sequence);
		payload.put("timestamp", now.toString());
		payload.put("projectId", call.projectId());
		payload.put("accountId", call.accountId());
		payload.put("direction", call.direction().name());
		payload.put("status", call.status().name());
		payload.put("from", call.from().fields());
		payload.put("to", call.to().fields());
		payload.put("fromUserId", call.fromUserId());
		payload.put("customData", call.customData());
		payload.putAll(event.details());
		return payload;
	}


}
