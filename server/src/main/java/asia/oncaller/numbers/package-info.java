/** Phone numbers (E.164) that an account owns, with the project and trunk that serve them. */
package asia.oncaller.numbers;
