package asia.oncaller.client.internal.media;

import java.util.List;

import asia.oncaller.client.OnCallerException;
import asia.oncaller.client.VideoResolution;

/**
 * What {@link MediaSession#prepare()} made: the payload of {@code addlocalstream}. A record of
 * its own because the public {@code LocalStream} wraps it.
 */
public record LocalInfo(String audioDescription, String videoDescription, VideoResolution resolution,
		TrackSinks videoPreview, List<OnCallerException> warnings) {
}
