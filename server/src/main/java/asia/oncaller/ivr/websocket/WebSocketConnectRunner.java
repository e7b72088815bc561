package asia.oncaller.ivr.websocket;

import java.net.SocketException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.WebSocketTarget;
import asia.oncaller.ivr.ActionRunner;
import asia.oncaller.ivr.IvrCall;
import asia.oncaller.ivr.Step;
import asia.oncaller.media.StreamedMedia;
import asia.oncaller.outbound.CustomerWebSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code connect} to {@code {"type": "websocket"}}: opens the customer's WebSocket, sends it a
 * first text message saying which call it is, points the call's media at a UDP socket of this
 * server ({@link CallAudio}) and streams both ways, the caller's digits as text messages, until
 * the WebSocket closes, the connect's
 * {@code maxConnectTime} passes or the phone hangs up. A WebSocket that cannot be opened, or
 * closes, lets the SCCO go on with its next action (a hangup when there is none), as any action
 * that fails or ends.
 */
@Component
class WebSocketConnectRunner implements ActionRunner<ConnectAction>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebSocketConnectRunner.class);

	/** How often the end of the stream is looked at while waiting for the caller's digits. */
	private static final Duration DIGIT_WAIT = Duration.ofMillis(100);

	private final CustomerWebSockets webSockets;

	private final WebSocketStreamProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Paces every stream's audio to the phones, 20 ms a packet; the work of each tick is small. */
	private final ScheduledThreadPoolExecutor pacer;

	WebSocketConnectRunner(CustomerWebSockets webSockets, WebSocketStreamProperties properties) {
		this.webSockets = webSockets;
		this.properties = properties;
		this.pacer = new ScheduledThreadPoolExecutor(2, (task) -> {
			Thread thread = new Thread(task, "ws-stream-pacer");
			thread.setDaemon(true);
			return thread;
		});
		this.pacer.setRemoveOnCancelPolicy(true);
	}

	@Override
	public Class<ConnectAction> kind() {
		return ConnectAction.class;
	}

	@Override
	public Step run(IvrCall call, ConnectAction action) throws InterruptedException {
		WebSocketTarget target = action.webSocket();
		PlayBuffer toPhone = new PlayBuffer(this.properties.bufferedAudioBytes());
		CustomerAudio customer = new CustomerAudio(toPhone, this.properties.maxMessageSize().toBytes());
		WebSocket socket = open(call, target, customer);
		if (socket == null) {
			return Step.next();
		}
		try (CallAudio audio = new CallAudio(this.properties.mediaAddress())) {
			StreamedMedia media = call.line().streamTo(audio.address());
			customer.start(socket, startMessage(call, action));
			audio.start(media, (frame) -> customer.send(socket, frame), toPhone, this.pacer,
					"ws-stream-" + call.callId());
			String end = streamUntilTheEnd(call, action, customer, socket);
			log.info("Call {}: WebSocket stream ended, {}; {} bytes of its audio dropped, {} cleared, {} frames to it dropped",
					call.callId(), end, toPhone.dropped(), customer.cleared(), customer.framesDropped());
		}
		catch (SocketException ex) {
			log.warn("Call {}: no UDP socket for its WebSocket stream, skipped: {}", call.callId(), ex.toString());
		}
		finally {
			customer.close(socket, WebSocket.NORMAL_CLOSURE, "call ended");
			// Lets go of the connection if the customer does not answer the close in time.
			this.pacer.schedule(socket::abort, 2, TimeUnit.SECONDS);
		}
		return Step.next();
	}

	/** The open WebSocket, or {@code null} when it could not be opened in time (logged). */
	private WebSocket open(IvrCall call, WebSocketTarget target, CustomerAudio customer) throws InterruptedException {
		CompletableFuture<WebSocket> opening = this.webSockets.open(target.uri(), call.signingSecret(), customer,
				this.properties.connectTimeout());
		try {
			return opening.get();
		}
		catch (InterruptedException ex) {
			opening.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			// The cause only, never the URL: a customer's query may carry a secret.
			log.info("Call {}: its WebSocket could not be opened, connect skipped: {}", call.callId(),
					ex.getCause().toString());
			return null;
		}
	}

	/**
	 * Passes the caller's digits on until the WebSocket closes or the connect's
	 * {@code maxConnectTime} passes; a hangup interrupts the wait.
	 * @return why the stream ended
	 */
	private String streamUntilTheEnd(IvrCall call, ConnectAction action, CustomerAudio customer, WebSocket socket)
			throws InterruptedException {
		boolean limited = !action.isConnectTimeUnlimited();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, action.maxConnectTimeSeconds()));
		while (!customer.closed().isDone()) {
			if (limited && System.nanoTime() - end >= 0) {
				return "maxConnectTime passed";
			}
			Character digit = call.nextDigit(DIGIT_WAIT);
			if (digit != null) {
				customer.tell(socket, this.json.writeValueAsString(Map.of("event", "dtmf", "digit", digit.toString())));
			}
		}
		return customer.closed().join();
	}

	private String startMessage(IvrCall call, ConnectAction action) {
		Map<String, Object> start = new LinkedHashMap<>();
		start.put("event", "start");
		start.put("call_id", call.callId());
		start.put("from", action.from().number());
		start.put("to", action.to().number());
		start.put("customData", action.customData());
		start.put("contentType", action.webSocket().contentType());
		return this.json.writeValueAsString(start);
	}

	@Override
	public void destroy() {
		this.pacer.shutdownNow();
	}

}
