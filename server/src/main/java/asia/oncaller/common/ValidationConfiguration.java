package asia.oncaller.common;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@code Validator} reaches every property it validates. Hibernate Validator's
 * default, with JPA on the class path, asks JPA for each property whether it is loaded yet, so as
 * not to load a lazy association: the application only validates request records and settings,
 * never entities (Hibernate ORM validates those with a validator of its own), and the question
 * was a fifth of the time spent validating a call verb's request (docs/performance.md, "Events
 * written directly").
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

	@Bean
	ValidationConfigurationCustomizer everyPropertyReachable() {
		return (configuration) -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	private static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
			return true;
		}

		@Override
		public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
			return true;
		}

	}

}
