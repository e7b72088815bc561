package asia.oncaller.control;

import asia.oncaller.auth.RestRateLimitedException;
import asia.oncaller.limits.KeyedRateLimiter;
import asia.oncaller.limits.LimitsProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request rate per source address for the built-in SCCO helper over HTTP
 * ({@code oncaller.limits.scco-helper-per-address-per-second}): the helper is public, as an
 * answer_url must be, so without it anybody could make the server read a project for every
 * request of a flood. Past the rate a request gets 429 with {@code Retry-After} and nothing is
 * read; a call whose answer_url got it fails as any call whose answer_url fails (code 1). This
 * server's own calls ask its helper in-process ({@link SccoHelperRequest}) and spend none of it.
 */
@Configuration(proxyBeanMethods = false)
class SccoHelperRate implements WebMvcConfigurer, HandlerInterceptor {

	private final KeyedRateLimiter addresses;

	private final int perSecond;

	SccoHelperRate(LimitsProperties limits) {
		this.addresses = new KeyedRateLimiter(limits.maxKeys());
		this.perSecond = limits.sccoHelperPerAddressPerSecond();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(SccoHelper.PATH);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.addresses.tryAcquire(request.getRemoteAddr(), this.perSecond)) {
			throw new RestRateLimitedException("Too many requests to the SCCO helper from this address",
					KeyedRateLimiter.PERIOD);
		}
		return true;
	}

}
