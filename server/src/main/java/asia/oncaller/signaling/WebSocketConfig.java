package asia.oncaller.signaling;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP 1.2 over plain WebSocket at {@code /ws} (PROTOCOL §2): requests to {@code /app/...},
 * every server message to {@code /user/queue/events}, in the order it was sent. Every client
 * may be hostile: destinations are closed ({@link ClosedDestinations}), connections are counted
 * and must CONNECT in time ({@link ConnectionTracker}), and what waits to be sent to one
 * connection is bounded, so a client that stops reading is cut off instead of filling the heap.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer, DisposableBean {

	/** Where clients open their WebSocket. */
	static final String ENDPOINT = "/ws";

	private static final int MAX_FRAME_BYTES = 64 * 1024;

	/**
	 * What the container reads of a message before handing the piece on ({@link PartialMessages}):
	 * its text buffer holds this many chars (2 bytes each) and its binary buffer this many bytes,
	 * for every connection, idle or not.
	 */
	private static final int MESSAGE_PIECE = 1024;

	private final ConnectAuthenticator authenticator;

	private final ClosedDestinations destinations;

	private final ResumeHeaders resumeHeaders;

	private final ConnectionLimits limits;

	private final SignalingProperties properties;

	private final ClusterProperties cluster;

	// Heart-beats and CONNECT deadlines: short tasks, one thread.
	private final ThreadPoolTaskScheduler scheduler = scheduler();

	// Each client channel runs on a pool of its own. Spring Boot would otherwise hand both the
	// context's only AsyncTaskExecutor, the background rounds' four threads: then a customer's
	// answer_url that hangs holds up every other customer's requests, sign-ins and events
	// (SlowAnswerUrlIntegrationTests). Requests mostly wait on PostgreSQL and answer_urls, so
	// there are many of their threads; sending is short work, two threads per core as in Spring.
	private final ThreadPoolTaskExecutor requests;

	private final ThreadPoolTaskExecutor sends;

	WebSocketConfig(ConnectAuthenticator authenticator, ClosedDestinations destinations, ResumeHeaders resumeHeaders,
			ConnectionLimits limits, SignalingProperties properties, ClusterProperties cluster) {
		this.authenticator = authenticator;
		this.destinations = destinations;
		this.resumeHeaders = resumeHeaders;
		this.limits = limits;
		this.properties = properties;
		this.cluster = cluster;
		this.requests = pool("stomp-request-", properties.requestThreads());
		this.sends = pool("stomp-send-", 2 * Runtime.getRuntime().availableProcessors());
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns(this.properties.allowedOrigins());
		registry.setErrorHandler(new StompErrorFrames());
		// Before the controllers' mapping, so that a WebSocket upgrade is not first matched against
		// every @RequestMapping (3 % of a sign-in's CPU, docs/performance.md "Sign-ins").
		registry.setOrder(-1);
		// Frames from one connection are handled concurrently (setPreserveReceiveOrder would
		// serialize them, but Spring 7.0 then neither sends the ERROR frame of a refused CONNECT
		// nor delivers every user-destination message). Clients therefore keep ICE candidates
		// that arrive before their SDP, as WebRTC apps do anyway (docs/protocol.md).
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.properties.heartbeat().toMillis();
		if (this.cluster.enabled()) {
			relayToRabbitMq(registry, heartbeat);
		}
		else {
			registry.enableSimpleBroker("/queue")
				.setHeartbeatValue(new long[] { heartbeat, heartbeat })
				.setTaskScheduler(this.scheduler);
		}
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPreservePublishOrder(true);
	}

	/**
	 * A cluster's broker (docs/cluster.md): each client connection gets a STOMP connection of its
	 * own to RabbitMQ, which holds its {@code /user/queue/events} subscription, so that any node
	 * can reach it; the relay's own connection carries what the nodes send. Clients' heart-beats
	 * go through to RabbitMQ, which answers them.
	 */
	private void relayToRabbitMq(MessageBrokerRegistry registry, long heartbeat) {
		ClusterProperties.Broker broker = this.cluster.broker();
		registry.enableStompBrokerRelay(RabbitDestinations.PREFIX)
			.setRelayHost(broker.host())
			.setRelayPort(broker.port())
			.setVirtualHost(broker.virtualHost())
			.setClientLogin(broker.login())
			.setClientPasscode(broker.passcode())
			.setSystemLogin(broker.login())
			.setSystemPasscode(broker.passcode())
			.setSystemHeartbeatSendInterval(heartbeat)
			.setSystemHeartbeatReceiveInterval(heartbeat)
			.setTaskScheduler(this.scheduler);
		registry.configureBrokerChannel().interceptors(new RabbitDestinations());
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(MAX_FRAME_BYTES);
		registration.setSendTimeLimit((int) this.properties.sendTimeLimit().toMillis());
		registration.setSendBufferSizeLimit((int) this.properties.sendBufferSizeLimit().toBytes());
		registration.addDecoratorFactory((handler) -> new PartialMessages(handler, MESSAGE_PIECE));
		registration.addDecoratorFactory(
				(handler) -> new ConnectionTracker(handler, this.limits, this.scheduler, this.properties));
	}

	/**
	 * Small per-connection message buffers: messages arrive in pieces of {@link #MESSAGE_PIECE}
	 * ({@link PartialMessages}) and STOMP joins them into frames of up to 64 KB (the message size
	 * limit above), so an oversized {@code info} still gets {@code r=10} and a frame past 64 KB
	 * still closes the connection.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(MESSAGE_PIECE);
		container.setMaxBinaryMessageBufferSize(MESSAGE_PIECE);
		return container;
	}

	/** The broker finds a message's subscribers by its exact destination ({@link ExactSubscriptions}). */
	@Bean
	static BeanPostProcessor exactSubscriptions() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleBrokerMessageHandler broker) {
					broker.setSubscriptionRegistry(new ExactSubscriptions());
				}
				return bean;
			}
		};
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.authenticator, this.destinations, this.resumeHeaders);
		// Replaces the executor Spring Boot's configurer (order 0, before this one) has set.
		registration.executor(this.requests);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(this.sends);
	}

	private static ThreadPoolTaskExecutor pool(String name, int threads) {
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setCorePoolSize(threads);
		pool.setMaxPoolSize(threads);
		pool.setThreadNamePrefix(name);
		pool.initialize();
		return pool;
	}

	@Override
	public void destroy() {
		this.requests.shutdown();
		this.sends.shutdown();
		this.scheduler.shutdown();
	}

	private static ThreadPoolTaskScheduler scheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("stomp-timer-");
		// A deadline is cancelled when its WebSocket closes; drop it then, not 10 s later.
		scheduler.setRemoveOnCancelPolicy(true);
		scheduler.initialize();
		return scheduler;
	}

}
