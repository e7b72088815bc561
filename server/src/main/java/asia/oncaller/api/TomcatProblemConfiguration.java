package asia.oncaller.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Makes {@link TomcatProblemValve} the error report valve of Tomcat's host: the host creates its
 * valve by class name when it starts, unless one of that class is there. Spring Boot adds a plain
 * {@link ErrorReportValve} of its own (when stack traces are never shown), which would answer
 * first; it is removed. Ordered last, so that this context customizer runs after Boot's.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblemConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			StandardHost host = (StandardHost) context.getParent();
			host.setErrorReportValveClass(TomcatProblemValve.class.getName());
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof TomcatProblemValve)) {
					host.getPipeline().removeValve(valve);
				}
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
