/** The call aggregate: its state machine, the verbs on it and the call record it becomes. */
package asia.oncaller.call;
