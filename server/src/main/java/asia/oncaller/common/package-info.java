/** Small helpers shared by every module: identifiers, secrets and the clock. */
package asia.oncaller.common;
