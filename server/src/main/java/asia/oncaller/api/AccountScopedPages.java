package asia.oncaller.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an account's projects, numbers, trunks and rates (entities with {@code id},
 * {@code accountId} and {@code createdAt}), always within the account: by id, or a keyset page
 * newest first. Kept here rather than in each module's repository, because paging is the API's
 * concern and the modules need none of it.
 */
@Component
public class AccountScopedPages {

	@PersistenceContext
	private EntityManager entityManager;

	private final Cursors cursors;

	AccountScopedPages(Cursors cursors) {
		this.cursors = cursors;
	}

	/**
	 * A page of one of the account's listings as views, newest first, continuing after
	 * {@code cursor}. The cursor is bound to the listing and the account, so it cannot be used
	 * with another.
	 * @param listing the listing's name, for the cursor's scope
	 * @param key the creation time and id of an entity
	 */
	public <T, V> Page<V> list(String listing, Class<T> type, String accountId, String cursor, int limit,
			Function<T, Keyset> key, Function<T, V> view) {
		String scope = listing + "\u0001" + accountId;
		List<T> rows = page(type, accountId, Paging.after(this.cursors, scope, cursor), limit + 1);
		return Paging.page(this.cursors, scope, rows, limit, key, view);
	}

	/** The entity with this id if it is the account's; another account's is as absent as none. */
	@Transactional(readOnly = true)
	public <T> Optional<T> find(Class<T> type, String accountId, String id) {
		return this.entityManager
			.createQuery("select e from " + type.getSimpleName() + " e where e.id = :id and e.accountId = :account",
					type)
			.setParameter("id", id)
			.setParameter("account", accountId)
			.getResultStream()
			.findFirst();
	}

	/** Up to {@code limit} entities of the account after {@code after}, newest first. */
	@Transactional(readOnly = true)
	public <T> List<T> page(Class<T> type, String accountId, Keyset after, int limit) {
		String jpql = "select e from " + type.getSimpleName() + " e where e.accountId = :account"
				+ ((after != null) ? " and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))" : "")
				+ " order by e.createdAt desc, e.id desc";
		TypedQuery<T> query = this.entityManager.createQuery(jpql, type)
			.setParameter("account", accountId)
			.setMaxResults(limit);
		if (after != null) {
			query.setParameter("at", after.createdAt()).setParameter("id", after.id());
		}
		return query.getResultList();
	}

}
