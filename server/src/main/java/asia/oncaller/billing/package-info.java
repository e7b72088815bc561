/** Rates, the prepaid balance ledger and the charging of calls. */
package asia.oncaller.billing;
