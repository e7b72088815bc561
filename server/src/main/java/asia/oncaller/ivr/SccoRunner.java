package asia.oncaller.ivr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.InputAction;
import asia.oncaller.control.Scco;
import asia.oncaller.control.SccoAction;
import asia.oncaller.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs a call's SCCO in order, one thread per call: each action through its
 * {@link ActionRunner}; audio is waited for before the next action unless it may be barged into
 * by the {@code input} that follows; an eventUrl's answer replaces the rest; the first
 * {@code connect} hands the call to its line; the end of the actions hangs up. A hangup stops
 * everything at once. An action that fails (a file that is not there, rtpengine refusing) is
 * skipped, so a bad SCCO never holds a call: it ends or goes on.
 */
@Service
public class SccoRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SccoRunner.class);

	private final Map<Class<?>, ActionRunner<?>> runners;

	private final MediaPlayer player;

	private final int maxActions;

	private final ThreadPoolExecutor threads;

	SccoRunner(List<ActionRunner<?>> runners, MediaPlayer player, IvrProperties properties) {
		this.runners = runners.stream().collect(Collectors.toMap(ActionRunner::kind, Function.identity()));
		this.player = player;
		this.maxActions = properties.maxActions();
		AtomicInteger count = new AtomicInteger();
		this.threads = new ThreadPoolExecutor(properties.maxCalls(), properties.maxCalls(), 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "ivr-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.threads.allowCoreThreadTimeOut(true);
	}

	/**
	 * Starts running the SCCO on the line. Past {@link IvrProperties#maxCalls()} the line is hung
	 * up at once.
	 * @param callId the call's id as its answer_url was told
	 * @param accountId the account whose greeting files it plays
	 * @param signingSecret signs its eventUrl requests
	 * @return the running call, to report digits and the hangup to
	 */
	public IvrCall start(IvrLine line, String callId, Scco scco, String accountId, String signingSecret) {
		IvrCall call = new IvrCall(line, callId, accountId, signingSecret, this.player);
		try {
			this.threads.execute(() -> {
				call.runOn(Thread.currentThread());
				try {
					run(call, scco);
				}
				catch (InterruptedException ex) {
					// The call ended: nothing more to do, rtpengine dropped its media with it.
				}
				catch (RuntimeException ex) {
					log.warn("Call {}: its SCCO failed, hanging up", call.callId(), ex);
					line.hangUp();
				}
				finally {
					Thread.interrupted();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.warn("Call {}: {} calls run SCCOs already, hanging up", callId, this.threads.getMaximumPoolSize());
			line.hangUp();
		}
		return call;
	}

	private void run(IvrCall call, Scco scco) throws InterruptedException {
		List<SccoAction> actions = scco.actions();
		int next = 0;
		int ran = 0;
		Step.Playing playing = null;
		while (!call.ended()) {
			SccoAction action = (next < actions.size()) ? actions.get(next) : null;
			if (playing != null && !(playing.bargeIn() && action instanceof InputAction)) {
				Thread.sleep(playing.length().toMillis());
			}
			playing = null;
			if (action == null) {
				call.line().hangUp();
				return;
			}
			if (++ran > this.maxActions) {
				log.info("Call {}: past {} actions, hanging up", call.callId(), this.maxActions);
				call.line().hangUp();
				return;
			}
			// A connect to a WebSocket is carried out here, as an action (WebSocketConnectRunner).
			if (action instanceof ConnectAction connect && !connect.toWebSocket()) {
				call.line().connect(new CallControlDecision.Connect(connect, new Scco(actions.subList(next, actions.size()))));
				return;
			}
			Step step = step(call, action);
			next++;
			if (step instanceof Step.Playing audio) {
				playing = audio;
			}
			else if (step instanceof Step.Replace replace) {
				List<SccoAction> replacing = actions(replace.decision());
				if (replacing != null) {
					actions = replacing;
					next = 0;
				}
			}
		}
	}

	/** The actions of an eventUrl's answer, or {@code null} when it gave none (the SCCO goes on). */
	private static List<SccoAction> actions(CallControlDecision decision) {
		if (decision instanceof CallControlDecision.Connect connect) {
			return connect.scco().actions();
		}
		if (decision instanceof CallControlDecision.Run run) {
			return run.scco().actions();
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private <A extends SccoAction> Step step(IvrCall call, A action) throws InterruptedException {
		ActionRunner<A> runner = (ActionRunner<A>) this.runners.get(action.getClass());
		if (runner == null) {
			log.info("Call {}: no runner for {} on this server, skipped", call.callId(), action.getClass().getSimpleName());
			return Step.next();
		}
		try {
			return runner.run(call, action);
		}
		catch (RuntimeException ex) {
			if (call.ended()) {
				throw new InterruptedException("call ended");
			}
			log.info("Call {}: {} failed and is skipped: {}", call.callId(), action.getClass().getSimpleName(),
					ex.toString());
			return Step.next();
		}
	}

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

}
