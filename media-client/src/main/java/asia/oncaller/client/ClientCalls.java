package asia.oncaller.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's calls: every call not yet forgotten, and the ones with an id by id, so that the
 * server's events reach their call and the connection's end reaches every live one.
 */
final class ClientCalls {

	private final Set<CallRuntime> all = ConcurrentHashMap.newKeySet();

	private final Map<String, CallRuntime> byId = new ConcurrentHashMap<>();

	void track(CallRuntime call) {
		this.all.add(call);
	}

	void register(CallRuntime call) {
		this.all.add(call);
		if (call.callId != null) {
			this.byId.put(call.callId, call);
		}
	}

	void unregister(CallRuntime call) {
		this.all.remove(call);
		if (call.callId != null) {
			this.byId.remove(call.callId, call);
		}
	}

	CallRuntime byId(String callId) {
		return (callId != null) ? this.byId.get(callId) : null;
	}

	List<CallRuntime> live() {
		List<CallRuntime> live = new ArrayList<>();
		for (CallRuntime call : this.all) {
			if (!call.isEnded()) {
				live.add(call);
			}
		}
		return live;
	}

}
