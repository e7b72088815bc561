package asia.oncaller.signaling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Smaller buffers for each of Tomcat's connections, since a signed-in client keeps its
 * WebSocket open, idle, for hours: Tomcat gives every connection a read and a write buffer of
 * 8 KB and every WebSocket an input, an output and an encoder buffer of 8 KB more, whether or not
 * anything is sent. 1 KB each is plenty for STOMP frames of a few hundred bytes; larger ones
 * (SDPs) simply take a few reads or writes, and a write larger than the buffer goes to the socket
 * directly. Measured in docs/performance.md, "Memory per connected client".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TomcatConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final int BUFFER_BYTES = 1024;

	/**
	 * Tomcat reads it once, when its WebSocket classes load (as the server starts, after this
	 * customizer ran); a value given on the command line wins.
	 */
	private static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
			System.setProperty(WEBSOCKET_BUFFER_PROPERTY, String.valueOf(BUFFER_BYTES));
		}
		factory.addConnectorCustomizers((connector) -> {
			connector.setProperty("socket.appReadBufSize", String.valueOf(BUFFER_BYTES));
			connector.setProperty("socket.appWriteBufSize", String.valueOf(BUFFER_BYTES));
		});
	}

}
