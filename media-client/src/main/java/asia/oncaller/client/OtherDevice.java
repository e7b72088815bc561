package asia.oncaller.client;

import java.util.Map;

/**
 * The {@code otherdevice} event: another device of the same user answered ({@code CALL_STATE}
 * 200), rejected ({@code CALL_STATE} 486 or 603) or ended ({@code CALL_END}) the call. In every
 * case the call is over on this device and its media has been released.
 *
 * @param type {@code "CALL_STATE"} or {@code "CALL_END"}
 * @param code 200, 486 or 603 for {@code CALL_STATE}, otherwise {@code null}
 * @param data the server's {@code data} object as received
 */
public record OtherDevice(String type, Integer code, Map<String, Object> data) {

	/** @return whether another device answered */
	public boolean isAnsweredElsewhere() {
		return "CALL_STATE".equals(this.type) && this.code != null && this.code == 200;
	}

}
