package org.patientedu.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.stream.Stream;

/**
 * A caller's public keys as an administrator configures them: exactly one of an inline JWKS, a JWKS
 * file or a JWKS URL. Shared by the SMART clients ({@code edu.smart.clients.*}) and the CDS Hooks
 * clients ({@code edu.cds-hooks.clients.*}), so both read and check keys the same way.
 */
public final class ClientKeys {

  private ClientKeys() {}

  /**
   * @param setting the settings prefix, named in errors (e.g. edu.smart.clients.editor-tool)
   * @throws IllegalStateException when not exactly one source is given, or it holds no public keys
   *     or a private one
   */
  public static JWKSource<SecurityContext> publicKeys(
      String setting, String jwks, Path jwksFile, URI jwksUrl) {
    long given =
        Stream.of(jwks, jwksFile, jwksUrl)
            .filter(value -> value != null && !value.toString().isBlank())
            .count();
    if (given != 1) {
      throw new IllegalStateException(
          setting + ": give exactly one of .jwks, .jwks-file, .jwks-url (found " + given + ")");
    }
    try {
      if (jwksUrl != null) {
        return JWKSourceBuilder.create(jwksUrl.toURL()).build();
      }
      String json = jwks != null && !jwks.isBlank() ? jwks : Files.readString(jwksFile);
      JWKSet set = JWKSet.parse(json);
      if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(key -> key.isPrivate())) {
        throw new IllegalStateException(
            setting + ": the JWKS must hold the client's public keys, and only those");
      }
      return new ImmutableJWKSet<>(set);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(setting + ".jwks-url is not a URL", e);
    } catch (IOException e) {
      throw new UncheckedIOException(setting + ".jwks-file cannot be read", e);
    } catch (ParseException e) {
      throw new IllegalStateException(setting + ": not a JWKS (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ".jwks-url is not a URL", e);
    }
  }
}
