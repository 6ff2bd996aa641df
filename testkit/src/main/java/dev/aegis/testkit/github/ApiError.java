package dev.aegis.testkit.github;

/** An error answer a route gives; the server turns it into GitHub's error body. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;
  private final String code;

  private ApiError(int status, String message, String field, String code) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.code = code;
  }

  static ApiError notFound() {
    return new ApiError(404, "Not Found", null, null);
  }

  static ApiError status(int status, String message) {
    return new ApiError(status, message, null, null);
  }

  /** 422 with a plain message, as git data endpoints answer ("Reference already exists"). */
  static ApiError unprocessable(String message) {
    return new ApiError(422, message, null, null);
  }

  /** 422 "Validation Failed" with one entry in {@code errors}. */
  static ApiError invalid(String field, String code) {
    return new ApiError(422, "Validation Failed", field, code);
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }

  String code() {
    return code;
  }
}
