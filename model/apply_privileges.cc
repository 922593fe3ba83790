// Applies GRANT / REVOKE (ExecuteGrantStmt and ExecGrant_* in
// src/backend/catalog/aclchk.c) and ALTER DEFAULT PRIVILEGES (SetDefaultACL).
//
// An object's ACL starts from its stored ACL or, when that is NULL, from acldefault()
// for its kind and owner; the result is stored even when it equals the default, as
// PostgreSQL stores it. Column ACLs start empty and go back to NULL when emptied.
// Grantors are not modelled, so REVOKE … CASCADE has nothing more to remove.
#include <functional>

#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

using absl::StatusCode;

// A PostgreSQL WARNING at the statement.
void Warn(ApplyContext& ctx, std::string message) {
  if (ctx.notes != nullptr) {
    ctx.notes->Warning(ctx.span(), std::move(message), ctx.mutation->statement);
  }
}

// What one GRANT / REVOKE does to one ACL.
struct AclChange {
  bool grant = true;
  bool grant_option = false;
  const std::vector<std::string>* grantees = nullptr;
};

// `acl` (NULL meaning acldefault(kind, owner)) after granting or revoking `letters`.
void ChangeAcl(std::optional<Acl>* acl, AclObjectKind kind, const std::string& owner,
               std::string_view letters, const AclChange& change) {
  Acl current = acl->has_value() ? **acl : DefaultAcl(kind, owner);
  MergeAclGrant(&current, change.grant, change.grant_option, letters, *change.grantees);
  *acl = std::move(current);
}

// A column ACL after the change: NULL once empty (ExecGrant_Attribute).
void ChangeColumnAcl(std::optional<Acl>* acl, std::string_view letters, const AclChange& change) {
  Acl current = acl->value_or(Acl{});
  MergeAclGrant(&current, change.grant, change.grant_option, letters, *change.grantees);
  if (current.empty()) {
    acl->reset();
  } else {
    *acl = std::move(current);
  }
}

// Letters of `letters` that `kind` has (ACL_ALL_RIGHTS_*).
std::string Masked(std::string_view letters, AclObjectKind kind) {
  std::string kept;
  for (char letter : letters) {
    if (AllPrivileges(kind).find(letter) != std::string_view::npos) kept.push_back(letter);
  }
  return kept;
}

// The table-level letters of a statement (privileges without a column list).
std::string RelationLetters(const GrantPrivileges& m) {
  std::string letters;
  for (const PrivilegeSpec& spec : m.privileges) {
    if (spec.columns.empty()) letters += spec.letters;
  }
  return OrderedPrivileges(letters);
}

// Applies the column privileges of `m` to the columns of one relation, through
// `find_column` (null when the relation has no such column).
absl::Status ChangeColumns(
    const GrantPrivileges& m, const AclChange& change, const QualifiedName& relation,
    const std::function<std::optional<Acl>*(const std::string&)>& find_column, ApplyContext& ctx) {
  for (const PrivilegeSpec& spec : m.privileges) {
    for (const std::string& column : spec.columns) {
      std::optional<Acl>* acl = find_column(column);
      if (acl == nullptr) {
        return ctx.Error(StatusCode::kNotFound, StrCat("column \"", column, "\" of relation \"",
                                                       relation.name, "\" does not exist"));
      }
      ChangeColumnAcl(acl, Masked(spec.letters, AclObjectKind::kColumn), change);
    }
  }
  return absl::OkStatus();
}

// GRANT / REVOKE on one relation (ExecGrant_Relation). `on_sequence`: the statement
// said ON SEQUENCE (or ALL SEQUENCES).
absl::Status ChangeRelation(const GrantPrivileges& m, const AclChange& change,
                            const QualifiedName& name, bool on_sequence, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::string letters = RelationLetters(m);
  bool has_columns = false;
  for (const PrivilegeSpec& spec : m.privileges) has_columns |= !spec.columns.empty();
  // A REVOKE of table privileges also revokes them on every column (ExecGrant_Relation
  // calls expand_all_col_privileges).
  std::string column_revoke = change.grant ? "" : Masked(letters, AclObjectKind::kColumn);

  if (auto sequence = catalog.sequences.find(name); sequence != catalog.sequences.end()) {
    if (!on_sequence) {
      if (m.all_privileges) {
        letters = std::string(AllPrivileges(AclObjectKind::kSequence));
      } else if (Masked(letters, AclObjectKind::kSequence) != letters) {
        Warn(ctx, StrCat("sequence \"", name.name,
                         "\" only supports USAGE, SELECT, and UPDATE privileges"));
        letters = Masked(letters, AclObjectKind::kSequence);
      }
    }
    if (has_columns) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrCat("sequence \"", name.name, "\" only supports SELECT column privileges"));
    }
    ChangeAcl(&sequence->second.privileges, AclObjectKind::kSequence, sequence->second.owner,
              letters, change);
    sequence->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  if (on_sequence) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name.name, "\" is not a sequence"));
  }
  if (letters.find('U') != std::string::npos &&
      (catalog.FindTable(name) != nullptr || catalog.views.contains(name))) {
    return ctx.Error(StatusCode::kInvalidArgument, "invalid privilege type USAGE for table");
  }
  if (Table* table = catalog.FindTable(name); table != nullptr) {
    if (!letters.empty())
      ChangeAcl(&table->privileges, AclObjectKind::kTable, table->owner, letters, change);
    auto find_column = [table](const std::string& column) -> std::optional<Acl>* {
      for (Column& candidate : table->columns) {
        if (candidate.name == column) return &candidate.privileges;
      }
      return nullptr;
    };
    if (!column_revoke.empty()) {
      for (Column& column : table->columns)
        ChangeColumnAcl(&column.privileges, column_revoke, change);
    }
    absl::Status status = ChangeColumns(m, change, name, find_column, ctx);
    if (!status.ok()) return status;
    table->lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  if (auto view = catalog.views.find(name); view != catalog.views.end()) {
    View& target = view->second;
    if (!letters.empty())
      ChangeAcl(&target.privileges, AclObjectKind::kTable, target.owner, letters, change);
    auto find_column = [&target](const std::string& column) -> std::optional<Acl>* {
      for (ViewColumn& candidate : target.columns) {
        if (candidate.name == column) return &candidate.privileges;
      }
      return nullptr;
    };
    if (!column_revoke.empty()) {
      for (ViewColumn& column : target.columns)
        ChangeColumnAcl(&column.privileges, column_revoke, change);
    }
    absl::Status status = ChangeColumns(m, change, name, find_column, ctx);
    if (!status.ok()) return status;
    target.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  if (catalog.indexes.contains(name)) {
    return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name.name, "\" is an index"));
  }
  return ctx.Error(StatusCode::kInvalidArgument, StrCat("\"", name.name, "\" is a composite type"));
}

// "function", "procedure" or "routine", as LookupFuncWithArgs names what it looks for.
std::string_view RoutineWord(const GrantPrivileges& m) {
  if (m.any_routine_kind) return "routine";
  return m.routine_kind == ObjectKind::kProcedure ? "procedure" : "function";
}

// Finds the routine `signature` names (LookupFuncWithArgs in parse_func.c).
absl::StatusOr<RoutineKey> FindRoutine(const GrantPrivileges& m, const RoutineSignature& signature,
                                       ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  std::string_view word = RoutineWord(m);
  std::vector<RoutineKey> found;
  auto collect = [&](const QualifiedName& candidate) {
    found.clear();
    for (const auto& [key, routine] : catalog.routines) {
      if (key.name != candidate) continue;
      if (signature.args.has_value() && key.args != *signature.args) continue;
      found.push_back(key);
    }
    return !found.empty();
  };
  std::optional<QualifiedName> name = catalog.SearchPath(signature.name, collect);
  if (name.has_value()) collect(*name);
  std::string written = WrittenName(signature.name);
  if (found.empty()) {
    if (!signature.name.schema.empty() && !catalog.schemas.contains(signature.name.schema)) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("schema \"", signature.name.schema, "\" does not exist"));
    }
    if (!signature.args.has_value()) {
      return ctx.Error(StatusCode::kNotFound,
                       StrCat("could not find a ", word, " named \"", written, "\""));
    }
    return ctx.Error(StatusCode::kNotFound,
                     StrCat(word, " ", written, "(", *signature.args, ") does not exist"));
  }
  if (found.size() > 1) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat(word, " name \"", written, "\" is not unique"));
  }
  const Routine& routine = catalog.routines.at(found.front());
  if (!m.any_routine_kind && routine.procedure != (m.routine_kind == ObjectKind::kProcedure)) {
    return ctx.Error(StatusCode::kInvalidArgument,
                     StrCat(written, "(", found.front().args, ") is not a ",
                            routine.procedure ? "function" : "procedure"));
  }
  return found.front();
}

void ChangeRoutine(Routine& routine, std::string_view letters, const AclChange& change,
                   ApplyContext& ctx) {
  ChangeAcl(&routine.privileges, AclObjectKind::kFunction, routine.owner, letters, change);
  routine.lineage.Touch(ctx.span());
}

// GRANT / REVOKE on a type or domain (ExecGrant_Type; ON TYPE accepts domains too).
absl::Status ChangeType(const GrantPrivileges& m, const AclChange& change,
                        const QualifiedName& written, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, written);
  if (!name.has_value()) {
    return ctx.Error(StatusCode::kNotFound,
                     StrCat("type \"", WrittenName(written), "\" does not exist"));
  }
  std::string letters = RelationLetters(m);
  if (auto domain = catalog.domains.find(*name); domain != catalog.domains.end()) {
    ChangeAcl(&domain->second.privileges, AclObjectKind::kType, domain->second.owner, letters,
              change);
    domain->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  if (auto type = catalog.types.find(*name); type != catalog.types.end()) {
    ChangeAcl(&type->second.privileges, AclObjectKind::kType, type->second.owner, letters, change);
    type->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  // A table's row type or a multirange type: its ACL is not modelled.
  Warn(ctx, StrCat("privileges of type \"", name->name, "\" are not modelled"));
  return absl::OkStatus();
}

absl::Status CheckRoles(const std::vector<std::string>& roles, ApplyContext& ctx) {
  for (const std::string& role : roles) {
    if (role != "PUBLIC" && !ctx.catalog->RoleExists(role)) {
      return ctx.Error(StatusCode::kNotFound, StrCat("role \"", role, "\" does not exist"));
    }
  }
  return absl::OkStatus();
}

// The relations ALL TABLES / ALL SEQUENCES IN SCHEMA `schema` names
// (objectsInSchemaToOids: relkinds r, p, v, m, f for tables; S for sequences).
std::vector<QualifiedName> RelationsInSchema(const Catalog& catalog, const std::string& schema,
                                             bool sequences) {
  std::vector<QualifiedName> names;
  if (sequences) {
    for (const auto& [name, sequence] : catalog.sequences) {
      if (name.schema == schema) names.push_back(name);
    }
    return names;
  }
  for (const auto& [name, table] : catalog.tables) {
    if (name.schema == schema) names.push_back(name);
  }
  for (const auto& [name, view] : catalog.views) {
    if (name.schema == schema) names.push_back(name);
  }
  return names;
}

}  // namespace

absl::Status ApplyGrantPrivileges(const GrantPrivileges& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  absl::Status status = CheckRoles(m.grantees, ctx);
  if (!status.ok()) return status;
  if (m.grant && m.grant_option) {
    for (const std::string& grantee : m.grantees) {
      if (grantee == "PUBLIC") {
        return ctx.Error(StatusCode::kInvalidArgument,
                         "grant options can only be granted to roles");
      }
    }
  }
  AclChange change{m.grant, m.grant_option, &m.grantees};
  const bool on_sequence = m.target == AclObjectKind::kSequence;

  for (const std::string& schema : m.all_in_schemas) {
    if (!catalog.schemas.contains(schema)) {
      return ctx.Error(StatusCode::kNotFound, StrCat("schema \"", schema, "\" does not exist"));
    }
    if (m.target == AclObjectKind::kFunction) {
      for (auto& [key, routine] : catalog.routines) {
        if (key.name.schema != schema) continue;
        if (!m.any_routine_kind &&
            routine.procedure != (m.routine_kind == ObjectKind::kProcedure)) {
          continue;
        }
        ChangeRoutine(routine, RelationLetters(m), change, ctx);
      }
      continue;
    }
    for (const QualifiedName& name : RelationsInSchema(catalog, schema, on_sequence)) {
      status = ChangeRelation(m, change, name, on_sequence, ctx);
      if (!status.ok()) return status;
    }
  }

  for (const RoutineSignature& signature : m.routines) {
    absl::StatusOr<RoutineKey> key = FindRoutine(m, signature, ctx);
    if (!key.ok()) return key.status();
    ChangeRoutine(catalog.routines.at(*key), RelationLetters(m), change, ctx);
  }

  for (const QualifiedName& object : m.objects) {
    switch (m.target) {
      case AclObjectKind::kTable:
      case AclObjectKind::kColumn:
      case AclObjectKind::kSequence: {
        std::optional<QualifiedName> name =
            catalog.SearchPath(object, [&catalog](const QualifiedName& candidate) {
              return RelationNameTaken(catalog, candidate) || catalog.views.contains(candidate);
            });
        if (!name.has_value()) {
          return ctx.Error(StatusCode::kNotFound, MissingRelationMessage(catalog, object));
        }
        status = ChangeRelation(m, change, *name, on_sequence, ctx);
        break;
      }
      case AclObjectKind::kSchema: {
        auto schema = catalog.schemas.find(object.name);
        if (schema == catalog.schemas.end()) {
          return ctx.Error(StatusCode::kNotFound,
                           StrCat("schema \"", object.name, "\" does not exist"));
        }
        ChangeAcl(&schema->second.privileges, AclObjectKind::kSchema, schema->second.owner,
                  RelationLetters(m), change);
        break;
      }
      case AclObjectKind::kType:
        status = ChangeType(m, change, object, ctx);
        break;
      case AclObjectKind::kFunction:
        break;
    }
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status ApplyAlterDefaultPrivileges(const AlterDefaultPrivileges& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::vector<std::string> roles = m.roles;
  if (roles.empty()) roles.push_back(catalog.current_user);
  absl::Status status = CheckRoles(roles, ctx);
  if (!status.ok()) return status;
  status = CheckRoles(m.grantees, ctx);
  if (!status.ok()) return status;
  if (!m.schemas.empty() && m.object_type == 'n') {
    return ctx.Error(StatusCode::kInvalidArgument,
                     "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
  }
  if (m.grant && m.grant_option) {
    for (const std::string& grantee : m.grantees) {
      if (grantee == "PUBLIC") {
        return ctx.Error(StatusCode::kInvalidArgument,
                         "grant options can only be granted to roles");
      }
    }
  }
  for (const std::string& schema : m.schemas) {
    if (!catalog.schemas.contains(schema)) {
      return ctx.Error(StatusCode::kNotFound, StrCat("schema \"", schema, "\" does not exist"));
    }
  }
  std::vector<std::string> schemas = m.schemas;
  if (schemas.empty()) schemas.push_back("");
  AclObjectKind kind = AclKindOfDefaultAclType(m.object_type);
  for (const std::string& role : roles) {
    for (const std::string& schema : schemas) {
      DefaultAclKey key{role, schema, m.object_type};
      // A global entry is relative to acldefault, a per-schema one to nothing.
      Acl hard_wired = schema.empty() ? DefaultAcl(kind, role) : Acl{};
      auto existing = catalog.default_privileges.find(key);
      Acl acl = existing != catalog.default_privileges.end() ? existing->second : hard_wired;
      MergeAclGrant(&acl, m.grant, m.grant_option, Masked(m.letters, kind), m.grantees);
      if (SameAcl(acl, hard_wired)) {
        catalog.default_privileges.erase(key);
      } else {
        catalog.default_privileges[key] = std::move(acl);
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
