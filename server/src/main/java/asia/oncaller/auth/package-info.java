/** Tokens: issuing and verifying the HS256 JWTs of clients, projects and accounts. */
package asia.oncaller.auth;
