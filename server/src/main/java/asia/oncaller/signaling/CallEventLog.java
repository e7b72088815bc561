package asia.oncaller.signaling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import asia.oncaller.call.MissedEvents;
import asia.oncaller.call.Party;
import asia.oncaller.call.ResumeProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Numbers every event about a call per receiving device ({@code seq}: 1, 2, 3, … for that call
 * and that user's device) and keeps the latest of them, so that a device back from a dropped
 * connection gets what it missed (PROTOCOL §2.1). Events to a device whose connection dropped
 * are numbered and kept though nobody receives them. A device is its user and {@code device-id},
 * not its connection: it comes back on another one.
 * <p>
 * Memory is bounded: at most {@code keptEvents} per device and call, about {@code keptBytes} in
 * all (past it, a device's oldest events are forgotten to keep a new one, and when it has none
 * left the new one is numbered but not kept). A device's events are forgotten at its final event
 * (a resume of an ended call answers from the call's row), and its numbering once the call ended
 * a resume window ago, so only live calls' events stay on the heap. Per node: the node a device comes back to replays what it delivered
 * (docs/cluster.md).
 */
@Component
class CallEventLog implements MissedEvents {

	/** How long after its call's end, or its last event, a device's numbering is kept beyond the window. */
	private static final Duration GRACE = Duration.ofMinutes(1);

	/** A device whose call ended without a final event reaching it (a lost node) is forgotten after this. */
	private static final Duration IDLE_LIMIT = Duration.ofHours(12);

	private final Map<Device, DeviceEvents> devices = new ConcurrentHashMap<>();

	private final Map<String, Departed> departed = new ConcurrentHashMap<>();

	private final AtomicLong keptBytes = new AtomicLong();

	private final ResumeProperties properties;

	private final Clock clock;

	CallEventLog(ResumeProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The event as this device receives it: numbered, and kept for a replay.
	 * @return a copy of the event with its {@code seq}
	 */
	Map<String, Object> number(String callId, String principalName, String deviceId, Map<String, Object> event) {
		DeviceEvents events = this.devices.computeIfAbsent(new Device(callId, principalName, deviceId),
				(device) -> new DeviceEvents(0));
		Map<String, Object> numbered = new LinkedHashMap<>(event);
		events.add(numbered, this.clock.instant(), isFinal(event));
		return numbered;
	}

	/** A connection dropped: events meant for it are numbered and kept for its device until the window ends. */
	void departed(ClientPrincipal principal) {
		this.departed.put(principal.connectionId(),
				new Departed(principal.getName(), principal.deviceId(), this.clock.instant()));
	}

	/** The device of a connection that dropped within the window, or {@code null}. */
	String departedDevice(String principalName, String connectionId) {
		Departed gone = this.departed.get(connectionId);
		return (gone != null && gone.principalName().equals(principalName)) ? gone.deviceId() : null;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A device that comes back to another node of a cluster finds nothing kept here: the events
	 * it missed stay with the node it left. Its numbering here goes on from {@code lastSeq}, so
	 * that what it gets from now on is never taken for what it has already seen.
	 */
	@Override
	public List<Map<String, Object>> since(String callId, Party party, long lastSeq) {
		Device device = new Device(callId, ClientPrincipal.nameOf(party.projectId(), party.userId()),
				party.deviceId());
		return this.devices.computeIfAbsent(device, (d) -> new DeviceEvents(Math.max(0, lastSeq))).since(lastSeq);
	}

	/** Forgets the devices of calls that ended a window ago, and connections that dropped as long ago. */
	@Scheduled(fixedDelay = 10_000)
	void forget() {
		Instant now = this.clock.instant();
		Instant endedBefore = now.minus(this.properties.window()).minus(GRACE);
		Instant idleBefore = now.minus(IDLE_LIMIT);
		this.devices.values().removeIf((events) -> events.forgettable(endedBefore, idleBefore));
		this.departed.values().removeIf((gone) -> gone.at().isBefore(endedBefore));
	}

	int devicesKept() {
		return this.devices.size();
	}

	/**
	 * Whether the event ends the call for its receiver: {@code signalingState} busy (5) or ended
	 * (6), or {@code otherDevice} (another device of the user answered, rejected or ended it).
	 */
	private static boolean isFinal(Map<String, Object> event) {
		Object type = event.get("type");
		Object code = event.get("code");
		return "otherDevice".equals(type) || ("signalingState".equals(type)
				&& (Integer.valueOf(5).equals(code) || Integer.valueOf(6).equals(code)));
	}

	/** About what an event costs to keep: its strings' characters and a little per value. */
	static long sizeOf(Object value) {
		if (value instanceof CharSequence text) {
			return 40L + 2L * text.length();
		}
		if (value instanceof Map<?, ?> map) {
			long size = 48;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 32 + sizeOf(entry.getKey()) + sizeOf(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> list) {
			long size = 40;
			for (Object element : list) {
				size += 8 + sizeOf(element);
			}
			return size;
		}
		return 16;
	}

	private record Device(String callId, String principalName, String deviceId) {
	}

	private record Departed(String principalName, String deviceId, Instant at) {
	}

	private record Kept(long seq, Map<String, Object> event, long bytes) {
	}

	/** One device's events of one call. */
	private final class DeviceEvents {

		private final ArrayDeque<Kept> kept = new ArrayDeque<>();

		private long lastSeq;

		private Instant touched;

		private Instant ended;

		DeviceEvents(long lastSeq) {
			this.lastSeq = lastSeq;
			this.touched = CallEventLog.this.clock.instant();
		}

		synchronized void add(Map<String, Object> event, Instant now, boolean isFinal) {
			this.lastSeq++;
			event.put("seq", this.lastSeq);
			this.touched = now;
			if (isFinal && this.ended == null) {
				this.ended = now;
			}
			if (this.ended != null) {
				// Over for this device: a resume now answers r=1 with the final state from the call's
				// row, so nothing is replayed any more. Only the numbering stays, for the window.
				forgetKept();
				return;
			}
			long bytes = sizeOf(event);
			while (!this.kept.isEmpty() && (this.kept.size() >= CallEventLog.this.properties.keptEvents()
					|| CallEventLog.this.keptBytes.get() + bytes > CallEventLog.this.properties.keptBytes())) {
				CallEventLog.this.keptBytes.addAndGet(-this.kept.removeFirst().bytes());
			}
			if (CallEventLog.this.keptBytes.get() + bytes <= CallEventLog.this.properties.keptBytes()) {
				this.kept.addLast(new Kept(this.lastSeq, event, bytes));
				CallEventLog.this.keptBytes.addAndGet(bytes);
			}
		}

		synchronized List<Map<String, Object>> since(long lastSeq) {
			return this.kept.stream().filter((k) -> k.seq() > lastSeq).map(Kept::event).toList();
		}

		synchronized boolean forgettable(Instant endedBefore, Instant idleBefore) {
			boolean forget = (this.ended != null && this.ended.isBefore(endedBefore)) || this.touched.isBefore(idleBefore);
			if (forget) {
				forgetKept();
			}
			return forget;
		}

		private void forgetKept() {
			this.kept.forEach((k) -> CallEventLog.this.keptBytes.addAndGet(-k.bytes()));
			this.kept.clear();
		}

	}

}
