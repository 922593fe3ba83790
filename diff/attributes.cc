#include "diff/attributes.h"

#include <sstream>

#include "base/strings.h"
#include "model/constraint.h"

namespace pgdrift::diff {
namespace {

Value Text(const std::string& text) { return text.empty() ? Value() : Value(text); }

Value OptionalText(const std::optional<std::string>& text) {
  return text.has_value() ? Value(*text) : Value();
}

Value Options(const std::map<std::string, std::string>& options) {
  std::vector<std::string> items;
  for (const auto& [key, value] : options) items.push_back(StrCat(key, "=", value));
  return items;
}

Value Names(const std::vector<model::QualifiedName>& names) {
  std::vector<std::string> items;
  for (const model::QualifiedName& name : names) items.push_back(name.ToString());
  return items;
}

// An index key as one text: `lower(email) text_pattern_ops DESC NULLS LAST`.
std::string ElementText(const model::IndexElement& element) {
  std::string text = element.column.empty() ? StrCat("(", element.expression, ")") : element.column;
  if (!element.collation.empty()) StrAppend(&text, " COLLATE ", element.collation);
  if (!element.opclass.empty()) StrAppend(&text, " ", element.opclass);
  if (!element.opclass_options.empty()) {
    StrAppend(&text, " (", StrJoin(std::get<std::vector<std::string>>(Options(element.opclass_options)), ", "), ")");
  }
  if (element.descending) StrAppend(&text, " DESC");
  if (element.nulls_first != element.descending) {
    StrAppend(&text, element.nulls_first ? " NULLS FIRST" : " NULLS LAST");
  }
  return text;
}

Value Elements(const std::vector<model::IndexElement>& elements) {
  std::vector<std::string> items;
  for (const model::IndexElement& element : elements) items.push_back(ElementText(element));
  return items;
}

void AddOwner(Attributes& attributes, const std::string& owner, const AttributeOptions& options) {
  if (options.compare_owners) attributes.emplace_back("owner", Text(owner));
}

}  // namespace

Value PrivilegesValue(const std::optional<model::Acl>& acl, model::AclObjectKind kind,
                      const std::string& owner, const AttributeOptions& options) {
  model::Acl effective = acl.has_value() ? *acl : model::DefaultAcl(kind, owner);
  auto own = effective.find(owner);
  if (own != effective.end() &&
      (!options.compare_owners ||
       model::OrderedPrivileges(own->second.privileges) == model::AllPrivileges(kind))) {
    effective.erase(own);
  }
  return model::AclTexts(effective);
}

Value DefaultPrivilegesValue(const model::DefaultAcls& acls, const std::string& schema) {
  std::vector<std::string> texts;
  for (const auto& [key, acl] : acls) {
    if (!key.schema.empty() && key.schema != schema) continue;
    std::string_view objects = key.object_type == 'S'   ? "sequences"
                               : key.object_type == 'f' ? "functions"
                               : key.object_type == 'T' ? "types"
                               : key.object_type == 'n' ? "schemas"
                                                        : "tables";
    texts.push_back(StrCat("for role ", key.role, key.schema.empty() ? "" : " in schema",
                           " on ", objects, ": ", StrJoin(model::AclTexts(acl), ", ")));
  }
  return texts;
}

Attributes SchemaAttributes(const model::Schema& schema, const AttributeOptions& options) {
  Attributes attributes = {
      {"comment", Text(schema.comment)},
      {"privileges", PrivilegesValue(schema.privileges, model::AclObjectKind::kSchema, schema.owner, options)}};
  AddOwner(attributes, schema.owner, options);
  return attributes;
}

// The comment of an extension is left out: its control file sets it, and a database and
// a chain that never mention it would otherwise disagree.
Attributes ExtensionAttributes(const model::Extension& extension, const AttributeOptions&) {
  return {{"schema", Text(extension.schema)}, {"version", Text(extension.version)}};
}

Attributes UserTypeAttributes(const model::UserType& type, const AttributeOptions& options) {
  Attributes attributes = {{"type_kind", std::string(model::UserTypeKindName(type.kind))}};
  switch (type.kind) {
    case model::UserTypeKind::kEnum:
      attributes.emplace_back("values", type.enum_values);
      break;
    case model::UserTypeKind::kComposite: {
      std::vector<std::string> items;
      for (const model::CompositeAttribute& attribute : type.attributes) {
        std::string item = StrCat(attribute.name, " ", attribute.type.ToString());
        if (!attribute.collation.empty()) StrAppend(&item, " COLLATE ", attribute.collation);
        items.push_back(item);
      }
      attributes.emplace_back("attributes", items);
      break;
    }
    case model::UserTypeKind::kRange:
      attributes.emplace_back("subtype", type.range_subtype.ToString());
      attributes.emplace_back("subtype_opclass", Text(type.range_subtype_opclass));
      attributes.emplace_back("collation", Text(type.range_collation));
      attributes.emplace_back("canonical", Text(type.range_canonical));
      attributes.emplace_back("subtype_diff", Text(type.range_subtype_diff));
      // pg_range.rngmultitypid, by bare name: the model keeps the multirange in the
      // range's schema (replay refuses multirange_type_name in another one).
      attributes.emplace_back("multirange_name", Text(type.multirange_name));
      break;
  }
  attributes.emplace_back("comment", Text(type.comment));
  attributes.emplace_back("privileges", PrivilegesValue(type.privileges, model::AclObjectKind::kType, type.owner, options));
  AddOwner(attributes, type.owner, options);
  return attributes;
}

Attributes DomainAttributes(const model::Domain& domain, const AttributeOptions& options) {
  std::vector<std::string> checks;
  for (const auto& [name, check] : domain.checks) {
    checks.push_back(StrCat(name, ": CHECK (", check.expression, ")", check.validated ? "" : " NOT VALID"));
  }
  Attributes attributes = {{"base_type", domain.base_type.ToString()},
                           {"collation", Text(domain.collation)},
                           {"default", OptionalText(domain.default_expr)},
                           {"not_null", domain.not_null},
                           {"checks", checks},
                           {"comment", Text(domain.comment)}};
  attributes.emplace_back("privileges", PrivilegesValue(domain.privileges, model::AclObjectKind::kType, domain.owner, options));
  AddOwner(attributes, domain.owner, options);
  return attributes;
}

namespace {

// procost / prorows as a number: integral values print as integers, others with the
// digits a double needs to read back the same.
Value Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return Value(static_cast<int64_t>(value));
  }
  std::ostringstream out;
  out.precision(17);
  out << value;
  return Value(out.str());
}

}  // namespace

Attributes RoutineAttributes(const model::Routine& routine, const AttributeOptions& options) {
  std::vector<std::string> arguments;
  for (const model::RoutineArg& arg : routine.args) {
    std::string text = StrCat(model::ArgModeName(arg.mode), " ", arg.name.empty() ? "" : arg.name,
                              arg.name.empty() ? "" : " ", arg.type.ToString());
    if (arg.default_expr.has_value()) StrAppend(&text, " DEFAULT ", *arg.default_expr);
    arguments.push_back(std::move(text));
  }
  std::vector<std::string> config;
  for (const auto& [name, value] : routine.config) config.push_back(StrCat(name, "=", value));
  Attributes attributes = {
      {"procedure", routine.procedure},
      {"arguments", arguments},
      {"result", Text(routine.result)},
      {"language", routine.language},
      {"body", routine.body},
      {"probin", Text(routine.probin)},
      {"volatility", std::string(model::VolatilityName(routine.volatility))},
      {"strict", routine.strict},
      {"security_definer", routine.security_definer},
      {"leakproof", routine.leakproof},
      {"parallel", std::string(model::ParallelSafetyName(routine.parallel))},
      {"cost", Number(routine.cost)},
      {"rows", Number(routine.rows)},
      {"config", config},
      {"support", routine.support ? Value(routine.support->ToString()) : Value()},
      {"comment", Text(routine.comment)},
  };
  attributes.emplace_back("privileges", PrivilegesValue(routine.privileges,
                                                        model::AclObjectKind::kFunction,
                                                        routine.owner, options));
  AddOwner(attributes, routine.owner, options);
  return attributes;
}

Attributes SequenceAttributes(const model::Sequence& sequence, const AttributeOptions& options) {
  Attributes attributes = {
      {"data_type", sequence.data_type.ToString()},
      {"start", sequence.start},
      {"increment", sequence.increment},
      {"min_value", sequence.min_value},
      {"max_value", sequence.max_value},
      {"cache", sequence.cache},
      {"cycle", sequence.cycle},
      {"unlogged", sequence.unlogged},
      {"owned_by", sequence.owned_by ? Value(StrCat(sequence.owned_by->table.ToString(), ".",
                                                    sequence.owned_by->column))
                                     : Value()},
      {"comment", Text(sequence.comment)},
  };
  attributes.emplace_back("privileges", PrivilegesValue(sequence.privileges, model::AclObjectKind::kSequence, sequence.owner, options));
  AddOwner(attributes, sequence.owner, options);
  return attributes;
}

Attributes ViewAttributes(const model::View& view, const AttributeOptions& options) {
  std::vector<std::string> names;
  std::vector<std::string> comments;
  std::vector<std::string> column_privileges;
  for (const model::ViewColumn& column : view.columns) {
    names.push_back(column.name);
    if (!column.comment.empty()) comments.push_back(StrCat(column.name, ": ", column.comment));
    if (column.privileges && !column.privileges->empty()) {
      column_privileges.push_back(
          StrCat(column.name, ": ", StrJoin(model::AclTexts(*column.privileges), ", ")));
    }
  }
  Attributes attributes = {
      {"materialized", view.materialized},
      {"columns", names},
      {"query", view.query},
      {"options", Options(view.options)},
      {"populated", view.populated},
      {"tablespace", Text(view.tablespace)},
      {"access_method", Text(view.access_method)},
      {"column_comments", comments},
      {"column_privileges", column_privileges},
      {"comment", Text(view.comment)},
  };
  attributes.emplace_back("privileges",
                          PrivilegesValue(view.privileges, model::AclObjectKind::kTable, view.owner, options));
  AddOwner(attributes, view.owner, options);
  return attributes;
}

Attributes TableAttributes(const model::Table& table, const AttributeOptions& options) {
  Attributes attributes = {
      {"unlogged", table.unlogged},
      {"partition_key", Text(table.partition_key)},
      {"partition_of", table.partition_of ? Value(table.partition_of->ToString()) : Value()},
      {"partition_bound", Text(table.partition_bound)},
      {"inherits", Names(table.inherits)},
      {"rls_enabled", table.rls_enabled},
      {"rls_forced", table.rls_forced},
      {"replica_identity", std::string(model::ReplicaIdentityName(table.replica_identity))},
      {"replica_identity_index", Text(table.replica_identity_index)},
      {"options", Options(table.options)},
      {"access_method", Text(table.access_method)},
      {"tablespace", Text(table.tablespace)},
      {"comment", Text(table.comment)},
  };
  attributes.emplace_back("privileges", PrivilegesValue(table.privileges, model::AclObjectKind::kTable, table.owner, options));
  AddOwner(attributes, table.owner, options);
  return attributes;
}

Attributes ColumnAttributes(const model::Column& column, int position) {
  return {
      {"position", int64_t{position}},
      {"type", column.type.ToString()},
      {"collation", Text(column.collation)},
      {"not_null", column.not_null},
      {"default", OptionalText(column.default_expr)},
      {"identity", Text(std::string(model::IdentityName(column.identity)))},
      {"generated", OptionalText(column.generated_expr)},
      {"statistics", int64_t{column.statistics_target}},
      {"storage", Text(column.storage)},
      {"compression", Text(column.compression)},
      {"options", Options(column.options)},
      {"inherit_count", int64_t{column.inherit_count}},
      {"is_local", column.is_local},
      {"comment", Text(column.comment)},
      {"privileges", model::AclTexts(column.privileges.value_or(model::Acl{}))},
  };
}

Attributes ConstraintAttributes(const model::Constraint& constraint) {
  Attributes attributes = {
      {"constraint_type", std::string(model::ConstraintTypeName(constraint.type))},
      {"columns", constraint.columns},
      {"include", constraint.include},
      {"nulls_not_distinct", constraint.nulls_not_distinct},
      {"expression", Text(constraint.expression)},
      {"no_inherit", constraint.no_inherit},
  };
  if (constraint.type == model::ConstraintType::kForeignKey) {
    attributes.emplace_back("references", constraint.referenced_table.ToString());
    attributes.emplace_back("referenced_columns", constraint.referenced_columns);
    attributes.emplace_back("on_update", std::string(model::ForeignKeyActionSql(constraint.on_update)));
    attributes.emplace_back("on_delete", std::string(model::ForeignKeyActionSql(constraint.on_delete)));
    attributes.emplace_back("on_delete_set_columns", constraint.on_delete_set_columns);
    attributes.emplace_back("match", std::string(model::ForeignKeyMatchSql(constraint.match)));
  }
  if (constraint.type == model::ConstraintType::kExclusion) {
    std::vector<std::string> elements;
    for (const model::ExclusionElement& element : constraint.exclusion_elements) {
      elements.push_back(StrCat(ElementText(element.element), " WITH ", element.op));
    }
    attributes.emplace_back("method", constraint.exclusion_method);
    attributes.emplace_back("elements", elements);
    attributes.emplace_back("predicate", Text(constraint.exclusion_predicate));
  }
  attributes.emplace_back("index_options", Options(constraint.index_options));
  attributes.emplace_back("deferrable", constraint.deferrable);
  attributes.emplace_back("initially_deferred", constraint.initially_deferred);
  attributes.emplace_back("validated", constraint.validated);
  attributes.emplace_back("comment", Text(constraint.comment));
  return attributes;
}

Attributes TriggerAttributes(const model::Trigger& trigger) {
  std::vector<std::string> events;
  if (trigger.on_insert) events.push_back("insert");
  if (trigger.on_delete) events.push_back("delete");
  if (trigger.on_update) events.push_back("update");
  if (trigger.on_truncate) events.push_back("truncate");
  return {
      {"timing", std::string(model::TriggerTimingName(trigger.timing))},
      {"events", events},
      {"update_columns", trigger.update_columns},
      {"level", std::string(trigger.for_each_row ? "row" : "statement")},
      {"when", Text(trigger.when)},
      {"old_table", Text(trigger.old_table)},
      {"new_table", Text(trigger.new_table)},
      {"function", trigger.function.ToString()},
      {"arguments", trigger.arguments},
      {"enabled", std::string(model::TriggerEnabledName(trigger.enabled))},
      {"constraint", trigger.constraint},
      {"deferrable", trigger.deferrable},
      {"initially_deferred", trigger.initially_deferred},
      {"referenced_table",
       trigger.referenced_table.has_value() ? Value(trigger.referenced_table->ToString()) : Value()},
      {"comment", Text(trigger.comment)},
  };
}

// Policy::depends_on is left out: it is derived from the expressions, which are compared,
// and a dependency missed on one side would otherwise show as drift of its own.
Attributes PolicyAttributes(const model::Policy& policy) {
  return {
      {"permissive", policy.permissive},
      {"command", policy.command},
      {"roles", policy.roles},
      {"using", Text(policy.using_expr)},
      {"with_check", Text(policy.check_expr)},
      {"comment", Text(policy.comment)},
  };
}

Attributes IndexAttributes(const model::Index& index) {
  return {
      {"table", index.table.ToString()},
      {"unique", index.unique},
      {"nulls_not_distinct", index.nulls_not_distinct},
      {"method", index.method},
      {"keys", Elements(index.keys)},
      {"include", index.include},
      {"predicate", Text(index.predicate)},
      {"options", Options(index.options)},
      {"tablespace", Text(index.tablespace)},
      // pg_inherits of the index: which partitioned index it is attached to.
      {"parent_index",
       index.parent_index.has_value() ? Value(index.parent_index->ToString()) : Value()},
      {"clustered", index.clustered},
      {"comment", Text(index.comment)},
  };
}

}  // namespace pgdrift::diff
