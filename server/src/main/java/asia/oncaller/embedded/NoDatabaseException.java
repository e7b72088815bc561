package asia.oncaller.embedded;

/** The server was started with no database to use; see {@link NoDatabaseAutoConfiguration}. */
class NoDatabaseException extends IllegalStateException {

	static final String MESSAGE = "No database: set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and "
			+ "SPRING_DATASOURCE_PASSWORD) to a PostgreSQL database, e.g. jdbc:postgresql://db:5432/oncaller.";

	NoDatabaseException() {
		super(MESSAGE);
	}

}
