package io.featureviz.api.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 7807 problem document, with the invalid fields of a request in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
