package asia.oncaller.records;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import asia.oncaller.api.ApiException;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.call.CallLifecycleEvent;
import jakarta.annotation.PreDestroy;

import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live-calls feed of the console: server-sent events, each a whole {@code calls} snapshot of
 * the tenant's calls in progress, so a client that missed one loses nothing. A snapshot goes out
 * when the stream opens, within {@link #COALESCE} after any change to one of the account's calls
 * on this node (bursts become one query), and every {@link #REFRESH} in any case: that carries
 * changes made on other nodes and keeps idle connections open through proxies.
 * <p>
 * Streams are bounded per tenant and in all, and end after {@link #TIMEOUT} (the console opens a
 * new one). Each stream has at most one send under way, on a pool with a thread per stream at
 * most: a client that stops reading holds only its own thread, and misses snapshots meanwhile.
 */
@Component
class LiveCallFeed {

	static final Duration COALESCE = Duration.ofMillis(250);

	static final Duration REFRESH = Duration.ofSeconds(10);

	static final Duration TIMEOUT = Duration.ofMinutes(5);

	static final int STREAMS_PER_TENANT = 4;

	static final int STREAMS = 200;

	private final LiveCallQuery query;

	private final Map<RestIdentity, Set<Stream>> streams = new ConcurrentHashMap<>();

	private final Set<String> changedAccounts = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor senders = new ThreadPoolExecutor(0, STREAMS, 60, TimeUnit.SECONDS,
			new SynchronousQueue<>(), (runnable) -> {
				Thread thread = new Thread(runnable, "live-calls-sender");
				thread.setDaemon(true);
				return thread;
			});

	LiveCallFeed(LiveCallQuery query) {
		this.query = query;
	}

	/** Opens a stream of the tenant's live calls, its first snapshot already sent. */
	SseEmitter open(RestIdentity tenant) {
		Stream stream = new Stream(new SseEmitter(TIMEOUT.toMillis()));
		synchronized (this.streams) {
			if (count() >= STREAMS) {
				throw ApiException.rateLimited("Too many live-call streams on this server; try again later");
			}
			Set<Stream> own = this.streams.computeIfAbsent(tenant, (key) -> ConcurrentHashMap.newKeySet());
			if (own.size() >= STREAMS_PER_TENANT) {
				throw ApiException.rateLimited("At most " + STREAMS_PER_TENANT + " live-call streams at once");
			}
			own.add(stream);
		}
		Runnable close = () -> remove(tenant, stream);
		stream.emitter.onCompletion(close);
		stream.emitter.onTimeout(close);
		stream.emitter.onError((ex) -> close.run());
		try {
			send(stream, this.query.live(tenant));
		}
		catch (RuntimeException ex) {
			// The emitter never reaches the client, so nothing would ever complete it.
			remove(tenant, stream);
			throw ex;
		}
		return stream.emitter;
	}

	/** Marks the account's streams for a new snapshot once the change is committed. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CallLifecycleEvent event) {
		if (!this.streams.isEmpty()) {
			this.changedAccounts.add(event.call().accountId());
		}
	}

	@Scheduled(fixedDelay = 250)
	void pushChanged() {
		for (String account : List.copyOf(this.changedAccounts)) {
			// Removed before the query: a change committed meanwhile marks it again.
			this.changedAccounts.remove(account);
			this.streams.keySet().stream().filter((tenant) -> tenant.accountId().equals(account)).forEach(this::push);
		}
	}

	@Scheduled(fixedDelay = 10_000)
	void refresh() {
		this.streams.keySet().forEach(this::push);
	}

	/** How many streams are open on this node. */
	int count() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	@PreDestroy
	void close() {
		this.streams.values().forEach((own) -> own.forEach((stream) -> stream.emitter.complete()));
		this.senders.shutdownNow();
	}

	private void push(RestIdentity tenant) {
		Set<Stream> own = this.streams.get(tenant);
		if (own == null || own.isEmpty()) {
			return;
		}
		List<LiveCall> calls = this.query.live(tenant);
		own.forEach((stream) -> send(stream, calls));
	}

	private void send(Stream stream, List<LiveCall> calls) {
		if (!stream.sending.compareAndSet(false, true)) {
			// The previous snapshot is still on its way: this one would only queue behind it.
			return;
		}
		try {
			this.senders.execute(() -> {
				try {
					stream.emitter.send(SseEmitter.event().name("calls").data(calls, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					// The client went away; completing the emitter removes the stream.
					stream.emitter.completeWithError(ex);
				}
				finally {
					stream.sending.set(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			stream.sending.set(false);
		}
	}

	private void remove(RestIdentity tenant, Stream stream) {
		synchronized (this.streams) {
			Set<Stream> own = this.streams.get(tenant);
			if (own != null && own.remove(stream) && own.isEmpty()) {
				this.streams.remove(tenant);
			}
		}
	}

	/** One open stream and whether a send is under way on it. */
	private record Stream(SseEmitter emitter, AtomicBoolean sending) {

		Stream(SseEmitter emitter) {
			this(emitter, new AtomicBoolean());
		}

	}

}
