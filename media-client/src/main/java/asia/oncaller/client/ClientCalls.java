package asia.oncaller.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A client's calls: every call not yet forgotten, and the ones with an id by id. */
final class ClientCalls {

	private final Set<OnCallerCall> all = ConcurrentHashMap.newKeySet();

	private final Map<String, OnCallerCall> byId = new ConcurrentHashMap<>();

	void track(OnCallerCall call) {
		this.all.add(call);
	}

	void register(OnCallerCall call) {
		this.all.add(call);
		if (call.getCallId() != null) {
			this.byId.put(call.getCallId(), call);
		}
	}

	void unregister(OnCallerCall call) {
		this.all.remove(call);
		if (call.getCallId() != null) {
			this.byId.remove(call.getCallId(), call);
		}
	}

	OnCallerCall byId(String callId) {
		return (callId != null) ? this.byId.get(callId) : null;
	}

	List<OnCallerCall> live() {
		List<OnCallerCall> live = new ArrayList<>();
		for (OnCallerCall call : this.all) {
			if (!call.isEnded()) {
				live.add(call);
			}
		}
		return live;
	}

}
