package dev.aegis.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Git data: refs (get, create, update, delete) and commits (get, create), served from the repository's real
 * git directory. Ref changes are compare-and-swap updates in git itself, so racing callers see exactly what
 * GitHub would show: one creator wins, the rest get "Reference already exists".
 */
final class GitRoutes {
  private GitRoutes() {}

  static void register(Router router) {
    String git = "/repos/{owner}/{repo}/git";
    router.add("GET", git + "/ref/{ref}", GitRoutes::getRef);
    router.add("GET", git + "/matching-refs/{ref}", GitRoutes::matchingRefs);
    router.add("POST", git + "/refs", GitRoutes::createRef);
    router.add("PATCH", git + "/refs/{ref}", GitRoutes::updateRef);
    router.add("DELETE", git + "/refs/{ref}", GitRoutes::deleteRef);
    router.add("GET", git + "/commits/{commit_sha}", GitRoutes::getCommit);
    router.add("POST", git + "/commits", GitRoutes::createCommit);
  }

  private static Reply getRef(Call call) {
    String ref = "refs/" + call.param("ref");
    String sha = call.repo().git().resolve(ref).orElseThrow(ApiError::notFound);
    return Reply.ok(ref(call, ref, sha));
  }

  /** Refs whose name starts with {@code refs/<ref>} as a plain prefix ({@code heads/feature} matches {@code featureA}). */
  private static Reply matchingRefs(Call call) {
    ArrayNode refs = Shapes.JSON.createArrayNode();
    call.repo().git().refsStartingWith("refs/" + call.param("ref")).forEach((ref, sha) -> refs.add(ref(call, ref, sha)));
    return Reply.ok(refs);
  }

  private static Reply createRef(Call call) {
    call.require(Role.WRITE);
    String ref = call.requiredText("ref");
    String sha = call.requiredText("sha");
    if (!ref.startsWith("refs/") || ref.chars().filter(c -> c == '/').count() < 2) {
      throw ApiError.unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
    }
    GitStore git = call.repo().git();
    if (git.typeOf(sha).isEmpty()) {
      throw ApiError.unprocessable("Object does not exist");
    }
    if (!git.createRef(ref, sha)) {
      throw ApiError.unprocessable("Reference already exists");
    }
    return Reply.created(ref(call, ref, sha));
  }

  private static Reply updateRef(Call call) {
    call.require(Role.WRITE);
    String ref = "refs/" + call.param("ref");
    String sha = call.requiredText("sha");
    boolean force = call.json().path("force").asBoolean(false);
    GitStore git = call.repo().git();
    String current = git.resolve(ref).orElseThrow(() -> ApiError.unprocessable("Reference does not exist"));
    if (git.typeOf(sha).isEmpty()) {
      throw ApiError.unprocessable("Object does not exist");
    }
    boolean fastForward = git.isAncestor(current, sha);
    if (!force && !fastForward) {
      throw ApiError.unprocessable("Update is not a fast forward");
    }
    if (!git.compareAndSwap(ref, sha, current)) {
      // someone moved the ref between our read and our write: for a fast-forward check that is a lost race
      throw ApiError.unprocessable(force ? "Reference cannot be updated" : "Update is not a fast forward");
    }
    return Reply.ok(ref(call, ref, sha));
  }

  private static Reply deleteRef(Call call) {
    call.require(Role.WRITE);
    String ref = "refs/" + call.param("ref");
    GitStore git = call.repo().git();
    String current = git.resolve(ref).orElseThrow(() -> ApiError.unprocessable("Reference does not exist"));
    if (!git.deleteRef(ref, current)) {
      throw ApiError.unprocessable("Reference cannot be updated");
    }
    return Reply.noContent();
  }

  private static Reply getCommit(Call call) {
    CommitData commit = call.repo().git().commit(call.param("commit_sha")).orElseThrow(ApiError::notFound);
    return Reply.ok(commit(call, commit));
  }

  private static Reply createCommit(Call call) {
    call.require(Role.WRITE);
    JsonNode body = call.json();
    String message = call.requiredText("message");
    String tree = call.requiredText("tree");
    GitStore git = call.repo().git();
    if (!git.typeOf(tree).filter("tree"::equals).isPresent()) {
      throw ApiError.invalid("tree", "invalid");
    }
    List<String> parents = new ArrayList<>();
    for (JsonNode parent : body.path("parents")) {
      if (!git.typeOf(parent.asText()).filter("commit"::equals).isPresent()) {
        throw ApiError.invalid("parents", "invalid");
      }
      parents.add(parent.asText());
    }
    Instant now = call.repo().now();
    String login = call.caller().login();
    Signature fallback = new Signature(login, login + "@users.noreply.fake.github.invalid", now);
    Signature author = signature(body.path("author"), fallback);
    Signature committer = signature(body.path("committer"), author);
    String sha = git.commitTree(tree, parents, message, author, committer);
    return Reply.created(commit(call, git.commit(sha).orElseThrow()));
  }

  private static Signature signature(JsonNode node, Signature fallback) {
    if (!node.isObject()) {
      return fallback;
    }
    Instant when = node.has("date") ? Instant.parse(node.path("date").asText()) : fallback.when();
    return new Signature(node.path("name").asText(fallback.name()), node.path("email").asText(fallback.email()),
        when);
  }

  static ObjectNode ref(Call call, String ref, String sha) {
    String repoUrl = call.shapes().repoUrl(call.repo());
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("ref", ref);
    n.put("node_id", Shapes.nodeId("Ref", ref.hashCode()));
    n.put("url", repoUrl + "/git/" + ref);
    ObjectNode object = n.putObject("object");
    object.put("type", call.repo().git().typeOf(sha).orElse("commit"));
    object.put("sha", sha);
    object.put("url", repoUrl + "/git/commits/" + sha);
    return n;
  }

  static ObjectNode commit(Call call, CommitData c) {
    String repoUrl = call.shapes().repoUrl(call.repo());
    String web = call.shapes().web() + "/" + call.repo().fullName();
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("sha", c.sha());
    n.put("node_id", Shapes.nodeId("Commit", c.sha().hashCode()));
    n.put("url", repoUrl + "/git/commits/" + c.sha());
    n.put("html_url", web + "/commit/" + c.sha());
    n.set("author", person(c.author()));
    n.set("committer", person(c.committer()));
    ObjectNode tree = n.putObject("tree");
    tree.put("sha", c.tree());
    tree.put("url", repoUrl + "/git/trees/" + c.tree());
    n.put("message", c.message().endsWith("\n") ? c.message().substring(0, c.message().length() - 1)
        : c.message());
    ArrayNode parents = n.putArray("parents");
    for (String parent : c.parents()) {
      ObjectNode p = parents.addObject();
      p.put("sha", parent);
      p.put("url", repoUrl + "/git/commits/" + parent);
      p.put("html_url", web + "/commit/" + parent);
    }
    ObjectNode verification = n.putObject("verification");
    verification.put("verified", false);
    verification.put("reason", "unsigned");
    verification.putNull("signature");
    verification.putNull("payload");
    verification.putNull("verified_at");
    return n;
  }

  private static ObjectNode person(Signature s) {
    ObjectNode n = Shapes.JSON.createObjectNode();
    n.put("name", s.name());
    n.put("email", s.email());
    n.put("date", Shapes.time(s.when()));
    return n;
  }
}
