package asia.oncaller.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that stands between the server and its PostgreSQL, so that a test can
 * take the database away the two ways networks do: {@link Mode#REFUSE} (the server stopped:
 * every connection closed, new ones refused) and {@link Mode#BLACK_HOLE} (packets dropped:
 * connections are accepted and kept open, but nothing passes either way). A connection that lost
 * bytes in a black hole is cut when the proxy forwards again, as its protocol state is gone.
 */
final class TcpProxy implements AutoCloseable {

	enum Mode {

		FORWARD, REFUSE, BLACK_HOLE

	}

	private final InetSocketAddress target;

	private final int port;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.FORWARD;

	private volatile ServerSocket listener;

	TcpProxy(InetSocketAddress target) throws IOException {
		this.target = target;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		acceptOn(this.listener);
	}

	int port() {
		return this.port;
	}

	/** Switches mode; existing connections follow at once. */
	synchronized void mode(Mode next) throws IOException {
		Mode previous = this.mode;
		this.mode = next;
		if (next == Mode.REFUSE) {
			this.listener.close();
			this.links.forEach(Link::close);
		}
		else if (previous == Mode.REFUSE) {
			this.listener = listen(this.port);
			acceptOn(this.listener);
		}
		if (next == Mode.FORWARD) {
			this.links.stream().filter((link) -> link.broken).forEach(Link::close);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		this.mode = Mode.REFUSE;
		this.listener.close();
		this.links.forEach(Link::close);
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		return socket;
	}

	private void acceptOn(ServerSocket socket) {
		daemon("proxy-accept-" + this.port, () -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					new Link(client).start();
				}
				catch (IOException ex) {
					// Closed by mode(REFUSE) or close(): this listener is done.
				}
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** One client connection and, unless it came in a black hole, its upstream twin. */
	private final class Link {

		private final Socket client;

		private volatile Socket upstream;

		private volatile boolean broken;

		Link(Socket client) {
			this.client = client;
		}

		void start() {
			TcpProxy.this.links.add(this);
			if (TcpProxy.this.mode == Mode.REFUSE) {
				// Accepted just before the listener closed.
				close();
				return;
			}
			if (TcpProxy.this.mode == Mode.BLACK_HOLE) {
				// Accepted, but the database never hears of it.
				this.broken = true;
				daemon("proxy-drop", () -> pump(this.client, null));
				return;
			}
			try {
				this.upstream = new Socket();
				this.upstream.connect(TcpProxy.this.target, 2000);
			}
			catch (IOException ex) {
				close();
				return;
			}
			daemon("proxy-up", () -> pump(this.client, this.upstream));
			daemon("proxy-down", () -> pump(this.upstream, this.client));
		}

		/** Copies bytes until either side closes; in a black hole they are dropped instead. */
		private void pump(Socket from, Socket to) {
			byte[] buffer = new byte[16 * 1024];
			try {
				InputStream in = from.getInputStream();
				OutputStream out = (to != null) ? to.getOutputStream() : null;
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					if (this.broken || TcpProxy.this.mode != Mode.FORWARD) {
						this.broken = true;
						continue;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// Closed by the other pump, by mode() or by the peer: the link is over either way.
			}
			close();
		}

		void close() {
			TcpProxy.this.links.remove(this);
			closeQuietly(this.client);
			closeQuietly(this.upstream);
		}

		private static void closeQuietly(Socket socket) {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Nothing to do for a socket that will not close.
				}
			}
		}

	}

}
