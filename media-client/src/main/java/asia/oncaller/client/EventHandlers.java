package asia.oncaller.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers registered on one client or call, by event name, plus typed listeners. A handler
 * that throws is logged and the others still run. The runtimes emit through it: the public
 * object it holds is only handed to listeners, never called, so the runtimes stay below the
 * facades.
 *
 * @param <S> the public object listeners receive as the event's source
 * @param <L> the listener type
 */
final class EventHandlers<S, L> {

	private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

	private final Map<String, List<Consumer<Object>>> byName = new ConcurrentHashMap<>();

	private final List<L> listeners = new CopyOnWriteArrayList<>();

	private final S source;

	EventHandlers(S source) {
		this.source = source;
	}

	/** @return the public object the events are about */
	S source() {
		return this.source;
	}

	void on(String name, Consumer<Object> handler) {
		this.byName.computeIfAbsent(name, (n) -> new CopyOnWriteArrayList<>()).add(handler);
	}

	void off(String name, Consumer<?> handler) {
		List<Consumer<Object>> handlers = this.byName.get(name);
		if (handlers != null) {
			handlers.remove(handler);
		}
	}

	void addListener(L listener) {
		this.listeners.add(listener);
	}

	void removeListener(L listener) {
		this.listeners.remove(listener);
	}

	void emit(String name, Object payload, BiConsumer<L, S> toListener) {
		for (Consumer<Object> handler : this.byName.getOrDefault(name, List.of())) {
			try {
				handler.accept(payload);
			}
			catch (Throwable ex) {
				log.warn("A '{}' handler threw", name, ex);
			}
		}
		for (L listener : this.listeners) {
			try {
				toListener.accept(listener, this.source);
			}
			catch (Throwable ex) {
				log.warn("A listener threw on '{}'", name, ex);
			}
		}
	}

}
