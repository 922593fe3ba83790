#include "cli/model_json_reader.h"

#include "base/status_macros.h"
#include "base/strings.h"
#include "cli/model_json.h"
#include "cli/model_json_policies.h"
#include "cli/model_json_privileges.h"
#include "cli/model_json_routines.h"
#include "cli/model_json_views.h"
#include "cli/model_json_triggers.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;

// Splits `text` at dots that are outside double quotes and parentheses, unquoting parts.
std::vector<std::string> SplitQualified(std::string_view text) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        parts.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        parts.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '(') {
      ++depth;
      parts.back() += c;
    } else if (c == ')') {
      --depth;
      parts.back() += c;
    } else if (c == '.' && depth == 0) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

// Reads fields with a JSON path for error messages.
class Reader {
 public:
  absl::Status error() const { return error_; }

  std::string Text(const Json& object, const char* key, const std::string& path,
                   bool required = false) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) Fail(path, key, "is missing");
      return "";
    }
    if (!it->is_string()) {
      Fail(path, key, "is not a string");
      return "";
    }
    return it->get<std::string>();
  }

  bool Flag(const Json& object, const char* key, const std::string& path, bool fallback = false) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_boolean()) {
      Fail(path, key, "is not a boolean");
      return fallback;
    }
    return it->get<bool>();
  }

  int64_t Number(const Json& object, const char* key, const std::string& path, int64_t fallback) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_number_integer()) {
      Fail(path, key, "is not an integer");
      return fallback;
    }
    return it->get<int64_t>();
  }

  std::vector<std::string> List(const Json& object, const char* key, const std::string& path) {
    std::vector<std::string> items;
    auto it = object.find(key);
    if (it == object.end()) return items;
    if (!it->is_array()) {
      Fail(path, key, "is not an array");
      return items;
    }
    for (const Json& item : *it) {
      if (item.is_string()) items.push_back(item.get<std::string>());
    }
    return items;
  }

  std::map<std::string, std::string> Options(const Json& object, const char* key) {
    std::map<std::string, std::string> options;
    auto it = object.find(key);
    if (it == object.end() || !it->is_object()) return options;
    for (const auto& [name, value] : it->items()) {
      if (value.is_string()) options[name] = value.get<std::string>();
    }
    return options;
  }

  const Json& Array(const Json& object, const char* key, const std::string& path) {
    static const Json kEmpty = Json::array();
    auto it = object.find(key);
    if (it == object.end()) return kEmpty;
    if (!it->is_array()) {
      Fail(path, key, "is not an array");
      return kEmpty;
    }
    return *it;
  }

  SourceSpan Span(const Json& object, const char* key) {
    SourceSpan span;
    auto it = object.find(key);
    if (it == object.end() || !it->is_object()) return span;
    if (it->contains("file") && (*it)["file"].is_string()) span.file = (*it)["file"];
    if (it->contains("line") && (*it)["line"].is_number_integer()) span.line = (*it)["line"];
    if (it->contains("column") && (*it)["column"].is_number_integer()) span.column = (*it)["column"];
    return span;
  }

  model::Lineage Lineage(const Json& object, const std::string& path) {
    model::Lineage lineage;
    lineage.created = Span(object, "origin");
    lineage.changed = object.contains("last_changed") ? Span(object, "last_changed") : lineage.created;
    lineage.former_names = List(object, "former_names", path);
    return lineage;
  }

  model::IndexElement Element(const Json& object, const std::string& path) {
    model::IndexElement element;
    element.column = Text(object, "column", path);
    element.expression = Text(object, "expression", path);
    element.collation = Text(object, "collation", path);
    element.opclass = Text(object, "opclass", path);
    element.opclass_options = Options(object, "opclass_options");
    element.descending = Flag(object, "descending", path);
    element.nulls_first = Flag(object, "nulls_first", path);
    return element;
  }

 private:
  void Fail(const std::string& path, const char* key, const char* what) {
    if (error_.ok()) error_ = absl::InvalidArgumentError(StrCat(path, ".", key, " ", what));
  }
  absl::Status error_;
};

model::ForeignKeyAction ActionFromSql(const std::string& sql) {
  for (model::ForeignKeyAction action :
       {model::ForeignKeyAction::kNoAction, model::ForeignKeyAction::kRestrict,
        model::ForeignKeyAction::kCascade, model::ForeignKeyAction::kSetNull,
        model::ForeignKeyAction::kSetDefault}) {
    if (model::ForeignKeyActionSql(action) == sql) return action;
  }
  return model::ForeignKeyAction::kNoAction;
}

model::ForeignKeyMatch MatchFromSql(const std::string& sql) {
  for (model::ForeignKeyMatch match :
       {model::ForeignKeyMatch::kSimple, model::ForeignKeyMatch::kFull, model::ForeignKeyMatch::kPartial}) {
    if (model::ForeignKeyMatchSql(match) == sql) return match;
  }
  return model::ForeignKeyMatch::kSimple;
}

template <typename Enum, size_t N>
Enum EnumFromName(const std::string& name, const Enum (&values)[N], std::string_view (*name_of)(Enum)) {
  for (Enum value : values) {
    if (name_of(value) == name) return value;
  }
  return values[0];
}

model::Column ReadColumn(Reader& reader, const Json& json, const std::string& path) {
  model::Column column;
  column.name = reader.Text(json, "name", path, true);
  column.type = ParseTypeText(reader.Text(json, "type", path, true));
  column.collation = reader.Text(json, "collation", path);
  column.not_null = reader.Flag(json, "not_null", path);
  if (json.contains("default")) column.default_expr = reader.Text(json, "default", path);
  static const model::IdentityKind kIdentities[] = {
      model::IdentityKind::kNone, model::IdentityKind::kAlways, model::IdentityKind::kByDefault};
  column.identity = EnumFromName(reader.Text(json, "identity_generation", path), kIdentities,
                                 model::IdentityName);
  if (json.contains("generated")) column.generated_expr = reader.Text(json, "generated", path);
  column.statistics_target = static_cast<int>(reader.Number(json, "statistics", path, -1));
  column.storage = reader.Text(json, "storage", path);
  column.compression = reader.Text(json, "compression", path);
  column.options = reader.Options(json, "options");
  column.is_local = reader.Flag(json, "is_local", path, true);
  column.inherit_count = static_cast<int>(reader.Number(json, "inherit_count", path, 0));
  column.comment = reader.Text(json, "comment", path);
  column.privileges = PrivilegesFromJson(json);
  column.lineage = reader.Lineage(json, path);
  return column;
}

model::Constraint ReadConstraint(Reader& reader, const Json& json, const std::string& path) {
  model::Constraint constraint;
  constraint.name = reader.Text(json, "name", path, true);
  static const model::ConstraintType kTypes[] = {
      model::ConstraintType::kPrimaryKey, model::ConstraintType::kUnique, model::ConstraintType::kCheck,
      model::ConstraintType::kForeignKey, model::ConstraintType::kExclusion};
  constraint.type = EnumFromName(reader.Text(json, "constraint_type", path, true), kTypes,
                                 model::ConstraintTypeName);
  constraint.columns = reader.List(json, "columns", path);
  constraint.include = reader.List(json, "include", path);
  constraint.nulls_not_distinct = reader.Flag(json, "nulls_not_distinct", path);
  constraint.expression = reader.Text(json, "expression", path);
  constraint.no_inherit = reader.Flag(json, "no_inherit", path);
  if (constraint.type == model::ConstraintType::kForeignKey) {
    constraint.referenced_table = ParseQualifiedText(reader.Text(json, "references", path, true));
    constraint.referenced_columns = reader.List(json, "referenced_columns", path);
    constraint.on_update = ActionFromSql(reader.Text(json, "on_update", path));
    constraint.on_delete = ActionFromSql(reader.Text(json, "on_delete", path));
    constraint.on_delete_set_columns = reader.List(json, "on_delete_set_columns", path);
    constraint.match = MatchFromSql(reader.Text(json, "match", path));
  }
  if (constraint.type == model::ConstraintType::kExclusion) {
    constraint.exclusion_method = reader.Text(json, "method", path);
    const Json& elements = reader.Array(json, "elements", path);
    for (size_t i = 0; i < elements.size(); ++i) {
      std::string element_path = StrCat(path, ".elements[", i, "]");
      constraint.exclusion_elements.push_back(
          {reader.Element(elements[i], element_path), reader.Text(elements[i], "operator", element_path)});
    }
    constraint.exclusion_predicate = reader.Text(json, "predicate", path);
  }
  constraint.index_options = reader.Options(json, "index_options");
  constraint.deferrable = reader.Flag(json, "deferrable", path);
  constraint.initially_deferred = reader.Flag(json, "initially_deferred", path);
  constraint.validated = reader.Flag(json, "validated", path, true);
  constraint.comment = reader.Text(json, "comment", path);
  constraint.lineage = reader.Lineage(json, path);
  return constraint;
}

model::Table ReadTable(Reader& reader, const Json& json, const std::string& path) {
  model::Table table;
  table.name = {reader.Text(json, "schema", path, true), reader.Text(json, "name", path, true)};
  table.unlogged = reader.Flag(json, "unlogged", path);
  table.partition_key = reader.Text(json, "partition_key", path);
  if (json.contains("partition_of")) {
    table.partition_of = ParseQualifiedText(reader.Text(json, "partition_of", path));
    table.partition_bound = reader.Text(json, "partition_bound", path);
  }
  for (const std::string& parent : reader.List(json, "inherits", path)) {
    table.inherits.push_back(ParseQualifiedText(parent));
  }
  table.rls_enabled = reader.Flag(json, "rls_enabled", path);
  table.rls_forced = reader.Flag(json, "rls_forced", path);
  static const model::ReplicaIdentity kIdentities[] = {
      model::ReplicaIdentity::kDefault, model::ReplicaIdentity::kNothing,
      model::ReplicaIdentity::kFull, model::ReplicaIdentity::kIndex};
  table.replica_identity = EnumFromName(reader.Text(json, "replica_identity", path), kIdentities,
                                        model::ReplicaIdentityName);
  table.replica_identity_index = reader.Text(json, "replica_identity_index", path);
  table.options = reader.Options(json, "options");
  table.access_method = reader.Text(json, "access_method", path);
  table.tablespace = reader.Text(json, "tablespace", path);
  table.owner = reader.Text(json, "owner", path);
  table.comment = reader.Text(json, "comment", path);
  table.privileges = PrivilegesFromJson(json);
  table.lineage = reader.Lineage(json, path);
  const Json& columns = reader.Array(json, "columns", path);
  for (size_t i = 0; i < columns.size(); ++i) {
    table.columns.push_back(ReadColumn(reader, columns[i], StrCat(path, ".columns[", i, "]")));
  }
  const Json& constraints = reader.Array(json, "constraints", path);
  for (size_t i = 0; i < constraints.size(); ++i) {
    model::Constraint constraint =
        ReadConstraint(reader, constraints[i], StrCat(path, ".constraints[", i, "]"));
    table.constraints[constraint.name] = std::move(constraint);
  }
  return table;
}

model::Index ReadIndex(Reader& reader, const Json& json, const std::string& path) {
  model::Index index;
  index.name = {reader.Text(json, "schema", path, true), reader.Text(json, "name", path, true)};
  index.table = ParseQualifiedText(reader.Text(json, "table", path, true));
  index.unique = reader.Flag(json, "unique", path);
  index.nulls_not_distinct = reader.Flag(json, "nulls_not_distinct", path);
  index.method = reader.Text(json, "method", path);
  const Json& keys = reader.Array(json, "keys", path);
  for (size_t i = 0; i < keys.size(); ++i) {
    index.keys.push_back(reader.Element(keys[i], StrCat(path, ".keys[", i, "]")));
  }
  index.include = reader.List(json, "include", path);
  index.predicate = reader.Text(json, "predicate", path);
  index.options = reader.Options(json, "options");
  index.tablespace = reader.Text(json, "tablespace", path);
  index.constraint_name = reader.Text(json, "constraint", path);
  if (json.contains("parent_index")) {
    index.parent_index = ParseQualifiedText(reader.Text(json, "parent_index", path));
  }
  index.clustered = reader.Flag(json, "clustered", path);
  index.comment = reader.Text(json, "comment", path);
  index.lineage = reader.Lineage(json, path);
  return index;
}

model::Sequence ReadSequence(Reader& reader, const Json& json, const std::string& path) {
  model::Sequence sequence;
  sequence.name = {reader.Text(json, "schema", path, true), reader.Text(json, "name", path, true)};
  sequence.data_type = ParseTypeText(reader.Text(json, "data_type", path, true));
  sequence.start = reader.Number(json, "start", path, 1);
  sequence.increment = reader.Number(json, "increment", path, 1);
  sequence.min_value = reader.Number(json, "min_value", path, 1);
  sequence.max_value = reader.Number(json, "max_value", path, INT64_MAX);
  sequence.cache = reader.Number(json, "cache", path, 1);
  sequence.cycle = reader.Flag(json, "cycle", path);
  sequence.unlogged = reader.Flag(json, "unlogged", path);
  if (json.contains("owned_by")) {
    std::vector<std::string> parts = SplitQualified(reader.Text(json, "owned_by", path));
    if (parts.size() == 3) sequence.owned_by = model::SequenceOwner{{parts[0], parts[1]}, parts[2]};
  }
  sequence.identity = reader.Flag(json, "identity_sequence", path);
  sequence.owner = reader.Text(json, "owner", path);
  sequence.comment = reader.Text(json, "comment", path);
  sequence.privileges = PrivilegesFromJson(json);
  sequence.lineage = reader.Lineage(json, path);
  return sequence;
}

model::UserType ReadUserType(Reader& reader, const Json& json, const std::string& path) {
  model::UserType type;
  type.name = {reader.Text(json, "schema", path, true), reader.Text(json, "name", path, true)};
  static const model::UserTypeKind kKinds[] = {model::UserTypeKind::kEnum, model::UserTypeKind::kComposite,
                                               model::UserTypeKind::kRange};
  type.kind = EnumFromName(reader.Text(json, "type_kind", path, true), kKinds, model::UserTypeKindName);
  type.enum_values = reader.List(json, "values", path);
  const Json& attributes = reader.Array(json, "attributes", path);
  for (size_t i = 0; i < attributes.size(); ++i) {
    std::string attribute_path = StrCat(path, ".attributes[", i, "]");
    type.attributes.push_back({reader.Text(attributes[i], "name", attribute_path, true),
                               ParseTypeText(reader.Text(attributes[i], "type", attribute_path, true)),
                               reader.Text(attributes[i], "collation", attribute_path)});
  }
  if (type.kind == model::UserTypeKind::kRange) {
    type.range_subtype = ParseTypeText(reader.Text(json, "subtype", path, true));
  }
  type.range_subtype_opclass = reader.Text(json, "subtype_opclass", path);
  type.range_collation = reader.Text(json, "collation", path);
  type.range_canonical = reader.Text(json, "canonical", path);
  type.range_subtype_diff = reader.Text(json, "subtype_diff", path);
  type.multirange_name = reader.Text(json, "multirange", path);
  type.owner = reader.Text(json, "owner", path);
  type.comment = reader.Text(json, "comment", path);
  type.privileges = PrivilegesFromJson(json);
  type.lineage = reader.Lineage(json, path);
  return type;
}

model::Domain ReadDomain(Reader& reader, const Json& json, const std::string& path) {
  model::Domain domain;
  domain.name = {reader.Text(json, "schema", path, true), reader.Text(json, "name", path, true)};
  domain.base_type = ParseTypeText(reader.Text(json, "base_type", path, true));
  domain.collation = reader.Text(json, "collation", path);
  if (json.contains("default")) domain.default_expr = reader.Text(json, "default", path);
  domain.not_null = reader.Flag(json, "not_null", path);
  const Json& checks = reader.Array(json, "checks", path);
  for (size_t i = 0; i < checks.size(); ++i) {
    std::string check_path = StrCat(path, ".checks[", i, "]");
    model::DomainCheck check{reader.Text(checks[i], "name", check_path, true),
                             reader.Text(checks[i], "expression", check_path, true),
                             reader.Flag(checks[i], "validated", check_path, true)};
    domain.checks[check.name] = check;
  }
  domain.owner = reader.Text(json, "owner", path);
  domain.comment = reader.Text(json, "comment", path);
  domain.privileges = PrivilegesFromJson(json);
  domain.lineage = reader.Lineage(json, path);
  return domain;
}

// Reads every element of document[key] with `read` into `out`, keyed by `key_of`.
template <typename Read, typename Insert>
void ReadAll(Reader& reader, const Json& document, const char* key, Read read, Insert insert) {
  const Json& items = reader.Array(document, key, "$");
  for (size_t i = 0; i < items.size(); ++i) insert(read(reader, items[i], StrCat("$.", key, "[", i, "]")));
}

}  // namespace

model::QualifiedName ParseQualifiedText(std::string_view text) {
  std::vector<std::string> parts = SplitQualified(text);
  if (parts.size() == 1) return {"", parts[0]};
  return {parts[parts.size() - 2], parts.back()};
}

model::TypeRef ParseTypeText(std::string_view text) {
  model::TypeRef type;
  if (text.ends_with("[]")) {
    type.array = true;
    text.remove_suffix(2);
  }
  std::vector<std::string> parts = SplitQualified(text);
  if (parts.size() == 1) {
    type.name = parts[0];
    return type;
  }
  type.schema = parts[parts.size() - 2];
  type.name = parts.back();
  if (size_t paren = type.name.find('('); paren != std::string::npos) {
    type.typmod = type.name.substr(paren);
    type.name.resize(paren);
  }
  return type;
}

absl::StatusOr<model::Catalog> ModelFromJson(const Json& document) {
  if (!document.is_object() || !document.contains("format") || document["format"] != kModelFormat) {
    return absl::InvalidArgumentError(
        StrCat("not a pgdrift model snapshot (expected \"format\": \"", kModelFormat, "\")"));
  }
  model::Catalog catalog;
  Reader reader;
  const Json& schemas = reader.Array(document, "schemas", "$");
  for (size_t i = 0; i < schemas.size(); ++i) {
    std::string path = StrCat("$.schemas[", i, "]");
    model::Schema schema;
    schema.name = reader.Text(schemas[i], "name", path, true);
    schema.owner = reader.Text(schemas[i], "owner", path);
    schema.comment = reader.Text(schemas[i], "comment", path);
    schema.privileges = PrivilegesFromJson(schemas[i]);
    schema.lineage = reader.Lineage(schemas[i], path);
    catalog.schemas[schema.name] = schema;
  }
  const Json& extensions = reader.Array(document, "extensions", "$");
  for (size_t i = 0; i < extensions.size(); ++i) {
    std::string path = StrCat("$.extensions[", i, "]");
    model::Extension extension;
    extension.name = reader.Text(extensions[i], "name", path, true);
    extension.schema = reader.Text(extensions[i], "extension_schema", path);
    extension.version = reader.Text(extensions[i], "version", path);
    extension.comment = reader.Text(extensions[i], "comment", path);
    extension.lineage = reader.Lineage(extensions[i], path);
    catalog.extensions[extension.name] = extension;
  }
  ReadAll(reader, document, "types", ReadUserType,
          [&](model::UserType type) { catalog.types[type.name] = std::move(type); });
  ReadAll(reader, document, "domains", ReadDomain,
          [&](model::Domain domain) { catalog.domains[domain.name] = std::move(domain); });
  ReadAll(reader, document, "sequences", ReadSequence,
          [&](model::Sequence sequence) { catalog.sequences[sequence.name] = std::move(sequence); });
  ReadAll(reader, document, "tables", ReadTable,
          [&](model::Table table) { catalog.tables[table.name] = std::move(table); });
  ReadAll(reader, document, "indexes", ReadIndex,
          [&](model::Index index) { catalog.indexes[index.name] = std::move(index); });
  if (!reader.error().ok()) return reader.error();
  PGDRIFT_RETURN_IF_ERROR(RoutinesFromJson(document, &catalog));
  PGDRIFT_RETURN_IF_ERROR(ViewsFromJson(document, &catalog));
  PGDRIFT_RETURN_IF_ERROR(TriggersFromJson(document, &catalog));
  PGDRIFT_RETURN_IF_ERROR(PoliciesFromJson(document, &catalog));
  PGDRIFT_RETURN_IF_ERROR(DefaultPrivilegesFromJson(document, &catalog));
  return catalog;
}

}  // namespace pgdrift::cli
