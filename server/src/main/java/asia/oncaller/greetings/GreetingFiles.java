package asia.oncaller.greetings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import asia.oncaller.common.Hashes;
import asia.oncaller.common.Sids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's greeting files: stored, listed, deleted, and made playable. A name is unique
 * within its account only; every query names the account, so one account never sees another's.
 */
@Service
public class GreetingFiles {

	private final JdbcClient jdbc;

	private final GreetingProperties properties;

	GreetingFiles(JdbcClient jdbc, GreetingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** A stored file as listed: never its bytes. */
	record Info(String id, String name, String contentType, int size, Instant createdAt) {
	}

	/** What became of an upload. */
	enum Stored {

		CREATED, REPLACED, TOO_MANY

	}

	/**
	 * Stores the file under its name, replacing the account's file of that name. The account row
	 * is locked first, so two uploads at once cannot both pass the count limit.
	 */
	@Transactional
	Stored store(String accountId, String name, AudioFormat format, byte[] data) {
		this.jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(accountId).query().singleRow();
		int replaced = this.jdbc
			.sql("UPDATE greeting_file SET content_type = ?, size_bytes = ?, sha256 = ?, data = ?, created_at = now()"
					+ " WHERE account_id = ? AND name = ?")
			.params(format.contentType, data.length, Hashes.sha256(data), data, accountId, name)
			.update();
		if (replaced > 0) {
			return Stored.REPLACED;
		}
		long count = this.jdbc.sql("SELECT count(*) FROM greeting_file WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
		if (count >= this.properties.maxFiles()) {
			return Stored.TOO_MANY;
		}
		this.jdbc
			.sql("INSERT INTO greeting_file (id, account_id, name, content_type, size_bytes, sha256, data)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(Sids.newSid("GF"), accountId, name, format.contentType, data.length, Hashes.sha256(data), data)
			.update();
		return Stored.CREATED;
	}

	List<Info> list(String accountId) {
		return this.jdbc
			.sql("SELECT id, name, content_type, size_bytes, created_at FROM greeting_file WHERE account_id = ?"
					+ " ORDER BY name")
			.param(accountId)
			.query((row, i) -> new Info(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
					row.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Whether the account had a file of that name. */
	boolean delete(String accountId, String name) {
		return this.jdbc.sql("DELETE FROM greeting_file WHERE account_id = ? AND name = ?")
			.params(accountId, name)
			.update() > 0;
	}

	/** What playing a stored file needs first: its content's hash, which names its copy on disk. */
	public record Playable(String sha256, String extension) {
	}

	/**
	 * The account's file of that name, to be played.
	 * @return empty when the account has no file of that name
	 */
	public Optional<Playable> playable(String accountId, String name) {
		return this.jdbc.sql("SELECT sha256, content_type FROM greeting_file WHERE account_id = ? AND name = ?")
			.params(accountId, name)
			.query((row, i) -> new Playable(row.getString(1),
					AudioFormat.ofContentType(row.getString(2)).orElseThrow().extension))
			.optional();
	}

	/**
	 * The bytes of the account's file of that name, if it still has that content.
	 * @return empty when the file was replaced or deleted since {@link #playable} read it
	 */
	public Optional<byte[]> content(String accountId, String name, String sha256) {
		return this.jdbc.sql("SELECT data FROM greeting_file WHERE account_id = ? AND name = ? AND sha256 = ?")
			.params(accountId, name, sha256)
			.query((row, i) -> row.getBytes(1))
			.optional();
	}

}
