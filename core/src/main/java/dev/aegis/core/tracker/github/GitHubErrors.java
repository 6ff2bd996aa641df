package dev.aegis.core.tracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aegis.core.json.Mappers;
import dev.aegis.core.tracker.TrackerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Turns every way a GitHub call can fail (hub4j's exceptions, the adapter's own, plain I/O errors) into one
 * {@link TrackerException} with the status, the URL, the wait GitHub asked for, and a message that says what
 * to do next. Messages never contain the token: they are built from the URL and GitHub's own message.
 */
final class GitHubErrors {
  private static final ObjectMapper JSON = Mappers.JSON;

  private final String repository;
  private final String apiUrl;

  GitHubErrors(GitHubSettings settings) {
    this.repository = settings.repository();
    this.apiUrl = settings.apiUrl().toString();
  }

  /** A GitHub call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /** Runs {@code call}, turning any failure into a {@link TrackerException} about {@code action}. */
  <T> T call(String action, Need need, Call<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw translate(e, action, need);
    } catch (GHException | UncheckedIOException e) {
      // hub4j's paged iterators wrap I/O failures in unchecked exceptions
      throw e.getCause() instanceof IOException io ? translate(io, action, need) : e;
    }
  }

  /** The status of a failure, as {@link #translate} would report it (0 when no response arrived). */
  static int status(Throwable e) {
    return details(e).status();
  }

  /** The wait GitHub asked for with a failure (a rate limit), or null. */
  static Duration retryAfter(Throwable e) {
    return details(e).retryAfter();
  }

  /** GitHub's message of a failure, empty when there is none. */
  static String githubMessage(Throwable e) {
    return details(e).message();
  }

  TrackerException translate(IOException e, String action, Need need) {
    Details d = details(e);
    String where = d.url().isEmpty() ? apiUrl : d.url();
    String message;
    if (d.retryAfter() != null) {
      message = "GitHub rate limit reached while " + action + "; retry after " + d.retryAfter().toSeconds() + " s";
    } else if (d.status() == 401) {
      message = "GITHUB_TOKEN was refused: " + d.message() + " (while " + action + "). Check that the token is set, "
          + "not expired or revoked, and issued for " + apiUrl + ".";
    } else if (d.status() == 404) {
      message = "GitHub answered 404 while " + action + ": not found, or the token cannot see it. Check the name "
          + "(github.repository, --repo, the issue number) and that the token can see " + repository
          + " (a fine-grained token must list it; a GitHub App must be installed on it).";
    } else if (d.status() == 403) {
      message = "GitHub refused " + action + " (403 " + d.message() + "): the token needs "
          + need.label() + " on " + repository + ".";
    } else if (d.status() == 422) {
      message = "GitHub rejected " + action + ": " + d.message();
    } else if (d.status() >= 500) {
      message = "GitHub failed while " + action + " (" + d.status() + " " + d.message() + "); try again later.";
    } else if (d.status() == 0) {
      message = "cannot reach GitHub at " + apiUrl + " while " + action + " (" + unreachable(e) + "). Check "
          + "github.api-url (GITHUB_API_URL, --api-url) and the network; nothing was changed.";
    } else {
      message = "GitHub answered " + d.status() + " while " + action + ": " + d.message();
    }
    return new TrackerException(message, d.status(), where, d.retryAfter(), e);
  }

  /** Why no answer came, in the words of the innermost cause (hub4j's wrapper says only "response code -1"). */
  private static String unreachable(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof UnknownHostException) {
      return "unknown host " + text;
    }
    if (root instanceof SocketTimeoutException) {
      return "timed out: " + text;
    }
    return text;
  }

  private static Details details(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GitHubHttpException g) {
        return new Details(g.status(), g.url(), g.githubMessage(), g.retryAfter());
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h && h.getResponseCode() > 0) {
        return new Details(h.getResponseCode(), h.getUrl(), messageOf(h.getMessage()), null);
      }
      if (t instanceof GHFileNotFoundException f) {
        String text = String.valueOf(f.getMessage());
        int space = text.indexOf(' ');
        return new Details(404, space < 0 ? text : text.substring(0, space),
            space < 0 ? "Not Found" : messageOf(text.substring(space + 1)), null);
      }
    }
    return new Details(0, "", String.valueOf(e.getMessage()), null);
  }

  /**
   * GitHub's {@code message} from an error body, followed by what its {@code errors} entries say ("Validation
   * Failed: A pull request already exists for o:b."), or the text itself when it is not GitHub's JSON.
   */
  static String messageOf(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (!json.path("message").isTextual()) {
        return body;
      }
      StringBuilder message = new StringBuilder(json.path("message").asText());
      String separator = ": ";
      for (JsonNode error : json.path("errors")) {
        String detail = error.path("message").isTextual() ? error.path("message").asText()
            : String.join(" ", error.path("resource").asText(""), error.path("field").asText(""),
                error.path("code").asText("")).trim();
        message.append(separator).append(detail);
        separator = "; ";
      }
      return message.toString();
    } catch (IOException notJson) {
      return body;
    }
  }

  private record Details(int status, String url, String message, Duration retryAfter) {}

  /** The repository permission an operation needs, named as GitHub's token settings name it. */
  enum Need {
    ISSUES_READ("Issues: read"),
    ISSUES_WRITE("Issues: write"),
    CONTENTS_READ("Contents: read"),
    CONTENTS_WRITE("Contents: write"),
    PULL_REQUESTS_READ("Pull requests: read"),
    PULL_REQUESTS_WRITE("Pull requests: write"),
    METADATA_READ("Metadata: read"),
    VARIABLES_WRITE("Variables: write (a fine-grained token or GitHub App; GITHUB_TOKEN cannot get it)"),
    SECRETS_READ("Secrets: read (names only; a fine-grained token or GitHub App; GITHUB_TOKEN cannot get it)");

    private final String label;

    Need(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }
}
