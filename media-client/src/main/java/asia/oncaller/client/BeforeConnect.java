package asia.oncaller.client;

/**
 * The token hook, like stompjs {@code beforeConnect}: called before every connection attempt,
 * including automatic reconnections and the retry after an expired token ({@code authen} r=6),
 * on a worker thread, so it may fetch a new token from the application's server.
 *
 * <pre>{@code client.setBeforeConnect(current -> myServer.fetchToken("alice"));}</pre>
 */
@FunctionalInterface
public interface BeforeConnect {

	/**
	 * @param currentToken the token used last ({@code null} at first)
	 * @return the token to connect with
	 * @throws Exception when no token can be had; the attempt counts as failed and is retried later
	 */
	String token(String currentToken) throws Exception;

}
