package asia.oncaller.billing;

/** What a rate prices: calls between app users, or calls to phone numbers. */
public enum RatedCallType {

	INTERNAL, EXTERNAL

}
