/**
 * Requests the server makes to customers' servers (answer_url, event_url): which addresses they
 * may reach, and the signature that lets a customer verify they came from OnCaller.
 */
package asia.oncaller.outbound;
