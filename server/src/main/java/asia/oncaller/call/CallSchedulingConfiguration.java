package asia.oncaller.call;

import asia.oncaller.database.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the background rounds ({@code @Scheduled}: the {@link CallReaper}'s sweeps, the
 * heartbeat, the webhook dispatcher) on threads of their own. Without this they would share the
 * STOMP broker's scheduler, the only one in the context, and while PostgreSQL is away each round
 * holds its thread for up to the pool's timeouts. A round that fails is tried again at the next;
 * a database outage is logged as one line per round, not a stack trace.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallSchedulingConfiguration implements SchedulingConfigurer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CallSchedulingConfiguration.class);

	/** One per kind of round, so that one stalled round does not delay the others. */
	private static final int THREADS = 4;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		this.scheduler.setPoolSize(THREADS);
		this.scheduler.setThreadNamePrefix("background-");
		this.scheduler.setErrorHandler(CallSchedulingConfiguration::roundFailed);
		this.scheduler.initialize();
		registrar.setTaskScheduler(this.scheduler);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

	private static void roundFailed(Throwable failure) {
		if (DatabaseUnreachable.isCause(failure)) {
			log.warn("Background round skipped: database unreachable ({})",
					NestedExceptionUtils.getMostSpecificCause(failure).toString());
		}
		else {
			log.error("Background round failed", failure);
		}
	}

}
