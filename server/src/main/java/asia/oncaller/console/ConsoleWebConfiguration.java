package asia.oncaller.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's page at {@code /console} (its assets are static resources under
 * {@code /console/}) with headers that confine it: scripts, styles and requests from this origin
 * only, no framing, no referrer. The account token it holds lives in the page's memory, so an
 * injected script is the one way to steal it, and the policy leaves none a way in.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

	static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/console").setViewName("forward:/console/index.html");
		registry.addViewController("/console/").setViewName("forward:/console/index.html");
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> consoleHeaders() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setHeader("Content-Security-Policy", POLICY);
						response.setHeader("X-Frame-Options", "DENY");
						response.setHeader("X-Content-Type-Options", "nosniff");
						response.setHeader("Referrer-Policy", "no-referrer");
						// The page is small and changes with every release: always the current one.
						response.setHeader("Cache-Control", "no-cache");
						chain.doFilter(request, response);
					}

				});
		registration.addUrlPatterns("/console", "/console/*");
		return registration;
	}

}
