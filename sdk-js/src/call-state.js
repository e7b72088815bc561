/**
 * The call's state, explicit: where a call may move next, and which verbs apply in each state.
 * A verb outside its states is not sent; its callback gets r=-1 (INVALID_STATE) instead.
 *
 *   outgoing: new -> making -> calling -> ringing -> answered -> ended
 *   incoming: incoming -> answering -> answered -> ended
 *
 * Every state may move to ended. `answering` may fall back to `incoming` when the answer never
 * left the device (the microphone was refused): the server still rings, so the user may retry
 * or reject.
 */

export const CallState = Object.freeze({
  NEW: 'new',
  MAKING: 'making',
  CALLING: 'calling',
  RINGING: 'ringing',
  INCOMING: 'incoming',
  ANSWERING: 'answering',
  ANSWERED: 'answered',
  ENDED: 'ended',
});

const S = CallState;

const NEXT = Object.freeze({
  [S.NEW]: [S.MAKING],
  [S.MAKING]: [S.CALLING],
  [S.CALLING]: [S.RINGING, S.ANSWERED],
  [S.RINGING]: [S.ANSWERED],
  [S.INCOMING]: [S.ANSWERING],
  [S.ANSWERING]: [S.ANSWERED, S.INCOMING],
  [S.ANSWERED]: [],
  [S.ENDED]: [],
});

/** Whether a call in `from` may move to `to`. */
export function canMoveTo(from, to) {
  if (from === S.ENDED) {
    return false;
  }
  return to === S.ENDED || NEXT[from].includes(to);
}

/** The states in which each verb is sent to the server (or, for local verbs, carried out). */
export const VERB_STATES = Object.freeze({
  makeCall: [S.NEW],
  ringing: [S.INCOMING],
  answer: [S.INCOMING],
  reject: [S.INCOMING],
  // Before the reply to makeCall there is no call id yet: the hangup is sent once it comes.
  hangup: [S.MAKING, S.CALLING, S.RINGING, S.INCOMING, S.ANSWERING, S.ANSWERED],
  sendInfo: [S.CALLING, S.RINGING, S.INCOMING, S.ANSWERED],
  sendDtmf: [S.CALLING, S.RINGING, S.ANSWERED],
  hold: [S.ANSWERED],
  unhold: [S.ANSWERED],
  sendTransfer: [S.ANSWERED],
  upgradeToVideoCall: [S.ANSWERED],
});

/** Whether `verb` applies to a call in `state`. */
export function allows(state, verb) {
  const states = VERB_STATES[verb];
  if (!states) {
    throw new Error(`unknown verb ${verb}`);
  }
  return states.includes(state);
}

/**
 * The state that a server `signalingState` code moves a call to, or null when it moves
 * nothing (1 Calling repeats what the makeCall reply already said).
 */
export function stateForSignaling(code) {
  switch (code) {
    case 2: return S.RINGING;
    case 3: return S.ANSWERED;
    case 5:
    case 6: return S.ENDED;
    default: return null;
  }
}

/** Holds one call's state and refuses backward moves. */
export class StateHolder {
  #state;

  constructor(initial) {
    this.#state = initial;
  }

  get value() {
    return this.#state;
  }

  /** Moves to `next` when allowed; returns whether it moved. */
  moveTo(next) {
    if (!canMoveTo(this.#state, next)) {
      return false;
    }
    this.#state = next;
    return true;
  }
}
