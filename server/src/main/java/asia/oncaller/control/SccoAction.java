package asia.oncaller.control;

/**
 * One action of an SCCO, one record per {@code action} name. Synchronous actions
 * ({@code connect}, {@code input}) block the next; the others run alongside it.
 */
public sealed interface SccoAction
		permits ConnectAction, RecordAction, RecordMessageAction, TalkAction, PlayAction, StreamAction, InputAction {

}
