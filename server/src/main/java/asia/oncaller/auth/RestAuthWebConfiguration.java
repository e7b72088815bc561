package asia.oncaller.auth;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link RestAuthInterceptor} in front of every {@code /v1} path and hands controllers the
 * {@link RestIdentity} it found. A plain interceptor rather than Spring Security: there is one
 * rule (a token per request, its kind per endpoint) and no session, login or CSRF to manage, so
 * a filter chain would add much configuration and nothing this code needs.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthWebConfiguration implements WebMvcConfigurer {

	private final RestAuthInterceptor interceptor;

	RestAuthWebConfiguration(RestAuthInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).addPathPatterns("/v1/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new IdentityResolver());
	}

	/** Resolves a {@link RestIdentity} parameter from what the interceptor verified. */
	private static final class IdentityResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return RestIdentity.class.equals(parameter.getParameterType());
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			Object identity = request.getAttribute(RestAuthInterceptor.IDENTITY_ATTRIBUTE,
					RequestAttributes.SCOPE_REQUEST);
			if (identity == null) {
				// Only a handler outside /v1 asking for an identity gets here: a bug, not a client error.
				throw new IllegalStateException("No REST identity: is the handler under /v1 with @RestTokens?");
			}
			return identity;
		}

	}

}
