#include "introspect/testing/catalog_compare.h"

#include <map>
#include <optional>
#include <set>

#include "base/strings.h"

namespace pgdrift::testing {
namespace {

std::string Show(const std::string& value) { return StrCat("'", value, "'"); }
std::string Show(bool value) { return value ? "true" : "false"; }
std::string Show(int value) { return std::to_string(value); }
std::string Show(int64_t value) { return std::to_string(value); }
std::string Show(const model::TypeRef& type) { return type.ToString(); }
std::string Show(const model::Acl& acl) {
  return StrCat("{", StrJoin(model::AclTexts(acl), ","), "}");
}
std::string Show(const model::QualifiedName& name) { return name.ToString(); }
std::string Show(const model::SequenceOwner& owner) {
  return StrCat(owner.table.ToString(), ".", owner.column);
}
std::string Show(model::IdentityKind kind) { return std::string(model::IdentityName(kind)); }
std::string Show(model::ConstraintType type) {
  return std::string(model::ConstraintTypeName(type));
}
std::string Show(model::ForeignKeyAction action) {
  return std::string(model::ForeignKeyActionSql(action));
}
std::string Show(model::ForeignKeyMatch match) {
  return std::string(model::ForeignKeyMatchSql(match));
}
std::string Show(model::ReplicaIdentity identity) {
  return std::string(model::ReplicaIdentityName(identity));
}
std::string Show(model::UserTypeKind kind) { return std::string(model::UserTypeKindName(kind)); }
std::string Show(const model::IndexElement& element) {
  std::string text = element.column.empty() ? StrCat("(", element.expression, ")") : element.column;
  if (!element.collation.empty()) StrAppend(&text, " COLLATE ", element.collation);
  if (!element.opclass.empty()) StrAppend(&text, " ", element.opclass);
  for (const auto& [key, value] : element.opclass_options) StrAppend(&text, " ", key, "=", value);
  StrAppend(&text, element.descending ? " DESC" : " ASC");
  StrAppend(&text, element.nulls_first ? " NULLS FIRST" : " NULLS LAST");
  return text;
}
std::string Show(const model::ExclusionElement& element) {
  return StrCat(Show(element.element), " WITH ", element.op);
}
std::string Show(const model::CompositeAttribute& attribute) {
  return StrCat(attribute.name, " ", attribute.type.ToString(),
                attribute.collation.empty() ? "" : StrCat(" COLLATE ", attribute.collation));
}
std::string Show(const model::DomainCheck& check) {
  return StrCat(check.name, " CHECK (", check.expression, ")", check.validated ? "" : " NOT VALID");
}
std::string Show(double value) { return std::to_string(value); }
std::string Show(const model::RoutineArg& arg) {
  return StrCat(model::ArgModeName(arg.mode), " ", arg.name, " ", arg.type.ToString(),
                arg.default_expr ? StrCat(" DEFAULT ", *arg.default_expr) : "");
}
std::string Show(const std::pair<std::string, std::string>& setting) {
  return StrCat(setting.first, "=", setting.second);
}
template <typename T>
std::string Show(const std::optional<T>& value) {
  return value.has_value() ? Show(*value) : "(none)";
}
template <typename T>
std::string Show(const std::vector<T>& values) {
  return StrCat("[", StrJoin(values, ", ", [](const T& value) { return Show(value); }), "]");
}
std::string Show(const std::map<std::string, std::string>& values) {
  return StrCat("{",
                StrJoin(values, ", ",
                        [](const auto& entry) { return StrCat(entry.first, "=", entry.second); }),
                "}");
}

class Comparer {
 public:
  Comparer(const std::function<bool(const std::string&)>& skip) : skip_(skip) {}

  template <typename T>
  void Field(const std::string& object, std::string_view attribute, const T& replayed,
             const T& introspected) {
    if (replayed == introspected) return;
    differences_.push_back(StrCat(object, ": ", attribute, ": replayed ", Show(replayed),
                                  " introspected ", Show(introspected)));
  }

  bool Skip(const std::string& schema) const { return skip_ && skip_(schema); }

  // Walks two maps; calls `compare` for keys in both and reports the others.
  template <typename Key, typename Value, typename Name, typename Compare>
  void Objects(const std::map<Key, Value>& replayed, const std::map<Key, Value>& introspected,
               Name name_of, Compare compare) {
    std::set<Key> keys;
    for (const auto& entry : replayed) keys.insert(entry.first);
    for (const auto& entry : introspected) keys.insert(entry.first);
    for (const Key& key : keys) {
      auto [name, schema] = name_of(key);
      if (Skip(schema)) continue;
      auto left = replayed.find(key);
      auto right = introspected.find(key);
      if (right == introspected.end()) {
        differences_.push_back(StrCat(name, ": only replayed"));
      } else if (left == replayed.end()) {
        differences_.push_back(StrCat(name, ": only introspected"));
      } else {
        compare(name, left->second, right->second);
      }
    }
  }

  void Columns(const std::string& table, const std::vector<model::Column>& replayed,
               const std::vector<model::Column>& introspected) {
    std::vector<std::string> left_names;
    std::vector<std::string> right_names;
    for (const model::Column& column : replayed) left_names.push_back(column.name);
    for (const model::Column& column : introspected) right_names.push_back(column.name);
    if (left_names != right_names) {
      Field(StrCat("table ", table), "columns", left_names, right_names);
    }
    for (const model::Column& a : replayed) {
      for (const model::Column& b : introspected) {
        if (a.name != b.name) continue;
        std::string id = StrCat("column ", table, ".", a.name);
        Field(id, "type", a.type, b.type);
        Field(id, "collation", a.collation, b.collation);
        Field(id, "not_null", a.not_null, b.not_null);
        Field(id, "default_expr", a.default_expr, b.default_expr);
        Field(id, "identity", a.identity, b.identity);
        Field(id, "generated_expr", a.generated_expr, b.generated_expr);
        Field(id, "statistics_target", a.statistics_target, b.statistics_target);
        Field(id, "storage", a.storage, b.storage);
        Field(id, "compression", a.compression, b.compression);
        Field(id, "options", a.options, b.options);
        Field(id, "inherit_count", a.inherit_count, b.inherit_count);
        Field(id, "is_local", a.is_local, b.is_local);
        Field(id, "comment", a.comment, b.comment);
        Field(id, "privileges", a.privileges, b.privileges);
      }
    }
  }

  void Constraint(const std::string& id, const model::Constraint& a, const model::Constraint& b) {
    Field(id, "type", a.type, b.type);
    Field(id, "columns", a.columns, b.columns);
    Field(id, "include", a.include, b.include);
    Field(id, "nulls_not_distinct", a.nulls_not_distinct, b.nulls_not_distinct);
    Field(id, "expression", a.expression, b.expression);
    Field(id, "no_inherit", a.no_inherit, b.no_inherit);
    Field(id, "referenced_table", a.referenced_table, b.referenced_table);
    Field(id, "referenced_columns", a.referenced_columns, b.referenced_columns);
    Field(id, "on_update", a.on_update, b.on_update);
    Field(id, "on_delete", a.on_delete, b.on_delete);
    Field(id, "on_delete_set_columns", a.on_delete_set_columns, b.on_delete_set_columns);
    Field(id, "match", a.match, b.match);
    Field(id, "exclusion_method", a.exclusion_method, b.exclusion_method);
    Field(id, "exclusion_elements", a.exclusion_elements, b.exclusion_elements);
    Field(id, "exclusion_predicate", a.exclusion_predicate, b.exclusion_predicate);
    Field(id, "index_options", a.index_options, b.index_options);
    Field(id, "deferrable", a.deferrable, b.deferrable);
    Field(id, "initially_deferred", a.initially_deferred, b.initially_deferred);
    Field(id, "validated", a.validated, b.validated);
    Field(id, "comment", a.comment, b.comment);
  }

  std::vector<std::string> differences_;

 private:
  std::function<bool(const std::string&)> skip_;
};

std::pair<std::string, std::string> Named(std::string_view kind, const model::QualifiedName& name) {
  return {StrCat(kind, " ", name.ToString()), name.schema};
}

}  // namespace

std::vector<std::string> CompareCatalogs(
    const model::Catalog& replayed, const model::Catalog& introspected,
    const std::function<bool(const std::string&)>& skip_schema) {
  Comparer c(skip_schema);
  c.Objects(
      replayed.schemas, introspected.schemas,
      [](const std::string& name) { return std::pair(StrCat("schema ", name), name); },
      [&](const std::string& id, const model::Schema& a, const model::Schema& b) {
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "privileges", a.privileges, b.privileges);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.extensions, introspected.extensions,
      [](const std::string& name) { return std::pair(StrCat("extension ", name), std::string()); },
      [&](const std::string& id, const model::Extension& a, const model::Extension& b) {
        c.Field(id, "schema", a.schema, b.schema);
        // An unpinned version (empty) matches whatever the server installed.
        if (!a.version.empty()) c.Field(id, "version", a.version, b.version);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.types, introspected.types,
      [](const model::QualifiedName& name) { return Named("type", name); },
      [&](const std::string& id, const model::UserType& a, const model::UserType& b) {
        c.Field(id, "kind", a.kind, b.kind);
        c.Field(id, "enum_values", a.enum_values, b.enum_values);
        c.Field(id, "attributes", a.attributes, b.attributes);
        c.Field(id, "range_subtype", a.range_subtype, b.range_subtype);
        c.Field(id, "range_subtype_opclass", a.range_subtype_opclass, b.range_subtype_opclass);
        c.Field(id, "range_collation", a.range_collation, b.range_collation);
        c.Field(id, "range_canonical", a.range_canonical, b.range_canonical);
        c.Field(id, "range_subtype_diff", a.range_subtype_diff, b.range_subtype_diff);
        c.Field(id, "multirange_name", a.multirange_name, b.multirange_name);
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "privileges", a.privileges, b.privileges);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.domains, introspected.domains,
      [](const model::QualifiedName& name) { return Named("domain", name); },
      [&](const std::string& id, const model::Domain& a, const model::Domain& b) {
        c.Field(id, "base_type", a.base_type, b.base_type);
        c.Field(id, "collation", a.collation, b.collation);
        c.Field(id, "default_expr", a.default_expr, b.default_expr);
        c.Field(id, "not_null", a.not_null, b.not_null);
        std::vector<model::DomainCheck> left;
        std::vector<model::DomainCheck> right;
        for (const auto& entry : a.checks) left.push_back(entry.second);
        for (const auto& entry : b.checks) right.push_back(entry.second);
        c.Field(id, "checks", left, right);
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "privileges", a.privileges, b.privileges);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.sequences, introspected.sequences,
      [](const model::QualifiedName& name) { return Named("sequence", name); },
      [&](const std::string& id, const model::Sequence& a, const model::Sequence& b) {
        c.Field(id, "data_type", a.data_type, b.data_type);
        c.Field(id, "start", a.start, b.start);
        c.Field(id, "increment", a.increment, b.increment);
        c.Field(id, "min_value", a.min_value, b.min_value);
        c.Field(id, "max_value", a.max_value, b.max_value);
        c.Field(id, "cache", a.cache, b.cache);
        c.Field(id, "cycle", a.cycle, b.cycle);
        c.Field(id, "unlogged", a.unlogged, b.unlogged);
        c.Field(id, "owned_by", a.owned_by, b.owned_by);
        c.Field(id, "identity", a.identity, b.identity);
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "privileges", a.privileges, b.privileges);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.tables, introspected.tables,
      [](const model::QualifiedName& name) { return Named("table", name); },
      [&](const std::string& id, const model::Table& a, const model::Table& b) {
        std::string table = a.name.ToString();
        c.Field(id, "unlogged", a.unlogged, b.unlogged);
        c.Columns(table, a.columns, b.columns);
        c.Objects(
            a.constraints, b.constraints,
            [&](const std::string& name) {
              return std::pair(StrCat("constraint ", table, ".", name), std::string());
            },
            [&](const std::string& constraint_id, const model::Constraint& x,
                const model::Constraint& y) { c.Constraint(constraint_id, x, y); });
        c.Field(id, "partition_key", a.partition_key, b.partition_key);
        c.Field(id, "partition_of", a.partition_of, b.partition_of);
        c.Field(id, "partition_bound", a.partition_bound, b.partition_bound);
        c.Field(id, "inherits", a.inherits, b.inherits);
        c.Field(id, "rls_enabled", a.rls_enabled, b.rls_enabled);
        c.Field(id, "rls_forced", a.rls_forced, b.rls_forced);
        c.Field(id, "replica_identity", a.replica_identity, b.replica_identity);
        c.Field(id, "replica_identity_index", a.replica_identity_index, b.replica_identity_index);
        c.Field(id, "options", a.options, b.options);
        c.Field(id, "access_method", a.access_method, b.access_method);
        c.Field(id, "tablespace", a.tablespace, b.tablespace);
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "privileges", a.privileges, b.privileges);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.indexes, introspected.indexes,
      [](const model::QualifiedName& name) { return Named("index", name); },
      [&](const std::string& id, const model::Index& a, const model::Index& b) {
        c.Field(id, "table", a.table, b.table);
        c.Field(id, "unique", a.unique, b.unique);
        c.Field(id, "nulls_not_distinct", a.nulls_not_distinct, b.nulls_not_distinct);
        c.Field(id, "method", a.method, b.method);
        c.Field(id, "keys", a.keys, b.keys);
        c.Field(id, "include", a.include, b.include);
        c.Field(id, "predicate", a.predicate, b.predicate);
        c.Field(id, "options", a.options, b.options);
        c.Field(id, "tablespace", a.tablespace, b.tablespace);
        c.Field(id, "constraint_name", a.constraint_name, b.constraint_name);
        c.Field(id, "parent_index", a.parent_index, b.parent_index);
        c.Field(id, "clustered", a.clustered, b.clustered);
        c.Field(id, "comment", a.comment, b.comment);
      });
  c.Objects(
      replayed.routines, introspected.routines,
      [](const model::RoutineKey& key) {
        return std::pair(StrCat("routine ", key.name.ToString(), "(", key.args, ")"),
                         key.name.schema);
      },
      [&](const std::string& id, const model::Routine& a, const model::Routine& b) {
        c.Field(id, "procedure", a.procedure, b.procedure);
        c.Field(id, "args", a.args, b.args);
        c.Field(id, "result", a.result, b.result);
        c.Field(id, "language", a.language, b.language);
        c.Field(id, "body", a.body, b.body);
        c.Field(id, "probin", a.probin, b.probin);
        c.Field(id, "volatility", std::string(model::VolatilityName(a.volatility)),
                std::string(model::VolatilityName(b.volatility)));
        c.Field(id, "strict", a.strict, b.strict);
        c.Field(id, "security_definer", a.security_definer, b.security_definer);
        c.Field(id, "leakproof", a.leakproof, b.leakproof);
        c.Field(id, "parallel", std::string(model::ParallelSafetyName(a.parallel)),
                std::string(model::ParallelSafetyName(b.parallel)));
        c.Field(id, "cost", a.cost, b.cost);
        c.Field(id, "rows", a.rows, b.rows);
        c.Field(id, "config", a.config, b.config);
        c.Field(id, "support", a.support, b.support);
        c.Field(id, "owner", a.owner, b.owner);
        c.Field(id, "comment", a.comment, b.comment);
        c.Field(id, "privileges", a.privileges, b.privileges);
      });
  // pg_default_acl: global entries and those of the schemas compared.
  auto default_acls = [&](const model::Catalog& catalog) {
    std::vector<std::string> entries;
    for (const auto& [key, acl] : catalog.default_privileges) {
      if (!key.schema.empty() && c.Skip(key.schema)) continue;
      entries.push_back(StrCat(key.role, "/", key.schema, "/", std::string(1, key.object_type),
                               ": ", Show(acl)));
    }
    return entries;
  };
  c.Field("catalog", "default_privileges", default_acls(replayed), default_acls(introspected));
  return c.differences_;
}

}  // namespace pgdrift::testing
