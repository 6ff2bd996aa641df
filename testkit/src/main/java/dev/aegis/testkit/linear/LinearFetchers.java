package dev.aegis.testkit.linear;

import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactories;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Map;
import java.util.function.Function;

/** Wires the schema subset to the fake workspace: root fields here, every other field via {@link FakeNode}. */
final class LinearFetchers {
  static final String VIEWER = "aegis.fake.viewer";

  private final LinearStore store;
  private final LinearMutations mutations;
  private long lastSyncId = 1000;

  LinearFetchers(LinearStore store) {
    this.store = store;
    this.mutations = new LinearMutations(store);
  }

  GraphQL graphQL(LinearContract contract) {
    RuntimeWiring.Builder wiring = LinearScalars.wiring()
        .codeRegistry(GraphQLCodeRegistry.newCodeRegistry().defaultDataFetcher(DataFetcherFactories.useDataFetcher(LinearFetchers::field)))
        .type(type("Query", queries()))
        .type(type("Mutation", mutations()));
    return GraphQL.newGraphQL(contract.schema(wiring)).build();
  }

  private static TypeRuntimeWiring.Builder type(String name, Map<String, DataFetcher<?>> fetchers) {
    TypeRuntimeWiring.Builder type = TypeRuntimeWiring.newTypeWiring(name);
    fetchers.forEach(type::dataFetcher);
    return type;
  }

  private static Object field(DataFetchingEnvironment env) {
    Object source = env.getSource();
    String name = env.getField().getName();
    if (source instanceof FakeNode node) {
      return node.field(name, env);
    }
    return source instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private Map<String, DataFetcher<?>> queries() {
    return Map.of(
        "viewer", guarded(env -> env.getGraphQlContext().get(VIEWER)),
        "teams", guarded(env -> Connections.page(store.teams, env)),
        "team", guarded(env -> store.team(env.getArgument("id"))),
        "issues", guarded(env -> Connections.page(store.issues, env)),
        "issue", guarded(env -> store.issue(env.getArgument("id"))),
        "workflowStates", guarded(env -> Connections.page(store.states(), env)),
        "issueLabels", guarded(env -> Connections.page(store.labels(), env)),
        "comments", guarded(env -> Connections.page(store.comments(), env)),
        "users", guarded(env -> Connections.page(
            store.users.stream().filter(u -> u.active || Boolean.TRUE.equals(env.getArgument("includeDisabled")))
                .toList(), env)));
  }

  private Map<String, DataFetcher<?>> mutations() {
    return Map.of(
        "commentCreate", guarded(env -> payload("comment", mutations.createComment(input(env), viewer(env)))),
        "commentUpdate", guarded(env -> payload("comment",
            mutations.updateComment(env.getArgument("id"), input(env), viewer(env)))),
        "issueUpdate", guarded(env -> payload("issue", mutations.updateIssue(env.getArgument("id"), input(env)))),
        "reactionCreate", guarded(env -> payload("reaction", mutations.createReaction(input(env), viewer(env)))),
        "attachmentCreate", guarded(env -> {
          Map<String, Object> in = input(env);
          @SuppressWarnings("unchecked")
          Map<String, Object> metadata = (Map<String, Object>) in.get("metadata");
          return payload("attachment", mutations.attach((String) in.get("issueId"), (String) in.get("url"),
              (String) in.get("title"), (String) in.get("subtitle"), metadata, viewer(env)));
        }),
        "attachmentLinkURL", guarded(env -> payload("attachment", mutations.attach(env.getArgument("issueId"),
            env.getArgument("url"), env.getArgument("title"), null, null, viewer(env)))));
  }

  private Map<String, Object> payload(String name, FakeNode node) {
    return Map.of("success", true, "lastSyncId", (double) ++lastSyncId, name, node);
  }

  private static Map<String, Object> input(DataFetchingEnvironment env) {
    return env.getArgument("input");
  }

  private static UserNode viewer(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(VIEWER);
  }

  private static DataFetcher<Object> guarded(Function<DataFetchingEnvironment, Object> fetcher) {
    return env -> {
      try {
        return fetcher.apply(env);
      } catch (LinearApiError e) {
        return DataFetcherResult.newResult()
            .error(GraphqlErrorBuilder.newError(env).message(e.getMessage()).extensions(e.extensions()).build())
            .build();
      }
    };
  }
}
