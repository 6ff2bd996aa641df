package dev.aegis.testkit.github;

/** An error answer a route gives; the server turns it into GitHub's error body. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String resource;
  private final String field;
  private final String code;
  private final String detail;

  private ApiError(int status, String message, String resource, String field, String code, String detail) {
    super(message, null, false, false);
    this.status = status;
    this.resource = resource;
    this.field = field;
    this.code = code;
    this.detail = detail;
  }

  static ApiError notFound() {
    return new ApiError(404, "Not Found", null, null, null, null);
  }

  static ApiError status(int status, String message) {
    return new ApiError(status, message, null, null, null, null);
  }

  /** 422 with a plain message, as git data endpoints answer ("Reference already exists"). */
  static ApiError unprocessable(String message) {
    return new ApiError(422, message, null, null, null, null);
  }

  /** 422 "Validation Failed" with one entry in {@code errors}. */
  static ApiError invalid(String field, String code) {
    return new ApiError(422, "Validation Failed", "Resource", field, code, null);
  }

  /**
   * 422 "Validation Failed" whose one error is a sentence, as GitHub explains refused pull requests:
   * {@code {"resource": "PullRequest", "code": "custom", "message": "A pull request already exists for o:b."}}.
   */
  static ApiError custom(String resource, String detail) {
    return new ApiError(422, "Validation Failed", resource, null, "custom", detail);
  }

  /** True when the body carries an {@code errors} entry. */
  boolean hasDetail() {
    return code != null;
  }

  String resource() {
    return resource;
  }

  String detail() {
    return detail;
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
