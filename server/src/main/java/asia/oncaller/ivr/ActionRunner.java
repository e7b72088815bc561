package asia.oncaller.ivr;

import asia.oncaller.control.SccoAction;

/**
 * Carries out one kind of SCCO action on a call. A Spring bean of this type is found by
 * {@link SccoRunner} through {@link #kind()}; an action with no runner is skipped (logged).
 *
 * @param <A> the kind of action
 */
public interface ActionRunner<A extends SccoAction> {

	/** The action record this runner carries out. */
	Class<A> kind();

	/**
	 * Carries out the action. Blocking is allowed (the call has its own thread); a hangup
	 * interrupts it.
	 * @return what the runner does next: {@link Step#next()}, or wait for what plays, or replace
	 * the rest of the SCCO
	 * @throws InterruptedException when the call ended meanwhile
	 */
	Step run(IvrCall call, A action) throws InterruptedException;

}
