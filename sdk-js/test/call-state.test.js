// The call state machine, table-driven: every state x every verb has one expected outcome, and
// moves only go forward (answering -> incoming is the one documented way back).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CallState, StateHolder, VERB_STATES, allows, canMoveTo, stateForSignaling } from '../src/call-state.js';

const S = CallState;
const STATES = Object.values(S);

// Which verbs apply in which state: one row per state, in VERB_STATES order.
const EXPECTED = {
  [S.NEW]: ['makeCall'],
  [S.MAKING]: ['hangup'],
  [S.CALLING]: ['hangup', 'sendInfo', 'sendDtmf'],
  [S.RINGING]: ['hangup', 'sendInfo', 'sendDtmf'],
  [S.INCOMING]: ['ringing', 'answer', 'reject', 'hangup', 'sendInfo'],
  [S.ANSWERING]: ['hangup'],
  [S.ANSWERED]: ['hangup', 'sendInfo', 'sendDtmf', 'hold', 'unhold', 'sendTransfer', 'upgradeToVideoCall'],
  [S.ENDED]: [],
};

for (const state of STATES) {
  for (const verb of Object.keys(VERB_STATES)) {
    const expected = EXPECTED[state].includes(verb);
    test(`${verb} is ${expected ? 'sent' : 'refused with r=-1'} when the call is ${state}`, () => {
      assert.equal(allows(state, verb), expected);
    });
  }
}

test('an unknown verb is a programming error', () => {
  assert.throws(() => allows(S.NEW, 'explode'), /unknown verb/);
});

test('every state may end, and an ended call moves nowhere', () => {
  for (const state of STATES.filter((s) => s !== S.ENDED)) {
    assert.equal(canMoveTo(state, S.ENDED), true, state);
  }
  for (const state of STATES) {
    assert.equal(canMoveTo(S.ENDED, state), false, state);
  }
});

test('moves go forward only', () => {
  const forward = [[S.NEW, S.MAKING], [S.MAKING, S.CALLING], [S.CALLING, S.RINGING], [S.CALLING, S.ANSWERED],
    [S.RINGING, S.ANSWERED], [S.INCOMING, S.ANSWERING], [S.ANSWERING, S.ANSWERED], [S.ANSWERING, S.INCOMING]];
  for (const from of STATES) {
    for (const to of STATES.filter((s) => s !== S.ENDED)) {
      const allowed = forward.some(([f, t]) => f === from && t === to);
      assert.equal(canMoveTo(from, to), allowed, `${from} -> ${to}`);
    }
  }
});

test('StateHolder refuses a move back and reports it', () => {
  const holder = new StateHolder(S.NEW);
  assert.equal(holder.moveTo(S.MAKING), true);
  assert.equal(holder.moveTo(S.NEW), false);
  assert.equal(holder.value, S.MAKING);
});

test('signalingState codes map to states; 1 and the never-sent 4 move nothing', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(stateForSignaling), [null, S.RINGING, S.ANSWERED, null, S.ENDED, S.ENDED]);
});
