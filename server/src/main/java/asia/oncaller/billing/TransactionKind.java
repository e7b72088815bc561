package asia.oncaller.billing;

/** Why a balance changed. */
public enum TransactionKind {

	TOP_UP, CALL_CHARGE, ADJUSTMENT, RECORDING_CHARGE

}
