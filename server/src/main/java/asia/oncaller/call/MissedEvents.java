package asia.oncaller.call;

import java.util.List;
import java.util.Map;

/**
 * The events of a call that one device may have missed while its connection was down: those sent
 * to it with a {@code seq} above the last it saw, in order (PROTOCOL §2.1). The signaling module
 * numbers and keeps them as it delivers them.
 */
public interface MissedEvents {

	/**
	 * The kept events of the call for the party's user and device with a {@code seq} above
	 * {@code lastSeq}, oldest first; each already carries its {@code seq}.
	 */
	List<Map<String, Object>> since(String callId, Party party, long lastSeq);

}
