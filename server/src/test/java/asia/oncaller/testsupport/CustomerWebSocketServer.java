package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A customer's WebSocket for a voice bot: a real WebSocket server (an embedded Tomcat of its own,
 * apart from the server under test) on loopback at {@code /bot}. It keeps every message it gets
 * and the opening request's headers, and once the first text message (the server's start
 * message) arrives it runs what the test set, on a thread of its own, with the session to talk
 * back on. It can also refuse the opening handshake (403).
 */
public final class CustomerWebSocketServer implements AutoCloseable {

	private final Tomcat tomcat = new Tomcat();

	private final List<String> texts = new CopyOnWriteArrayList<>();

	private final List<byte[]> binaries = new CopyOnWriteArrayList<>();

	private final AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>(Map.of());

	private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

	private volatile Consumer<Session> onStart = (session) -> {
	};

	private volatile boolean refusing;

	/** Starts it on a free port of 127.0.0.1. */
	public CustomerWebSocketServer() {
		try {
			this.tomcat.setBaseDir(Files.createTempDirectory("customer-ws").toString());
			this.tomcat.setHostname("127.0.0.1");
			this.tomcat.setPort(0);
			this.tomcat.getConnector().setProperty("address", "127.0.0.1");
			Context context = this.tomcat.addContext("", null);
			// The upgrade needs a servlet mapped for the request to reach Tomcat's WebSocket filter.
			Tomcat.addServlet(context, "nothing", new HttpServlet() {
			});
			context.addServletMappingDecoded("/", "nothing");
			context.addServletContainerInitializer(new WsSci(), null);
			context.addServletContainerInitializer((classes, servletContext) -> {
				ServerContainer container = (ServerContainer) servletContext
					.getAttribute(ServerContainer.class.getName());
				try {
					container.addEndpoint(ServerEndpointConfig.Builder.create(Bot.class, "/bot")
						.configurator(new Opening())
						.build());
				}
				catch (DeploymentException ex) {
					throw new ServletException(ex);
				}
			}, null);
			this.tomcat.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Its address, {@code ws://127.0.0.1:<port>/bot}. */
	public String url() {
		return "ws://127.0.0.1:" + this.tomcat.getConnector().getLocalPort() + "/bot";
	}

	/** What it does once the start message came. */
	public void onStart(Consumer<Session> action) {
		this.onStart = action;
	}

	/** Refuses every opening handshake with 403. */
	public void refuse() {
		this.refusing = true;
	}

	/** The text messages so far, in order. */
	public List<String> texts() {
		return List.copyOf(this.texts);
	}

	/** The binary messages so far, in order. */
	public List<byte[]> binaries() {
		return List.copyOf(this.binaries);
	}

	/** The opening request's headers, names in lower case. */
	public Map<String, List<String>> headers() {
		return this.headers.get();
	}

	/** Completes with the close of the WebSocket, whoever closed it. */
	public CompletableFuture<CloseReason> closed() {
		return this.closed;
	}

	/** Sends one binary message, from the test's own thread. */
	public static void send(Session session, byte[] message) {
		try {
			session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends one text message, from the test's own thread. */
	public static void send(Session session, String message) {
		try {
			session.getBasicRemote().sendText(message);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws LifecycleException {
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	/** Refuses when told to, keeps the headers, and makes every session this server's {@link Bot}. */
	private final class Opening extends ServerEndpointConfig.Configurator {

		@Override
		public boolean checkOrigin(String origin) {
			return !CustomerWebSocketServer.this.refusing;
		}

		@Override
		public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
				HandshakeResponse response) {
			Map<String, List<String>> lowerCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			lowerCase.putAll(request.getHeaders());
			CustomerWebSocketServer.this.headers.set(lowerCase);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getEndpointInstance(Class<T> endpointClass) {
			return (T) new Bot(CustomerWebSocketServer.this);
		}

	}

	/** One session: keeps what comes, and starts the test's action on the first text. */
	static final class Bot extends Endpoint {

		private final CustomerWebSocketServer server;

		Bot(CustomerWebSocketServer server) {
			this.server = server;
		}

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.setMaxBinaryMessageBufferSize(1 << 20);
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> {
				this.server.texts.add(text);
				if (this.server.texts.size() == 1) {
					Thread thread = new Thread(() -> this.server.onStart.accept(session), "customer-bot");
					thread.setDaemon(true);
					thread.start();
				}
			});
			session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) (data) -> {
				byte[] copy = new byte[data.remaining()];
				data.get(copy);
				this.server.binaries.add(copy);
			});
		}

		@Override
		public void onClose(Session session, CloseReason reason) {
			this.server.closed.complete(reason);
		}

	}

}
