/** Accounts (paying customers) and their projects (apps with an answer_url and API keys). */
package asia.oncaller.tenant;
