package asia.oncaller.signaling;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import asia.oncaller.call.Delivery;
import asia.oncaller.call.NodeMailbox;
import asia.oncaller.call.PhoneLegRequest;
import asia.oncaller.call.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;

/**
 * Hands events to the other nodes of a cluster through RabbitMQ, on the relay's own ("system")
 * connection: each node subscribes there to a destination of its own, and delivers what arrives
 * to its devices as if it had sent it ({@link StompEventSender}). One connection each way and one
 * thread here keep the events from one node to a device in the order they were sent. Requests for
 * a phone leg another node holds travel the same way, and are published there as application
 * events ({@link PhoneLegRequest}).
 */
class NodeMail implements NodeMailbox, SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NodeMail.class);

	/** The envelope's kind of a {@link PhoneLegRequest}; the others carry an event. */
	private static final String PHONE_LEG = "phoneLeg";

	private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
	};

	private final SimpMessagingTemplate template;

	private final StompEventSender sender;

	private final JsonMapper json;

	private final BeanFactory beans;

	private final ApplicationEventPublisher events;

	private final String nodeId;

	// Off the relay's I/O thread, and one at a time, in the order they arrived.
	private final ExecutorService inbox = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "node-mail"));

	NodeMail(SimpMessagingTemplate template, StompEventSender sender, JsonMapper json, BeanFactory beans,
			ApplicationEventPublisher events, ClusterProperties properties) {
		this.template = template;
		this.events = events;
		this.sender = sender;
		this.json = json;
		this.beans = beans;
		this.nodeId = properties.nodeId();
	}

	/** Sends the event to the node, which delivers it to its connections of the recipient. */
	void send(String node, Delivery delivery) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("kind", kindOf(delivery.recipient()));
		envelope.put("projectId", delivery.recipient().projectId());
		envelope.put("userId", delivery.recipient().userId());
		envelope.put("connectionId", connectionOf(delivery.recipient()));
		envelope.put("event", delivery.event());
		this.template.convertAndSend(destination(node), (Object) envelope);
	}

	@Override
	public void send(String node, PhoneLegRequest request) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("kind", PHONE_LEG);
		envelope.put("callId", request.callId());
		envelope.put("action", request.action().name());
		envelope.put("body", request.body());
		this.template.convertAndSend(destination(node), (Object) envelope);
	}

	/** Subscribes to this node's destination before the relay connects. */
	@Override
	public void afterSingletonsInstantiated() {
		StompBrokerRelayMessageHandler relay = this.beans.getBean("stompBrokerRelayMessageHandler",
				StompBrokerRelayMessageHandler.class);
		Map<String, MessageHandler> subscriptions = new HashMap<>(relay.getSystemSubscriptions());
		subscriptions.put(destination(this.nodeId), this::received);
		relay.setSystemSubscriptions(subscriptions);
	}

	@Override
	public void destroy() {
		this.inbox.shutdown();
	}

	private void received(Message<?> message) {
		if (!(message.getPayload() instanceof byte[] payload)) {
			return;
		}
		this.inbox.execute(() -> {
			try {
				Map<String, Object> envelope = this.json.readValue(payload, ENVELOPE);
				if (PHONE_LEG.equals(envelope.get("kind"))) {
					this.events.publishEvent(new PhoneLegRequest((String) envelope.get("callId"),
							PhoneLegRequest.Action.valueOf((String) envelope.get("action")), (String) envelope.get("body")));
				}
				else {
					this.sender.deliver(delivery(envelope), false);
				}
			}
			catch (RuntimeException ex) {
				// Only another node sends here; a bug there must not stop the mail after it.
				log.error("Could not act on mail from another node", ex);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static Delivery delivery(Map<String, Object> envelope) {
		String projectId = (String) envelope.get("projectId");
		String userId = (String) envelope.get("userId");
		String connectionId = (String) envelope.get("connectionId");
		Recipient recipient = switch ((String) envelope.get("kind")) {
			case "connection" -> new Recipient.Connection(projectId, userId, connectionId);
			case "userExcept" -> new Recipient.UserExcept(projectId, userId, connectionId);
			default -> new Recipient.User(projectId, userId);
		};
		return new Delivery(recipient, (Map<String, Object>) envelope.get("event"));
	}

	private static String kindOf(Recipient recipient) {
		if (recipient instanceof Recipient.Connection) {
			return "connection";
		}
		return (recipient instanceof Recipient.UserExcept) ? "userExcept" : "user";
	}

	private static String connectionOf(Recipient recipient) {
		if (recipient instanceof Recipient.Connection connection) {
			return connection.connectionId();
		}
		return (recipient instanceof Recipient.UserExcept others) ? others.connectionId() : null;
	}

	private static String destination(String node) {
		return RabbitDestinations.PREFIX + "oncaller.node." + node;
	}

}
