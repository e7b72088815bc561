package asia.oncaller.call;

/** Which networks a call joins. */
public enum CallDirection {

	APP_TO_APP, APP_TO_PHONE, PHONE_TO_APP

}
