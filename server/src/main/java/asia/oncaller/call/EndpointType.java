package asia.oncaller.call;

/** A call party: an app user ({@code internal}) or a phone number ({@code external}). */
public enum EndpointType {

	INTERNAL, EXTERNAL

}
