package asia.oncaller.control;

import java.util.List;
import java.util.Optional;

/**
 * A Stringee Call Control Object: the actions a call runs in order, as a customer's answer_url
 * returns them.
 *
 * @param actions the actions in order, never empty
 */
public record Scco(List<SccoAction> actions) {

	public Scco {
		actions = List.copyOf(actions);
	}

	/** The first {@code connect} action, the one that places the call. */
	public Optional<ConnectAction> connect() {
		return this.actions.stream()
			.filter(ConnectAction.class::isInstance)
			.map(ConnectAction.class::cast)
			.findFirst();
	}

}
