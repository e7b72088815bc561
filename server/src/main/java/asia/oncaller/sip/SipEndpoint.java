package asia.oncaller.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The JAIN-SIP stack: one provider listening on UDP and TCP on the same port. Its one event
 * thread keeps a peer's messages in the order they came (a 180 closely followed by a 200 would
 * otherwise be seen out of order); listeners hand their work to {@link PhoneLeg}s at once.
 */
class SipEndpoint implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);

	/** How many free ports a start with port 0 tries. */
	private static final int FREE_PORT_ATTEMPTS = 5;

	private static final AtomicInteger STACKS = new AtomicInteger();

	private final SipProperties properties;

	private final ObjectProvider<SipListener> listener;

	private final SipFactory factory;

	private final AddressFactory addresses;

	private final HeaderFactory headers;

	private final MessageFactory messages;

	private SipStack stack;

	private SipProvider provider;

	private int port;

	/** The listener is looked up at start: it needs this endpoint to answer with. */
	SipEndpoint(SipProperties properties, ObjectProvider<SipListener> listener) {
		this.properties = properties;
		this.listener = listener;
		this.factory = SipFactory.getInstance();
		this.factory.setPathName("gov.nist");
		try {
			this.addresses = this.factory.createAddressFactory();
			this.headers = this.factory.createHeaderFactory();
			this.messages = this.factory.createMessageFactory();
		}
		catch (javax.sip.PeerUnavailableException ex) {
			throw new IllegalStateException("JAIN-SIP is not on the class path", ex);
		}
	}

	/**
	 * Starts the stack on the configured port, or on a free one when that is 0. A free port is
	 * free for UDP when chosen and may be taken (for TCP, or by anyone) before the stack binds it,
	 * so that case tries a few ports before giving up; tests, which start and resume many
	 * contexts, meet this race.
	 */
	@Override
	public synchronized void start() {
		int attempts = (this.properties.port() != 0) ? 1 : FREE_PORT_ATTEMPTS;
		for (int attempt = 1;; attempt++) {
			try {
				startOn((this.properties.port() != 0) ? this.properties.port() : freePort(this.properties.host()));
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == attempts) {
					throw ex;
				}
				log.info("SIP endpoint could not start on a free port, trying another: {}", ex.getMessage());
			}
		}
	}

	private void startOn(int port) {
		Properties stackProperties = new Properties();
		// The name must be unique in the JVM (tests run several application contexts); it is also
		// the logger JAIN-SIP logs under, hence the "jainsip" prefix that logging levels can name.
		stackProperties.setProperty("javax.sip.STACK_NAME", "jainsip.stack-" + STACKS.incrementAndGet());
		stackProperties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
		stackProperties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
		stackProperties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
		try {
			this.stack = this.factory.createSipStack(stackProperties);
			this.port = port;
			ListeningPoint udp = this.stack.createListeningPoint(this.properties.host(), port, ListeningPoint.UDP);
			ListeningPoint tcp = this.stack.createListeningPoint(this.properties.host(), port, ListeningPoint.TCP);
			this.provider = this.stack.createSipProvider(udp);
			this.provider.addListeningPoint(tcp);
			this.provider.addSipListener(this.listener.getObject());
			this.stack.start();
		}
		catch (javax.sip.PeerUnavailableException | javax.sip.InvalidArgumentException
				| javax.sip.TransportNotSupportedException | javax.sip.ObjectInUseException
				| TooManyListenersException ex) {
			abandonStack();
			throw new IllegalStateException("SIP endpoint could not start on " + this.properties.host() + ":" + port,
					ex);
		}
		catch (SipException ex) {
			abandonStack();
			throw new IllegalStateException("SIP endpoint could not start", ex);
		}
	}

	@Override
	public synchronized void stop() {
		stopStack();
	}

	/** Stops a stack that did not finish starting: JAIN-SIP fails to stop a TCP side that never bound. */
	private void abandonStack() {
		try {
			stopStack();
		}
		catch (RuntimeException ex) {
			log.debug("Half-started SIP stack left to the garbage collector", ex);
			this.stack = null;
			this.provider = null;
		}
	}

	private void stopStack() {
		if (this.stack != null) {
			this.stack.stop();
			this.stack = null;
			this.provider = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.stack != null;
	}

	/** Stops after the signaling that feeds it and before the database it writes to. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	SipProvider provider() {
		return this.provider;
	}

	AddressFactory addresses() {
		return this.addresses;
	}

	HeaderFactory headers() {
		return this.headers;
	}

	MessageFactory messages() {
		return this.messages;
	}

	SipStack stack() {
		return this.stack;
	}

	/** The address carriers reach this endpoint at, as Via, From and Contact carry it. */
	String host() {
		return this.properties.addressInMessages();
	}

	/** The port it listens on, once started. */
	int port() {
		return this.port;
	}

	private static int freePort(String host) {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
