package asia.oncaller.signaling;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Takes WebSocket messages in pieces, so that the container's per-connection message buffers can
 * be small: Tomcat allocates them for every connection when it opens, at the size of the
 * largest message it must hold whole (with 64 KB frames that was about 200 KB of heap per idle
 * client). STOMP is a stream of frames, and Spring's STOMP decoder of each connection already
 * joins pieces into frames and refuses a frame past the message size limit
 * ({@code setMessageSizeLimit}) with an ERROR frame, code 10, and a close; that limit, not the
 * container's buffer, is now what bounds a frame.
 */
class PartialMessages extends WebSocketHandlerDecorator {

	PartialMessages(WebSocketHandler delegate) {
		super(delegate);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

}
