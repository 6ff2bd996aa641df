package dev.aegis.testkit.linear;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the part of Linear's official schema ({@code linear-schema.graphql}) that {@link FakeLinear} executes out of
 * it: the types and fields chosen in {@link #SELECTION}, with the required arguments and input fields they have,
 * the enums and scalars they reference, and nothing else. Names, arguments and types (non-null markers included)
 * are copied, never written by hand; descriptions, directives and interfaces are left out. A chosen field that
 * Linear does not have, or that needs a type outside the selection, fails the generation.
 */
final class LinearSubset {
  static final String OFFICIAL = "/dev/aegis/testkit/linear/linear-schema.graphql";

  private static final Set<String> BUILT_IN = Set.of("ID", "String", "Int", "Float", "Boolean");
  private static final List<String> ALL = List.of("*");

  /** Type name to the fields Aegis and the fake use ({@code *}: all); input types also keep their required fields. */
  static final Map<String, List<String>> SELECTION = selection();

  private LinearSubset() {}

  private static Map<String, List<String>> selection() {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("Query", List.of("viewer", "teams", "team", "issues", "issue", "workflowStates", "issueLabels", "comments",
        "users"));
    s.put("Mutation", List.of("commentCreate", "commentUpdate", "issueUpdate", "reactionCreate", "attachmentCreate",
        "attachmentLinkURL"));
    s.put("User", List.of("id", "name", "displayName", "email", "active", "app", "url", "createdAt", "updatedAt",
        "archivedAt", "organization"));
    s.put("Organization", List.of("id", "name", "urlKey"));
    s.put("Team", List.of("id", "key", "name", "displayName", "createdAt", "updatedAt", "archivedAt", "states",
        "labels"));
    s.put("WorkflowState", List.of("id", "name", "type", "position", "color", "team", "createdAt", "updatedAt",
        "archivedAt"));
    s.put("IssueLabel", List.of("id", "name", "color", "isGroup", "team", "createdAt", "updatedAt", "archivedAt"));
    s.put("Issue", List.of("id", "identifier", "number", "title", "description", "url", "branchName", "createdAt",
        "updatedAt", "archivedAt", "trashed", "state", "labels", "labelIds", "creator", "team", "comments",
        "attachments"));
    s.put("Comment", List.of("id", "body", "url", "createdAt", "updatedAt", "editedAt", "archivedAt", "user",
        "botActor", "issue", "issueId", "parentId"));
    s.put("ActorBot", List.of("id", "name", "type", "subType", "userDisplayName"));
    s.put("Reaction", List.of("id", "emoji", "createdAt", "updatedAt", "user", "comment"));
    s.put("Attachment", List.of("id", "url", "title", "subtitle", "metadata", "createdAt", "updatedAt", "creator",
        "issue"));
    for (String type : List.of("PageInfo", "TeamConnection", "TeamEdge", "IssueConnection", "IssueEdge",
        "WorkflowStateConnection", "WorkflowStateEdge", "IssueLabelConnection", "IssueLabelEdge", "CommentConnection",
        "CommentEdge", "UserConnection", "UserEdge", "AttachmentConnection", "AttachmentEdge", "CommentPayload",
        "IssuePayload", "ReactionPayload", "AttachmentPayload")) {
      s.put(type, ALL);
    }
    s.put("IssueFilter", List.of("and", "or", "id", "number", "title", "team", "state", "labels", "creator",
        "createdAt", "updatedAt", "archivedAt"));
    s.put("NullableIssueFilter", List.of("and", "or", "id", "number", "team", "null"));
    s.put("TeamFilter", List.of("and", "or", "id", "key", "name"));
    s.put("NullableTeamFilter", List.of("and", "or", "id", "key", "name", "null"));
    s.put("WorkflowStateFilter", List.of("and", "or", "id", "name", "type", "team"));
    s.put("IssueLabelFilter", List.of("and", "or", "id", "name", "isGroup", "team"));
    s.put("IssueLabelCollectionFilter", List.of("and", "or", "id", "name", "some", "every", "length", "null"));
    s.put("CommentFilter", List.of("and", "or", "id", "body", "issue", "user", "createdAt", "updatedAt"));
    s.put("UserFilter", List.of("and", "or", "id", "email", "name", "displayName", "active", "app", "isMe"));
    s.put("NullableUserFilter", List.of("and", "or", "id", "email", "name", "displayName", "null"));
    for (String type : List.of("StringComparator", "IDComparator", "IssueIDComparator", "DateComparator",
        "NullableDateComparator", "NumberComparator", "BooleanComparator")) {
      s.put(type, ALL);
    }
    s.put("CommentCreateInput", List.of("id", "issueId", "body", "parentId", "doNotSubscribeToIssue"));
    s.put("CommentUpdateInput", List.of("body"));
    s.put("IssueUpdateInput", List.of("stateId", "addedLabelIds", "removedLabelIds", "labelIds", "title",
        "description", "assigneeId"));
    s.put("ReactionCreateInput", List.of("id", "commentId", "issueId", "emoji"));
    s.put("AttachmentCreateInput", List.of("id", "issueId", "url", "title", "subtitle", "iconUrl", "metadata"));
    return java.util.Collections.unmodifiableMap(s);
  }

  /** The subset of {@code officialSdl}, as the text of {@code linear-subset.graphql}. */
  static String generate(String officialSdl) {
    TypeDefinitionRegistry official = new SchemaParser().parse(officialSdl);
    Set<String> enums = new TreeSet<>();
    Set<String> scalars = new TreeSet<>();
    List<String> blocks = new ArrayList<>();
    for (String name : sorted()) {
      TypeDefinition<?> type = official.getType(name)
          .orElseThrow(() -> new IllegalStateException(name + " is not a type in Linear's schema"));
      if (type instanceof ObjectTypeDefinition object) {
        blocks.add(object(official, object, SELECTION.get(name), enums, scalars));
      } else if (type instanceof InputObjectTypeDefinition input) {
        blocks.add(input(official, input, SELECTION.get(name), enums, scalars));
      } else {
        throw new IllegalStateException(name + " is neither an object nor an input type");
      }
    }
    StringBuilder out = new StringBuilder(header());
    out.append("schema {\n  query: Query\n  mutation: Mutation\n}\n\n");
    for (String s : scalars) {
      out.append("scalar ").append(s).append('\n');
    }
    out.append('\n');
    for (String e : enums) {
      EnumTypeDefinition enumType = (EnumTypeDefinition) official.getType(e).orElseThrow();
      out.append("enum ").append(e).append(" {\n");
      for (EnumValueDefinition v : enumType.getEnumValueDefinitions()) {
        out.append("  ").append(v.getName()).append('\n');
      }
      out.append("}\n\n");
    }
    blocks.forEach(b -> out.append(b).append('\n'));
    return out.toString().stripTrailing() + "\n";
  }

  private static List<String> sorted() {
    List<String> names = new ArrayList<>(List.of("Query", "Mutation"));
    new TreeSet<>(SELECTION.keySet()).stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names;
  }

  private static String object(TypeDefinitionRegistry official, ObjectTypeDefinition type, List<String> wanted,
      Set<String> enums, Set<String> scalars) {
    StringBuilder out = new StringBuilder("type " + type.getName() + " {\n");
    for (FieldDefinition field : fields(type.getName(), type.getFieldDefinitions(), FieldDefinition::getName, wanted)) {
      String where = type.getName() + "." + field.getName();
      require(official, field.getType(), where, enums, scalars);
      List<String> args = new ArrayList<>();
      List<String> omitted = new ArrayList<>();
      for (InputValueDefinition arg : sortedInputs(field.getInputValueDefinitions())) {
        if (kept(official, arg.getType())) {
          note(official, arg.getType(), enums, scalars);
          args.add(arg.getName() + ": " + AstPrinter.printAst(arg.getType()));
        } else if (arg.getType() instanceof NonNullType) {
          throw new IllegalStateException(where + "(" + arg.getName() + ") is required and needs "
              + named(arg.getType()) + ": add it to the selection");
        } else {
          omitted.add(arg.getName());
        }
      }
      if (!omitted.isEmpty()) {
        out.append("  # ").append(field.getName()).append(": omitted arguments ")
            .append(String.join(", ", omitted)).append('\n');
      }
      out.append("  ").append(field.getName()).append(args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
          .append(": ").append(AstPrinter.printAst(field.getType())).append('\n');
    }
    return out.append("}\n").toString();
  }

  private static String input(TypeDefinitionRegistry official, InputObjectTypeDefinition type, List<String> wanted,
      Set<String> enums, Set<String> scalars) {
    List<InputValueDefinition> chosen = new ArrayList<>(
        fields(type.getName(), type.getInputValueDefinitions(), InputValueDefinition::getName, wanted));
    for (InputValueDefinition f : type.getInputValueDefinitions()) {
      if (f.getType() instanceof NonNullType && !chosen.contains(f)) {
        chosen.add(f); // a required input field is part of the contract whether Aegis sets it or not
      }
    }
    List<String> omitted = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (InputValueDefinition f : sortedInputs(chosen)) {
      String where = type.getName() + "." + f.getName();
      if (!kept(official, f.getType())) {
        if (f.getType() instanceof NonNullType || wanted != ALL) {
          throw new IllegalStateException(where + " needs " + named(f.getType()) + ": add it to the selection");
        }
        omitted.add(f.getName());
        continue;
      }
      note(official, f.getType(), enums, scalars);
      body.append("  ").append(f.getName()).append(": ").append(AstPrinter.printAst(f.getType())).append('\n');
    }
    String head = omitted.isEmpty() ? "" : "# omitted: " + String.join(", ", omitted) + "\n";
    return head + "input " + type.getName() + " {\n" + body + "}\n";
  }

  private static <T> List<T> fields(String type, List<T> all, java.util.function.Function<T, String> nameOf,
      List<String> wanted) {
    if (wanted == ALL) {
      return all.stream().sorted(java.util.Comparator.comparing(nameOf)).toList();
    }
    List<T> out = new ArrayList<>();
    for (String name : wanted) {
      out.add(all.stream().filter(f -> nameOf.apply(f).equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException(type + "." + name + " does not exist in Linear's schema")));
    }
    out.sort(java.util.Comparator.comparing(nameOf));
    return out;
  }

  private static List<InputValueDefinition> sortedInputs(List<InputValueDefinition> values) {
    return values.stream().sorted(java.util.Comparator.comparing(InputValueDefinition::getName)).toList();
  }

  private static void require(TypeDefinitionRegistry official, Type<?> type, String where, Set<String> enums,
      Set<String> scalars) {
    if (!kept(official, type)) {
      throw new IllegalStateException(where + " needs " + named(type) + ": add it to the selection");
    }
    note(official, type, enums, scalars);
  }

  /** Built-in and custom scalars, enums, and selected types are in the subset. */
  private static boolean kept(TypeDefinitionRegistry official, Type<?> type) {
    String name = named(type);
    if (BUILT_IN.contains(name) || SELECTION.containsKey(name)) {
      return true;
    }
    Definition<?> definition = official.getType(name).orElse(null);
    return definition instanceof EnumTypeDefinition || definition instanceof ScalarTypeDefinition
        || (definition == null && official.scalars().containsKey(name));
  }

  private static void note(TypeDefinitionRegistry official, Type<?> type, Set<String> enums, Set<String> scalars) {
    String name = named(type);
    if (BUILT_IN.contains(name)) {
      return;
    }
    Definition<?> definition = official.getType(name).orElse(null);
    if (definition instanceof EnumTypeDefinition) {
      enums.add(name);
    } else if (definition instanceof ScalarTypeDefinition || official.scalars().containsKey(name)) {
      scalars.add(name);
    } else if (definition instanceof InterfaceTypeDefinition) {
      throw new IllegalStateException("interface " + name + " is not part of the subset");
    }
  }

  private static String named(Type<?> type) {
    if (type instanceof NonNullType nonNull) {
      return named(nonNull.getType());
    }
    if (type instanceof ListType list) {
      return named(list.getType());
    }
    return ((TypeName) type).getName();
  }

  private static String header() {
    return """
        # Linear GraphQL API: the subset FakeLinear executes. GENERATED, do not edit by hand: LinearSubset cuts it out
        # of linear-schema.graphql (Linear's official schema, see NOTICE.md) and LinearSchemaTest fails when this file
        # differs from what it makes. Names, arguments and types, non-null markers included, are copied from Linear's
        # schema; descriptions, directives, interfaces and everything Aegis does not use are left out, and optional
        # arguments or input fields whose types are outside the subset are named in "omitted" comments. A query that
        # names anything not declared here is rejected by the fake server.
        #
        # Linear's schema is published under the MIT License (Copyright (c) 2019 Linear); see NOTICE.md.

        """;
  }
}
