package asia.oncaller.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.control.AnswerUrlClient;
import asia.oncaller.control.CallControlDecision;
import asia.oncaller.tenant.ProjectRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks a failed connect's onFailEventUrl what to do with the call and carries out the answer
 * (see {@link CallFailover}). The request runs on threads of its own, outside any transaction,
 * so that neither a STOMP request nor the sweep of other calls' deadlines waits for a customer's
 * server; the request is bounded by the answer_url's limits.
 */
@Component
class FailoverRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FailoverRunner.class);

	private final CallFailover failover;

	private final AnswerUrlClient customerServers;

	private final ProjectRepository projects;

	private final EventSender events;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	FailoverRunner(CallFailover failover, AnswerUrlClient customerServers, ProjectRepository projects,
			EventSender events, TransactionTemplate transaction, JsonMapper json, CallProperties properties) {
		this.failover = failover;
		this.customerServers = customerServers;
		this.projects = projects;
		this.events = events;
		this.transaction = transaction;
		this.json = json;
		// Threads mostly wait on customers' servers; a failover the queue cannot take is taken
		// over again by a sweep once its lease has run out.
		this.executor.setCorePoolSize(properties.failoverThreads());
		this.executor.setMaxPoolSize(properties.failoverThreads());
		this.executor.setQueueCapacity(10_000);
		this.executor.setThreadNamePrefix("call-failover-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	/**
	 * Starts the failover of a call just taken over (after that has committed): a callee whose
	 * ring timed out stops ringing now, then the onFailEventUrl is asked in the background.
	 */
	void start(Call claimed) {
		if (ConnectFailure.of(claimed.failover().failReason()) == ConnectFailure.NO_ANSWER) {
			CallEnd noAnswer = ConnectFailure.NO_ANSWER.end();
			this.events.send(List.of(new Delivery(CallParties.callee(claimed),
					CallEvents.finalState(claimed, noAnswer.state(), noAnswer.reason(), noAnswer.sipCode()))));
		}
		try {
			this.executor.execute(() -> run(claimed));
		}
		catch (TaskRejectedException ex) {
			log.warn("Failover of call {} deferred: {}", claimed.getId(), ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

	private void run(Call claimed) {
		try {
			String secret = this.projects.findById(claimed.getProjectId()).orElseThrow().getSigningSecret();
			CallControlDecision decision = this.customerServers.onFail(claimed.failover().onFailEventUrl(),
					this.json.writeValueAsString(report(claimed)), secret);
			Optional<List<Delivery>> deliveries = this.transaction
				.execute((status) -> this.failover.settle(claimed, decision));
			deliveries.ifPresent(this.events::send);
		}
		catch (RuntimeException ex) {
			// The lease runs out and a sweep takes the failover over again.
			log.warn("Failover of call {} failed", claimed.getId(), ex);
		}
	}

	/** What the onFailEventUrl hears, in the product's own names (docs/protocol.md §4). */
	static Map<String, Object> report(Call call) {
		ConnectFailure failure = ConnectFailure.of(call.failover().failReason());
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("call_status", "connect_failed");
		report.put("reason", failure.reason());
		report.put("sipCode", failure.end().sipCode());
		report.put("project_id", call.getProjectId());
		report.put("account_id", call.getAccountId());
		report.put("call_id", call.getId());
		report.put("from", call.parties().from().fields());
		report.put("to", call.parties().to().fields());
		report.put("from_user_id", call.parties().fromUserId());
		report.put("start_time", call.timing().createdAt().toEpochMilli());
		report.put("video_call", call.isVideoCall());
		report.put("custom_data", call.getCustomData());
		report.put("failover_count", call.failover().failoverCount());
		return report;
	}

}
