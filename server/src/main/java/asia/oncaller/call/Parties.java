package asia.oncaller.call;

import asia.oncaller.control.ConnectAction;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Who takes part in a call: the two parties as the record shows them, and the app users, devices
 * and connections behind each side, which decide where the call's events go. One value, because
 * a failover's retarget and a transfer change a side as a whole.
 *
 * @param fromType whether the caller is an app user or a phone number
 * @param fromNumber the caller's user id or number
 * @param fromAlias the caller's display name, or {@code null}
 * @param toType whether the callee is an app user or a phone number
 * @param toNumber the callee's user id or number
 * @param toAlias the callee's display name, or {@code null}
 * @param fromUserId the calling app user, or {@code null} (a phone or the customer's server)
 * @param callerDeviceId the device that placed the call, or {@code null}
 * @param callerConnectionId the connection that placed the call, or {@code null}
 * @param toUserId the app user the call rings, for calls to an app user; {@code null} otherwise
 * @param answeredDeviceId the callee's device that answered, or {@code null}
 * @param answeredConnectionId the callee's connection that answered, or {@code null}
 * @param transferredFromUserId the app user who had the call before a transfer moved it on
 */
@Embeddable
public record Parties(@Enumerated(EnumType.STRING) EndpointType fromType, String fromNumber, String fromAlias,
		@Enumerated(EnumType.STRING) EndpointType toType, String toNumber, String toAlias, String fromUserId,
		String callerDeviceId, String callerConnectionId, String toUserId, String answeredDeviceId,
		String answeredConnectionId, String transferredFromUserId) {

	/** The parties of a call that {@code caller} places as {@code connect} says. */
	static Parties of(Party caller, EndpointType fromType, ConnectAction connect) {
		return new Parties(fromType, connect.from().number(), connect.from().alias(), null, null, null,
				caller.userId(), caller.deviceId(), caller.connectionId(), null, null, null, null)
			.to(connect);
	}

	/** The same caller, with the callee of {@code connect} and nobody answering yet. */
	Parties to(ConnectAction connect) {
		boolean internal = connect.to().isInternal();
		return new Parties(this.fromType, this.fromNumber, this.fromAlias,
				internal ? EndpointType.INTERNAL : EndpointType.EXTERNAL, connect.to().number(), connect.to().alias(),
				this.fromUserId, this.callerDeviceId, this.callerConnectionId, internal ? connect.to().number() : null,
				null, null, this.transferredFromUserId);
	}

	/** The caller as the record shows it. */
	public CallSnapshot.Endpoint from() {
		return new CallSnapshot.Endpoint(this.fromType, this.fromNumber, this.fromAlias);
	}

	/** The callee as the record shows it. */
	public CallSnapshot.Endpoint to() {
		return new CallSnapshot.Endpoint(this.toType, this.toNumber, this.toAlias);
	}

}
