package asia.oncaller.call;

/**
 * An anchored app-to-app call's offer and answer have both gone through rtpengine: from now on
 * rtpengine knows the call and relays its media both ways, so it can be recorded. Published in
 * the transaction that relayed the answer; not a customer's event. An app's offer may come after
 * the call is answered (an SDK answers on {@code incomingCall} while the caller still gathers its
 * offer), so this can be later than {@link CallLifecycleEvent.Answered}, or earlier.
 * @param call the call as the relay read it
 */
public record AnchoredMediaNegotiated(CallSnapshot call) {
}
