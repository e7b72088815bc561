package asia.oncaller.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import asia.oncaller.call.Call;
import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import jakarta.persistence.EntityManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores each call event for the project's event_url in the transaction that caused it, just
 * before it commits: the state change and its webhook commit together or not at all, so an
 * event survives a crash right after the change. The call's own row numbers its events.
 */
@Component
class WebhookOutbox {

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final ProjectRepository projects;

	private final PhoneNumberRepository numbers;

	private final JsonMapper json;

	private final Clock clock;

	WebhookOutbox(JdbcTemplate jdbc, EntityManager entityManager, ProjectRepository projects,
			PhoneNumberRepository numbers, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.projects = projects;
		this.numbers = numbers;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void store(CallLifecycleEvent event) {
		Call call = event.call();
		String url = eventUrl(call);
		if (url == null || url.isBlank()) {
			return;
		}
		// The call row may still be a pending JPA insert; SQL below needs it written.
		this.entityManager.flush();
		Integer sequence = this.jdbc.queryForObject(
				"UPDATE call SET webhook_sequence = webhook_sequence + 1 WHERE id = ? RETURNING webhook_sequence",
				Integer.class, call.getId());
		String eventId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc.update("""
				INSERT INTO webhook_event (event_id, call_id, project_id, account_id, sequence, type, url, payload,
				  status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", eventId, call.getId(), call.getProjectId(),
				call.getAccountId(), sequence, event.type(), url,
				this.json.writeValueAsString(payload(event, eventId, sequence, now)), Timestamp.from(now),
				Timestamp.from(now));
	}

	/** The event_url of the number a phone call uses, if it has one, else the project's. */
	private String eventUrl(Call call) {
		String numberUrl = (call.getNumberId() != null)
				? this.numbers.findById(call.getNumberId()).map(PhoneNumber::getEventUrl).orElse(null) : null;
		if (numberUrl != null && !numberUrl.isBlank()) {
			return numberUrl;
		}
		return this.projects.findById(call.getProjectId()).map(Project::getEventUrl).orElse(null);
	}

	private static Map<String, Object> payload(CallLifecycleEvent event, String eventId, int sequence, Instant now) {
		Call call = event.call();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId);
		payload.put("type", event.type());
		payload.put("callId", call.getId());
		payload.put("sequence", sequence);
		payload.put("timestamp", now.toString());
		payload.put("projectId", call.getProjectId());
		payload.put("accountId", call.getAccountId());
		payload.put("direction", call.getDirection().name());
		payload.put("status", call.getStatus().name());
		payload.put("from", endpoint(call.getFromNumber(), call.getFromAlias(), call.getFromType().name()));
		payload.put("to", endpoint(call.getToNumber(), call.getToAlias(), call.getToType().name()));
		payload.put("fromUserId", call.getFromUserId());
		payload.put("customData", call.getCustomData());
		payload.putAll(event.details());
		return payload;
	}

	private static Map<String, Object> endpoint(String number, String alias, String type) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("number", number);
		endpoint.put("alias", alias);
		endpoint.put("type", type.toLowerCase(Locale.ROOT));
		return endpoint;
	}

}
