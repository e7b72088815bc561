package asia.oncaller.outbound;

/** A customer's URL that the {@link AddressGuard} will not let the server fetch. */
class RefusedAddressException extends RuntimeException {

	RefusedAddressException(String reason) {
		super("Refused address: " + reason);
	}

}
