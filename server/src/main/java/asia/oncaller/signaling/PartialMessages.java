package asia.oncaller.signaling;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
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

	private final int pieceSize;

	/**
	 * @param delegate Spring's STOMP handler
	 * @param pieceSize the chars of text the container buffers per connection before passing a
	 * piece on
	 */
	PartialMessages(WebSocketHandler delegate, int pieceSize) {
		super(delegate);
		this.pieceSize = pieceSize;
	}

	/**
	 * Spring's STOMP handler raises the connection's text buffer to 16 KB chars (33 KB), the
	 * least STOMP needs when a frame must arrive whole; pieces need no more than the piece size.
	 */
	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		super.afterConnectionEstablished(session);
		session.setTextMessageSizeLimit(this.pieceSize);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

}
