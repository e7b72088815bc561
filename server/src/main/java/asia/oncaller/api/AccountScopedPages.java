package asia.oncaller.api;

import java.util.List;
import java.util.Optional;

import asia.oncaller.billing.BalanceTransaction;
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
class AccountScopedPages {

	@PersistenceContext
	private EntityManager entityManager;

	/** The entity with this id if it is the account's; another account's is as absent as none. */
	@Transactional(readOnly = true)
	<T> Optional<T> find(Class<T> type, String accountId, String id) {
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
	<T> List<T> page(Class<T> type, String accountId, Keyset after, int limit) {
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

	/** Up to {@code limit} ledger rows of the account with an id below {@code beforeId}, newest first. */
	@Transactional(readOnly = true)
	List<BalanceTransaction> ledger(String accountId, Long beforeId, int limit) {
		TypedQuery<BalanceTransaction> query = this.entityManager
			.createQuery("select t from BalanceTransaction t where t.accountId = :account"
					+ ((beforeId != null) ? " and t.id < :before" : "") + " order by t.id desc", BalanceTransaction.class)
			.setParameter("account", accountId)
			.setMaxResults(limit);
		if (beforeId != null) {
			query.setParameter("before", beforeId);
		}
		return query.getResultList();
	}

}
