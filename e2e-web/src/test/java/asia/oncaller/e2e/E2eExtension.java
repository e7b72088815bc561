package asia.oncaller.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the {@link E2eEnvironment} to tests. It is started by the first test that asks and
 * kept in the root store, which closes it when the whole run is over: one server and one
 * Chromium for every browser test, because starting them is most of the cost.
 */
class E2eExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(E2eExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == E2eEnvironment.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(E2eEnvironment.class, (key) -> E2eEnvironment.start(), E2eEnvironment.class);
	}

}
