package asia.oncaller.signaling;

import java.time.Duration;

import asia.oncaller.call.CallReaper;
import asia.oncaller.call.ResumeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.util.StringUtils;

/**
 * One node or a cluster, from the same code (docs/cluster.md): with
 * {@code oncaller.cluster.broker.host} set, presence is in PostgreSQL and events for other nodes'
 * devices go through RabbitMQ ({@link WebSocketConfig} relays STOMP there); without it, both stay
 * in this JVM.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	/** A departed connection's events are routed to its node this much past the resume window. */
	private static final Duration DEPARTED_GRACE = Duration.ofMinutes(1);

	@Bean
	@Conditional(SingleNode.class)
	LocalDirectory localDirectory(LocalConnections connections) {
		return new LocalDirectory(connections);
	}

	@Bean
	@Conditional(Clustered.class)
	DatabaseDirectory databaseDirectory(JdbcTemplate jdbc, ClusterProperties cluster, ResumeProperties resume) {
		if (resume.secret() == null) {
			// Each node would draw its own: a device could resume its calls only on the node it left.
			throw new IllegalStateException("oncaller.resume.secret must be set, the same on every node of a cluster");
		}
		return new DatabaseDirectory(jdbc, cluster, resume.window().plus(DEPARTED_GRACE));
	}

	@Bean
	@Conditional(Clustered.class)
	NodeMail nodeMail(SimpMessagingTemplate template, StompEventSender sender, JsonMapper json, BeanFactory beans,
			ApplicationEventPublisher events, ClusterProperties cluster) {
		return new NodeMail(template, sender, json, beans, events, cluster);
	}

	@Bean
	@Conditional(Clustered.class)
	GoneNodeConnections goneNodeConnections(JdbcTemplate jdbc, DatabaseDirectory directory, CallReaper reaper) {
		return new GoneNodeConnections(jdbc, directory, reaper);
	}

	/** Whether a broker is configured: the same test as {@link ClusterProperties#enabled()}. */
	static boolean clustered(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty("oncaller.cluster.broker.host"));
	}

	static final class Clustered implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return clustered(context);
		}

	}

	static final class SingleNode implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !clustered(context);
		}

	}

}
