package asia.oncaller.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds and reads the SIP messages the server exchanges with carriers. */
class SipMessages {

	private final SipEndpoint endpoint;

	SipMessages(SipEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** A new INVITE to {@code toNumber} at the trunk, from {@code fromNumber} as the caller id. */
	Request invite(PhoneLeg leg, String fromNumber, String fromAlias, String toNumber, String sdp)
			throws ParseException, InvalidArgumentException {
		PhoneLeg.Trunk trunk = leg.trunk;
		SipURI target = this.endpoint.addresses().createSipURI(toNumber, trunk.host());
		target.setPort(trunk.port());
		target.setTransportParam(trunk.transport());
		Address from = this.endpoint.addresses()
			.createAddress(this.endpoint.addresses().createSipURI(fromNumber, this.endpoint.host()));
		if (fromAlias != null && !fromAlias.isBlank()) {
			from.setDisplayName(fromAlias);
		}
		Address to = this.endpoint.addresses()
			.createAddress(this.endpoint.addresses().createSipURI(toNumber, trunk.host()));
		ViaHeader via = this.endpoint.headers()
			.createViaHeader(this.endpoint.host(), this.endpoint.port(), trunk.transport(), null);
		CallIdHeader callId = this.endpoint.headers().createCallIdHeader(leg.sipCallId);
		Request invite = this.endpoint.messages()
			.createRequest(target, Request.INVITE, callId, this.endpoint.headers().createCSeqHeader(1L, Request.INVITE),
					this.endpoint.headers().createFromHeader(from, leg.localTag),
					this.endpoint.headers().createToHeader(to, null), List.of(via),
					this.endpoint.headers().createMaxForwardsHeader(70), sdpType(), bytes(sdp));
		invite.addHeader(contact(fromNumber, trunk.transport()));
		return invite;
	}

	/** A request inside the leg's dialog, such as a re-INVITE or an INFO, with an optional body. */
	Request inDialog(PhoneLeg leg, String method, ContentTypeHeader type, String body)
			throws SipException, ParseException {
		Request request = leg.dialog.createRequest(method);
		if (Request.INVITE.equals(method)) {
			request.addHeader(contact(user(leg.dialog.getLocalParty().getURI()), leg.trunk.transport()));
		}
		if (body != null) {
			request.setContent(bytes(body), type);
		}
		return request;
	}

	/** Hangs up the leg's established dialog. */
	void bye(PhoneLeg leg) throws SipException {
		Request bye = leg.dialog.createRequest(Request.BYE);
		leg.dialog.sendRequest(this.endpoint.provider().getNewClientTransaction(bye));
	}

	/**
	 * A BYE in a dialog this node's stack does not hold, from what PostgreSQL kept of it: another
	 * node established it and is gone (RFC 3261 §12.2.1.1: its route set, remote target and a
	 * CSeq above the last one sent). The carrier answers this node, the Via's.
	 */
	Request bye(PhoneDialog dialog) throws ParseException, InvalidArgumentException {
		AddressFactory addresses = this.endpoint.addresses();
		HeaderFactory headers = this.endpoint.headers();
		Address target = addresses.createAddress(dialog.remoteTarget());
		Request bye = this.endpoint.messages()
			.createRequest(target.getURI(), Request.BYE, headers.createCallIdHeader(dialog.sipCallId()),
					headers.createCSeqHeader(dialog.localCseq() + 1, Request.BYE),
					headers.createFromHeader(addresses.createAddress(dialog.localUri()), dialog.localTag()),
					headers.createToHeader(addresses.createAddress(dialog.remoteUri()), dialog.remoteTag()),
					List.of(headers.createViaHeader(this.endpoint.host(), this.endpoint.port(), dialog.transport(), null)),
					headers.createMaxForwardsHeader(70));
		for (String route : dialog.routeSet()) {
			bye.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
		}
		return bye;
	}

	/** Answers the request with our tag on it; {@code reason} replaces the standard phrase when given. */
	Response response(Request request, int code, String tag, String reason) throws ParseException {
		Response response = this.endpoint.messages().createResponse(code, request);
		ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
		if (tag != null && to.getTag() == null) {
			to.setTag(tag);
		}
		if (reason != null) {
			response.setReasonPhrase(reason);
		}
		return response;
	}

	/** 503 Service Unavailable with a Retry-After, for a request that came while the node is full. */
	Response unavailable(Request request, int retryAfterSeconds) throws ParseException, InvalidArgumentException {
		Response response = response(request, Response.SERVICE_UNAVAILABLE, null, null);
		response.addHeader(this.endpoint.headers().createRetryAfterHeader(retryAfterSeconds));
		return response;
	}

	/** A 2xx with our Contact and, when given, an SDP body. */
	Response ok(Request request, String tag, String transport, String sdp) throws ParseException {
		Response ok = response(request, Response.OK, tag, null);
		ok.addHeader(contact(user(request.getRequestURI()), transport));
		if (sdp != null) {
			ok.setContent(bytes(sdp), sdpType());
		}
		return ok;
	}

	ContentTypeHeader sdpType() throws ParseException {
		return this.endpoint.headers().createContentTypeHeader("application", "sdp");
	}

	ContentTypeHeader dtmfRelayType() throws ParseException {
		return this.endpoint.headers().createContentTypeHeader("application", "dtmf-relay");
	}

	/** The message body as text, or {@code null} when it has none. */
	static String body(Message message) {
		byte[] raw = message.getRawContent();
		return (raw == null || raw.length == 0) ? null : new String(raw, StandardCharsets.UTF_8);
	}

	static String sipCallId(Message message) {
		return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
	}

	static CSeqHeader cseq(Message message) {
		return (CSeqHeader) message.getHeader(CSeqHeader.NAME);
	}

	static String fromTag(Message message) {
		return ((FromHeader) message.getHeader(FromHeader.NAME)).getTag();
	}

	static String toTag(Message message) {
		return ((ToHeader) message.getHeader(ToHeader.NAME)).getTag();
	}

	/** The user part of a SIP URI (a phone number here), or {@code null} for other URIs. */
	static String user(URI uri) {
		return (uri instanceof SipURI sip) ? sip.getUser() : null;
	}

	/** The caller id of a request: the user of its From. */
	static String fromUser(Request request) {
		return user(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
	}

	private ContactHeader contact(String user, String transport) throws ParseException {
		SipURI uri = this.endpoint.addresses().createSipURI(user, this.endpoint.host());
		uri.setPort(this.endpoint.port());
		uri.setTransportParam(transport);
		return this.endpoint.headers().createContactHeader(this.endpoint.addresses().createAddress(uri));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
