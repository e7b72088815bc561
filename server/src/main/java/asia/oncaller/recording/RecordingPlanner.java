package asia.oncaller.recording;

import java.util.List;

import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.common.Sids;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.RecordAction;
import asia.oncaller.control.SccoAction;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes, in the transaction that places a call, that its SCCO asks for a recording: a
 * {@code record} action before its {@code connect} (after it, the call is over by the time the
 * action would run, as in the product this API was modelled on).
 */
@Component
class RecordingPlanner {

	private final Recordings recordings;

	RecordingPlanner(Recordings recordings) {
		this.recordings = recordings;
	}

	@EventListener
	void placed(CallLifecycleEvent.Created created) {
		RecordAction record = recordBeforeConnect(created.scco().actions());
		if (record == null || created.call().status().isFinal()) {
			return;
		}
		// mp4 is a format of the reference product's video calls; a call's audio is kept as MP3.
		String format = "wav".equals(record.format()) ? "wav" : "mp3";
		String id = Sids.newSid("rec-");
		this.recordings.insertPending(id, created.call().id(), created.call().accountId(),
				created.call().projectId(), "record", format, record.recordStereo(), record.eventUrl());
		if (!CallRecorder.mediaPassesRtpEngine(created.call())) {
			this.recordings.failed(id, CallRecorder.NOT_THROUGH_THE_SERVER);
		}
	}

	static RecordAction recordBeforeConnect(List<SccoAction> actions) {
		for (SccoAction action : actions) {
			if (action instanceof ConnectAction) {
				return null;
			}
			if (action instanceof RecordAction record) {
				return record;
			}
		}
		return null;
	}

}
