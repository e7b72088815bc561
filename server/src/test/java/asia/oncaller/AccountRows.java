package asia.oncaller;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row that belongs to one account, as text, so that a hostile-input test can show that
 * nothing of the account changed: its balance, projects, numbers, trunks, rates, calls, ledger
 * and webhook events. New columns are covered without touching this class.
 */
public final class AccountRows {

	private static final List<String> TABLES = List.of("project", "sip_trunk", "phone_number", "rate", "call",
			"balance_transaction", "webhook_event");

	private AccountRows() {
	}

	public static List<String> of(JdbcTemplate jdbc, String accountId) {
		List<String> rows = new ArrayList<>(
				jdbc.queryForList("SELECT a::text FROM account a WHERE id = ?", String.class, accountId));
		for (String table : TABLES) {
			rows.addAll(jdbc.queryForList("SELECT t::text FROM " + table + " t WHERE account_id = ? ORDER BY 1",
					String.class, accountId));
		}
		return rows;
	}

}
