package io.slacker.web.impl;

import io.slacker.CallMetadata;
import io.slacker.CallOptions;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.web.SlackerGateway;
import io.slacker.web.SlackerGatewayOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The options of the call an HTTP request makes: JSON, its timeout header, its metadata headers and bearer token. */
final class HeaderCallOptions {

  /** The metadata key of a call's own bearer token (docs/protocol.md, section 4). */
  private static final String TOKEN_KEY = "slacker-token";
  private static final String BEARER = "bearer ";
  private static final int PREFIX_LENGTH = SlackerGateway.METADATA_HEADER_PREFIX.length();

  private HeaderCallOptions() {
  }

  /** @throws SlackerException BAD_REQUEST for a timeout header or metadata header that is not valid */
  static CallOptions of(MultiMap headers, SlackerGatewayOptions gateway) {
    String timeout = headers.get(SlackerGateway.TIMEOUT_HEADER);
    return new CallOptions()
        .setSerialization("json")
        .setTimeoutMillis(timeout == null
            ? gateway.getDefaultTimeoutMillis()
            : TimeoutHeader.millis(timeout, gateway.getMaxTimeoutMillis()))
        .setMetadata(metadata(headers));
  }

  private static CallMetadata metadata(MultiMap headers) {
    // A header given twice is one list of values, as HTTP defines it.
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey();
      if (name.regionMatches(true, 0, SlackerGateway.METADATA_HEADER_PREFIX, 0, PREFIX_LENGTH)) {
        String key = name.substring(PREFIX_LENGTH).toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
          throw new SlackerException(StatusCode.BAD_REQUEST,
              "a " + SlackerGateway.METADATA_HEADER_PREFIX + "<key> header needs a key after the prefix");
        }
        values.merge(key, header.getValue(), (first, next) -> first + "," + next);
      }
    }
    String authorization = headers.get(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      values.put(TOKEN_KEY, authorization.substring(BEARER.length()).trim());
    }
    CallMetadata metadata = new CallMetadata();
    values.forEach(metadata::put);
    return metadata;
  }
}
