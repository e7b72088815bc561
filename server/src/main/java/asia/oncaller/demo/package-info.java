/**
 * Demo mode: a ready tenant and a token endpoint, so that a fresh checkout can place calls at
 * once. On by default only with the embedded database; never on in production unless asked.
 */
package asia.oncaller.demo;
