package asia.oncaller.tenant;

/** Whether an account may place and receive calls. */
public enum AccountStatus {

	ACTIVE, SUSPENDED, CLOSED

}
