/** Tokens: issuing and verifying the HS256 JWTs of clients, projects and accounts. */
@ApplicationModule(allowedDependencies = { "common", "limits", "tenant" })
package asia.oncaller.auth;

import org.springframework.modulith.ApplicationModule;
