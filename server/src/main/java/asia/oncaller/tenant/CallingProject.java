package asia.oncaller.tenant;

/**
 * What placing a call needs of its project, read with the call's admission in one statement over
 * plain JDBC (see {@code asia.oncaller.call.AdmissionReader}) rather than as a {@link Project}
 * entity: where the call is decided and reported, and what signs those requests.
 *
 * @param id the project's id
 * @param answerUrl the URL that decides where its calls go, or {@code null}
 * @param eventUrl the URL that hears what happened to its calls, or {@code null}
 * @param signingSecret signs the requests to both
 * @param clientChosenCallerNames whether the built-in SCCO helper shows the caller name an app
 * user chose (see {@link Project#isClientChosenCallerNames()})
 */
public record CallingProject(String id, String answerUrl, String eventUrl, String signingSecret,
		boolean clientChosenCallerNames) {

}
