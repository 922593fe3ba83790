#include "cli/model_json.h"

#include "cli/model_json_history.h"
#include "cli/model_json_policies.h"
#include "cli/model_json_privileges.h"
#include "cli/model_json_routines.h"
#include "cli/model_json_views.h"
#include "cli/model_json_triggers.h"

#include "base/identifier.h"
#include "base/strings.h"
#include "cli/model_json_lineage.h"
#include "model/constraint.h"
#include "model/object_id.h"

namespace pgdrift::cli {
namespace {

using Json = nlohmann::ordered_json;
using model::ObjectId;
using model::ObjectKind;

// Identity fields shared by every object, then `attributes`, then lineage.
Json ObjectJson(const ObjectId& id, Json attributes, const model::Lineage& lineage) {
  Json json = Json::object();
  json["identity"] = id.ToString();
  json["kind"] = std::string(model::KindName(id.kind));
  if (!id.schema.empty()) json["schema"] = id.schema;
  json["name"] = id.name;
  if (!id.parent.empty()) json["parent"] = id.parent;
  for (auto& [key, value] : attributes.items()) json[key] = value;
  PutLineage(json, lineage);
  return json;
}

Json OptionsJson(const std::map<std::string, std::string>& options) {
  Json json = Json::object();
  for (const auto& [key, value] : options) json[key] = value;
  return json;
}

void PutIfNotEmpty(Json& json, const char* key, const std::string& value) {
  if (!value.empty()) json[key] = value;
}

Json IndexElementJson(const model::IndexElement& element) {
  Json json = Json::object();
  if (!element.column.empty()) json["column"] = element.column;
  if (!element.expression.empty()) json["expression"] = element.expression;
  PutIfNotEmpty(json, "collation", element.collation);
  PutIfNotEmpty(json, "opclass", element.opclass);
  if (!element.opclass_options.empty()) json["opclass_options"] = OptionsJson(element.opclass_options);
  json["descending"] = element.descending;
  json["nulls_first"] = element.nulls_first;
  return json;
}

Json ColumnJson(const model::Table& table, const model::Column& column, int position) {
  Json json = Json::object();
  json["position"] = position;
  json["type"] = column.type.ToString();
  PutIfNotEmpty(json, "collation", column.collation);
  json["not_null"] = column.not_null;
  if (column.default_expr) json["default"] = *column.default_expr;
  if (column.identity != model::IdentityKind::kNone) {
    json["identity_generation"] = std::string(model::IdentityName(column.identity));
  }
  if (column.generated_expr) json["generated"] = *column.generated_expr;
  if (column.statistics_target >= 0) json["statistics"] = column.statistics_target;
  PutIfNotEmpty(json, "storage", column.storage);
  PutIfNotEmpty(json, "compression", column.compression);
  if (!column.options.empty()) json["options"] = OptionsJson(column.options);
  if (!column.is_local || column.inherit_count > 0) {
    json["is_local"] = column.is_local;
    json["inherit_count"] = column.inherit_count;
  }
  PutIfNotEmpty(json, "comment", column.comment);
  PutPrivileges(json, column.privileges);
  return ObjectJson(ObjectId::Child(ObjectKind::kColumn, table.name, column.name), std::move(json),
                    column.lineage);
}

Json ConstraintJson(const model::Table& table, const model::Constraint& constraint) {
  Json json = Json::object();
  json["constraint_type"] = std::string(model::ConstraintTypeName(constraint.type));
  if (!constraint.columns.empty()) json["columns"] = constraint.columns;
  if (!constraint.include.empty()) json["include"] = constraint.include;
  if (constraint.nulls_not_distinct) json["nulls_not_distinct"] = true;
  PutIfNotEmpty(json, "expression", constraint.expression);
  if (constraint.no_inherit) json["no_inherit"] = true;
  if (constraint.type == model::ConstraintType::kForeignKey) {
    json["references"] = constraint.referenced_table.ToString();
    json["referenced_columns"] = constraint.referenced_columns;
    json["on_update"] = std::string(model::ForeignKeyActionSql(constraint.on_update));
    json["on_delete"] = std::string(model::ForeignKeyActionSql(constraint.on_delete));
    if (!constraint.on_delete_set_columns.empty()) {
      json["on_delete_set_columns"] = constraint.on_delete_set_columns;
    }
    json["match"] = std::string(model::ForeignKeyMatchSql(constraint.match));
  }
  if (constraint.type == model::ConstraintType::kExclusion) {
    json["method"] = constraint.exclusion_method;
    Json elements = Json::array();
    for (const model::ExclusionElement& element : constraint.exclusion_elements) {
      Json item = IndexElementJson(element.element);
      item["operator"] = element.op;
      elements.push_back(std::move(item));
    }
    json["elements"] = std::move(elements);
    PutIfNotEmpty(json, "predicate", constraint.exclusion_predicate);
  }
  if (!constraint.index_options.empty()) json["index_options"] = OptionsJson(constraint.index_options);
  json["deferrable"] = constraint.deferrable;
  json["initially_deferred"] = constraint.initially_deferred;
  json["validated"] = constraint.validated;
  PutIfNotEmpty(json, "comment", constraint.comment);
  return ObjectJson(ObjectId::Child(ObjectKind::kConstraint, table.name, constraint.name),
                    std::move(json), constraint.lineage);
}

Json TableJson(const model::Table& table) {
  Json json = Json::object();
  if (table.unlogged) json["unlogged"] = true;
  PutIfNotEmpty(json, "partition_key", table.partition_key);
  if (table.partition_of) {
    json["partition_of"] = table.partition_of->ToString();
    json["partition_bound"] = table.partition_bound;
  }
  if (!table.inherits.empty()) {
    Json parents = Json::array();
    for (const model::QualifiedName& parent : table.inherits) parents.push_back(parent.ToString());
    json["inherits"] = std::move(parents);
  }
  json["rls_enabled"] = table.rls_enabled;
  json["rls_forced"] = table.rls_forced;
  if (table.replica_identity != model::ReplicaIdentity::kDefault) {
    json["replica_identity"] = std::string(model::ReplicaIdentityName(table.replica_identity));
    PutIfNotEmpty(json, "replica_identity_index", table.replica_identity_index);
  }
  if (!table.options.empty()) json["options"] = OptionsJson(table.options);
  PutIfNotEmpty(json, "access_method", table.access_method);
  PutIfNotEmpty(json, "tablespace", table.tablespace);
  PutIfNotEmpty(json, "owner", table.owner);
  PutIfNotEmpty(json, "comment", table.comment);
  PutPrivileges(json, table.privileges);
  Json columns = Json::array();
  int position = 0;
  for (const model::Column& column : table.columns) {
    columns.push_back(ColumnJson(table, column, ++position));
  }
  json["columns"] = std::move(columns);
  Json constraints = Json::array();
  for (const auto& [name, constraint] : table.constraints) {
    constraints.push_back(ConstraintJson(table, constraint));
  }
  json["constraints"] = std::move(constraints);
  return ObjectJson(ObjectId::Of(ObjectKind::kTable, table.name), std::move(json), table.lineage);
}

Json IndexJson(const model::Index& index) {
  Json json = Json::object();
  json["table"] = index.table.ToString();
  json["unique"] = index.unique;
  if (index.nulls_not_distinct) json["nulls_not_distinct"] = true;
  json["method"] = index.method;
  Json keys = Json::array();
  for (const model::IndexElement& key : index.keys) keys.push_back(IndexElementJson(key));
  json["keys"] = std::move(keys);
  if (!index.include.empty()) json["include"] = index.include;
  PutIfNotEmpty(json, "predicate", index.predicate);
  if (!index.options.empty()) json["options"] = OptionsJson(index.options);
  PutIfNotEmpty(json, "tablespace", index.tablespace);
  PutIfNotEmpty(json, "constraint", index.constraint_name);
  if (index.parent_index) json["parent_index"] = index.parent_index->ToString();
  if (index.clustered) json["clustered"] = true;
  PutIfNotEmpty(json, "comment", index.comment);
  return ObjectJson(ObjectId::Of(ObjectKind::kIndex, index.name), std::move(json), index.lineage);
}

Json SequenceJson(const model::Sequence& sequence) {
  Json json = Json::object();
  json["data_type"] = sequence.data_type.ToString();
  json["start"] = sequence.start;
  json["increment"] = sequence.increment;
  json["min_value"] = sequence.min_value;
  json["max_value"] = sequence.max_value;
  json["cache"] = sequence.cache;
  json["cycle"] = sequence.cycle;
  if (sequence.unlogged) json["unlogged"] = true;
  if (sequence.owned_by) {
    json["owned_by"] = StrCat(sequence.owned_by->table.ToString(), ".",
                              QuoteIdent(sequence.owned_by->column));
  }
  if (sequence.identity) json["identity_sequence"] = true;
  PutIfNotEmpty(json, "owner", sequence.owner);
  PutIfNotEmpty(json, "comment", sequence.comment);
  PutPrivileges(json, sequence.privileges);
  return ObjectJson(ObjectId::Of(ObjectKind::kSequence, sequence.name), std::move(json),
                    sequence.lineage);
}

Json UserTypeJson(const model::UserType& type) {
  Json json = Json::object();
  json["type_kind"] = std::string(model::UserTypeKindName(type.kind));
  switch (type.kind) {
    case model::UserTypeKind::kEnum:
      json["values"] = type.enum_values;
      break;
    case model::UserTypeKind::kComposite: {
      Json attributes = Json::array();
      for (const model::CompositeAttribute& attribute : type.attributes) {
        Json item = Json::object();
        item["name"] = attribute.name;
        item["type"] = attribute.type.ToString();
        PutIfNotEmpty(item, "collation", attribute.collation);
        attributes.push_back(std::move(item));
      }
      json["attributes"] = std::move(attributes);
      break;
    }
    case model::UserTypeKind::kRange:
      json["subtype"] = type.range_subtype.ToString();
      PutIfNotEmpty(json, "subtype_opclass", type.range_subtype_opclass);
      PutIfNotEmpty(json, "collation", type.range_collation);
      PutIfNotEmpty(json, "canonical", type.range_canonical);
      PutIfNotEmpty(json, "subtype_diff", type.range_subtype_diff);
      PutIfNotEmpty(json, "multirange", type.multirange_name);
      break;
  }
  PutIfNotEmpty(json, "owner", type.owner);
  PutIfNotEmpty(json, "comment", type.comment);
  PutPrivileges(json, type.privileges);
  return ObjectJson(ObjectId::Of(ObjectKind::kType, type.name), std::move(json), type.lineage);
}

Json DomainJson(const model::Domain& domain) {
  Json json = Json::object();
  json["base_type"] = domain.base_type.ToString();
  PutIfNotEmpty(json, "collation", domain.collation);
  if (domain.default_expr) json["default"] = *domain.default_expr;
  json["not_null"] = domain.not_null;
  Json checks = Json::array();
  for (const auto& [name, check] : domain.checks) {
    Json item = Json::object();
    item["name"] = name;
    item["expression"] = check.expression;
    item["validated"] = check.validated;
    checks.push_back(std::move(item));
  }
  json["checks"] = std::move(checks);
  PutIfNotEmpty(json, "owner", domain.owner);
  PutIfNotEmpty(json, "comment", domain.comment);
  PutPrivileges(json, domain.privileges);
  return ObjectJson(ObjectId::Of(ObjectKind::kDomain, domain.name), std::move(json), domain.lineage);
}

Json SchemaJson(const model::Schema& schema) {
  Json json = Json::object();
  PutIfNotEmpty(json, "owner", schema.owner);
  PutIfNotEmpty(json, "comment", schema.comment);
  PutPrivileges(json, schema.privileges);
  return ObjectJson(ObjectId{ObjectKind::kSchema, "", schema.name, "", ""}, std::move(json),
                    schema.lineage);
}

Json ExtensionJson(const model::Extension& extension) {
  Json json = Json::object();
  json["extension_schema"] = extension.schema;
  PutIfNotEmpty(json, "version", extension.version);
  PutIfNotEmpty(json, "comment", extension.comment);
  return ObjectJson(ObjectId{ObjectKind::kExtension, "", extension.name, "", ""}, std::move(json),
                    extension.lineage);
}

// The JSON of every object in `objects` that is in scope: objects the platform profile
// manages (flagged, or in a managed schema) only with include_managed.
template <typename Map, typename ToJson>
Json ObjectList(const model::Catalog& catalog, const Map& objects, const ModelJsonOptions& options,
                ToJson to_json) {
  Json list = Json::array();
  for (const auto& [key, object] : objects) {
    if (!options.include_managed) {
      if constexpr (requires { object.managed; }) {
        if (object.managed) continue;
      }
      if constexpr (requires { object.name.schema; }) {
        if (catalog.IsManagedSchema(object.name.schema)) continue;
      }
    }
    list.push_back(to_json(object));
  }
  return list;
}

}  // namespace

nlohmann::ordered_json ModelToJson(const model::Catalog& catalog, const ModelJsonOptions& options) {
  Json json = Json::object();
  json["format"] = kModelFormat;
  json["schemas"] = ObjectList(catalog, catalog.schemas, options, SchemaJson);
  json["extensions"] = ObjectList(catalog, catalog.extensions, options, ExtensionJson);
  json["types"] = ObjectList(catalog, catalog.types, options, UserTypeJson);
  json["domains"] = ObjectList(catalog, catalog.domains, options, DomainJson);
  json["sequences"] = ObjectList(catalog, catalog.sequences, options, SequenceJson);
  json["tables"] = ObjectList(catalog, catalog.tables, options, TableJson);
  json["indexes"] = ObjectList(catalog, catalog.indexes, options, IndexJson);
  // Only when there are any, so snapshots without routines keep their bytes.
  if (Json routines = RoutinesToJson(catalog, options.include_managed); !routines.empty()) {
    json["routines"] = std::move(routines);
  }
  // Only when there are any, so snapshots without views keep their bytes.
  if (Json views = ViewsToJson(catalog, options.include_managed); !views.empty()) {
    json["views"] = std::move(views);
  }
  // Only when there are any, so snapshots without triggers keep their bytes.
  if (Json triggers = TriggersToJson(catalog, options.include_managed); !triggers.empty()) {
    json["triggers"] = std::move(triggers);
  }
  if (Json policies = PoliciesToJson(catalog); !policies.empty()) {
    json["policies"] = std::move(policies);
  }
  if (Json defaults = DefaultPrivilegesToJson(catalog, options.include_managed); !defaults.empty()) {
    json["default_privileges"] = std::move(defaults);
  }
  if (options.history != nullptr) json["history"] = HistoryToJson(*options.history);
  return json;
}

}  // namespace pgdrift::cli
