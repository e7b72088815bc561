package asia.oncaller.auth;

/** The two kinds of REST token of PROTOCOL §1, told apart by their issuer. */
public enum RestTokenKind {

	/** Issued by a project's API key ({@code iss = SK…}): call control and the project's call records. */
	PROJECT,

	/** Issued by an account ({@code iss = AC…}): management and the whole account's call records. */
	ACCOUNT

}
