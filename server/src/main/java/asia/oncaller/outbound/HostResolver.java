package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up; the system's DNS in production, a test's answers in tests. */
@FunctionalInterface
interface HostResolver {

	InetAddress[] lookup(String host) throws UnknownHostException;

}
