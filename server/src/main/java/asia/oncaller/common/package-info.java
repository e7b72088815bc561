/** Small helpers shared by every module: identifiers and secrets. */
package asia.oncaller.common;
