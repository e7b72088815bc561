package asia.oncaller;

import org.springframework.test.context.TestContextManager;

/**
 * jqwik runs its properties on its own engine, where Spring's JUnit Jupiter extension never
 * sees them. A property class calls this before its tries, so that it gets the same cached test
 * context (and connection pool) as the Jupiter tests of the same configuration, not a new one.
 */
public final class PropertyContext {

	private PropertyContext() {
	}

	/** Injects the test instance's {@code @Autowired} fields and {@code @LocalServerPort}. */
	public static void inject(Object testInstance) throws Exception {
		new TestContextManager(testInstance.getClass()).prepareTestInstance(testInstance);
	}

}
