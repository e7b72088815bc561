package asia.oncaller.billing;

/**
 * What a rate prices: calls between app users, calls to phone numbers, or minutes of recording
 * (its prefix is empty: one price per account).
 */
public enum RatedCallType {

	INTERNAL, EXTERNAL, RECORD

}
