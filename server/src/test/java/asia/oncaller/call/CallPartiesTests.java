package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.call.CallParties.Role;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which side of a call a party is on and where each side's events go, without Spring or a
 * database: a user who calls themselves is the caller only on the connection that placed the
 * call, another project's user is on no side, a ringing callee is every device of the user, and a
 * SIP leg is the callee of an outbound phone call and the caller of an inbound one.
 */
class CallPartiesTests {

	private static final Party ALICE = new Party("PJ-1", "AC-1", "alice", "conn-a1", "alice-phone");

	@Test
	void callerAndCalleeAreTheirUsersInTheCallsProject() {
		Call call = call(ALICE, toUser("bob"), PhoneLine.NONE);
		assertThat(CallParties.roleOf(call, ALICE)).isEqualTo(Role.CALLER);
		assertThat(CallParties.roleOf(call, new Party("PJ-1", "AC-1", "bob", "conn-b1", "bob-phone")))
			.isEqualTo(Role.CALLEE);
		assertThat(CallParties.roleOf(call, new Party("PJ-1", "AC-1", "carol", "conn-c1", "carol-phone")))
			.isEqualTo(Role.NONE);
	}

	@Test
	void sameUserInAnotherProjectIsOnNoSide() {
		Call call = call(ALICE, toUser("bob"), PhoneLine.NONE);
		assertThat(CallParties.roleOf(call, new Party("PJ-2", "AC-2", "alice", "conn-x", "x"))).isEqualTo(Role.NONE);
		assertThat(CallParties.roleOf(call, new Party("PJ-2", "AC-2", "bob", "conn-y", "y"))).isEqualTo(Role.NONE);
	}

	@Test
	void userCallingThemselvesIsTheCallerOnlyOnThePlacingConnection() {
		Call call = call(ALICE, toUser("alice"), PhoneLine.NONE);
		assertThat(CallParties.roleOf(call, ALICE)).isEqualTo(Role.CALLER);
		assertThat(CallParties.roleOf(call, new Party("PJ-1", "AC-1", "alice", "conn-a2", "alice-tablet")))
			.isEqualTo(Role.CALLEE);
		// The customer's server acts for the user with no connection: the caller's side.
		assertThat(CallParties.roleOf(call, Party.withoutConnection("PJ-1", "AC-1", "alice"))).isEqualTo(Role.CALLER);
	}

	@Test
	void ringingCalleeIsEveryDeviceAndTheCallerIsThePlacingConnection() {
		Call call = call(ALICE, toUser("bob"), PhoneLine.NONE);
		assertThat(CallParties.callee(call)).isEqualTo(new Recipient.User("PJ-1", "bob"));
		assertThat(CallParties.caller(call)).isEqualTo(new Recipient.Connection("PJ-1", "alice", "conn-a1"));
		assertThat(CallParties.otherLeg(call, Role.CALLEE)).isEqualTo(CallParties.caller(call));
	}

	@Test
	void otherCalleeDevicesLeaveOutTheOneThatActed() {
		Call call = call(ALICE, toUser("bob"), PhoneLine.NONE);
		Party bob = new Party("PJ-1", "AC-1", "bob", "conn-b1", "bob-phone");
		assertThat(CallParties.otherCalleeDevices(call, bob)).isEqualTo(new Recipient.UserExcept("PJ-1", "bob", "conn-b1"));
		assertThat(CallParties.otherCalleeDevices(call, Party.withoutConnection("PJ-1", "AC-1", "bob")))
			.isEqualTo(new Recipient.User("PJ-1", "bob"));
	}

	@Test
	void sipLegIsTheCalleeOfAnOutboundPhoneCallAndTheCallerOfAnInboundOne() {
		Call outbound = call(ALICE, new Endpoint(Endpoint.EXTERNAL, "15550123", null),
				new PhoneLine("TK-1", "PN-1", null));
		assertThat(outbound.getDirection()).isEqualTo(CallDirection.APP_TO_PHONE);
		assertThat(CallParties.phoneSide(outbound)).isEqualTo(Role.CALLEE);
		assertThat(CallParties.otherLegIsPhone(outbound, Role.CALLER)).isTrue();
		assertThat(CallParties.otherLegIsPhone(outbound, Role.CALLEE)).isFalse();

		Call inbound = call(Party.withoutConnection("PJ-1", "AC-1", null), toUser("bob"),
				new PhoneLine("TK-1", "PN-1", "sip-call-1"));
		assertThat(inbound.getDirection()).isEqualTo(CallDirection.PHONE_TO_APP);
		assertThat(CallParties.phoneSide(inbound)).isEqualTo(Role.CALLER);
		assertThat(CallParties.otherLegIsPhone(inbound, Role.CALLEE)).isTrue();
	}

	@Test
	void appToAppCallHasNoSipLeg() {
		Call call = call(ALICE, toUser("bob"), PhoneLine.NONE);
		assertThat(CallParties.phoneSide(call)).isEqualTo(Role.NONE);
		assertThat(CallParties.otherLegIsPhone(call, Role.CALLER)).isFalse();
	}

	private static Endpoint toUser(String userId) {
		return new Endpoint(Endpoint.INTERNAL, userId, null);
	}

	private static Call call(Party caller, Endpoint to, PhoneLine line) {
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null), to, null, 30,
				ConnectAction.UNLIMITED_CONNECT_TIME, false, false, null);
		Money free = new Money("USD", null, null, null, null, BigDecimal.ZERO, null, null, null, null);
		return Call.calling("CA-1", caller, EndpointType.INTERNAL, connect, false, free, line, Instant.now());
	}

}
