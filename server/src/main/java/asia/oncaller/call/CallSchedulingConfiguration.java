package asia.oncaller.call;

import asia.oncaller.database.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
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
 * a database outage is logged as one line per round, not a stack trace. The scheduler is a bean,
 * so that it stops and starts with the context (a stopped node runs no rounds).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CallSchedulingConfiguration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CallSchedulingConfiguration.class);

	/** One per kind of round, so that one stalled round does not delay the others. */
	private static final int THREADS = 4;

	private final ThreadPoolTaskScheduler scheduler;

	CallSchedulingConfiguration(@Qualifier("backgroundScheduler") ThreadPoolTaskScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Bean
	static ThreadPoolTaskScheduler backgroundScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(THREADS);
		scheduler.setThreadNamePrefix("background-");
		scheduler.setErrorHandler(CallSchedulingConfiguration::roundFailed);
		return scheduler;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.setTaskScheduler(this.scheduler);
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
