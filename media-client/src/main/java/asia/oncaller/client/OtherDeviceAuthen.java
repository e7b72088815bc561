package asia.oncaller.client;

/**
 * The {@code otherdeviceauthen} event: another device of the same user came or went.
 *
 * @param status {@code "connected"} or {@code "disconnected"}
 * @param connectionId its connection
 * @param deviceId its device
 * @param platform its platform
 */
public record OtherDeviceAuthen(String status, String connectionId, String deviceId, String platform) {
}
