package asia.oncaller.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay (on 127.0.0.1 unless told) in front of the server that a test can cut, as a network does: every
 * connection through it closes at once with a reset, no WebSocket close frame and no STOMP
 * DISCONNECT, and new connections go through again (a client's reconnect).
 */
final class DroppingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	DroppingProxy(int targetPort) {
		this(InetAddress.getLoopbackAddress(), targetPort);
	}

	/**
	 * A relay listening on {@code address} instead: the server's door for a device on another
	 * network ({@link RemoteCallee}), since the server itself listens on loopback only.
	 */
	DroppingProxy(InetAddress address, int targetPort) {
		this.target = targetPort;
		try {
			this.listener = new ServerSocket(0, 50, address);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("dropping-proxy", this::accept);
	}

	/** @return the WebSocket URL through this relay */
	String webSocketUrl() {
		return "ws://" + this.listener.getInetAddress().getHostAddress() + ":" + this.listener.getLocalPort() + "/ws";
	}

	/** Cuts every connection through the relay, both ways, with a TCP reset. */
	void drop() {
		for (Socket socket : this.sockets) {
			try {
				socket.setSoLinger(true, 0);
				socket.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
		this.sockets.clear();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		drop();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.sockets.add(client);
				this.sockets.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// the listener closed, or the server refused: the client sees a failed connect
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		daemon("dropping-proxy-pipe", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// cut: the other direction ends too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
