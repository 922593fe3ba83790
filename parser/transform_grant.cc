// GRANT / REVOKE on objects (GrantStmt) → model::GrantPrivileges, and ALTER DEFAULT
// PRIVILEGES (AlterDefaultPrivilegesStmt) → model::AlterDefaultPrivileges.
//
// Privilege names become aclitem letters and are checked against the target kind as
// ExecuteGrantStmt and ExecAlterDefaultPrivilegesStmt (src/backend/catalog/aclchk.c)
// check them. Targets pgdrift does not model (DATABASE, LANGUAGE, FOREIGN SERVER,
// LARGE OBJECT, TABLESPACE, PARAMETER …) are reported as not modelled.
#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/internal/routine_signature.h"
#include "parser/node_util.h"
#include "parser/transform.h"

namespace pgdrift::parser {
namespace {

// The aclitem letter of a privilege name (string_to_privilege in aclchk.c); 0 when
// unknown.
char PrivilegeLetter(std::string_view name) {
  if (name == "insert") return 'a';
  if (name == "select") return 'r';
  if (name == "update") return 'w';
  if (name == "delete") return 'd';
  if (name == "truncate") return 'D';
  if (name == "references") return 'x';
  if (name == "trigger") return 't';
  if (name == "execute") return 'X';
  if (name == "usage") return 'U';
  if (name == "create") return 'C';
  if (name == "temporary" || name == "temp") return 'T';
  if (name == "connect") return 'c';
  return 0;
}

// What the statement's object type grants on, and the word aclchk.c's messages use.
struct Target {
  model::AclObjectKind kind;
  std::string_view word;  // "table", "sequence", "function" …
};

std::optional<Target> TargetOf(PgQuery__ObjectType object_type) {
  switch (object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return Target{model::AclObjectKind::kTable, "relation"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return Target{model::AclObjectKind::kSequence, "sequence"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      return Target{model::AclObjectKind::kFunction, "function"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      return Target{model::AclObjectKind::kFunction, "procedure"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return Target{model::AclObjectKind::kFunction, "routine"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return Target{model::AclObjectKind::kSchema, "schema"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return Target{model::AclObjectKind::kType, "type"};
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return Target{model::AclObjectKind::kType, "domain"};
    default:
      return std::nullopt;
  }
}

// The privilege name as messages print it (privilege_to_string): upper case.
std::string PrivilegeWord(std::string_view name) {
  std::string word(name);
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return word;
}

// The privileges of a GRANT / REVOKE (or the action of ALTER DEFAULT PRIVILEGES) as
// letters; NIL means ALL. Column lists are kept for relation targets.
// GRANT … ON TABLE also accepts sequence privileges (the relation may be a sequence:
// ExecuteGrantStmt tests ACL_ALL_RIGHTS_RELATION | ACL_ALL_RIGHTS_SEQUENCE);
// `on_relation` enables that.
absl::Status ReadPrivileges(const PgQuery__GrantStmt& stmt, const Target& target, bool on_relation,
                            TransformContext& ctx, std::vector<model::PrivilegeSpec>* specs,
                            bool* all_privileges) {
  const std::string_view all = model::AllPrivileges(target.kind);
  const std::string allowed_letters =
      on_relation ? model::OrderedPrivileges(StrCat(all, "U")) : std::string(all);
  if (stmt.n_privileges == 0) {
    *all_privileges = true;
    specs->push_back({std::string(all), {}});
    return absl::OkStatus();
  }
  for (size_t i = 0; i < stmt.n_privileges; ++i) {
    const PgQuery__Node* node = stmt.privileges[i];
    if (node->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV)
      return ctx.Invalid("unexpected privilege");
    const PgQuery__AccessPriv& access_priv = *node->access_priv;
    std::vector<std::string> columns = StringList(access_priv.cols, access_priv.n_cols);
    if (!columns.empty() && target.kind != model::AclObjectKind::kTable) {
      return ctx.Invalid("column privileges are only valid for relations");
    }
    std::string_view name = access_priv.priv_name == nullptr ? "" : access_priv.priv_name;
    if (name.empty()) {
      // ALL (a, b): every column privilege.
      specs->push_back({std::string(model::AllPrivileges(model::AclObjectKind::kColumn)), columns});
      continue;
    }
    char letter = PrivilegeLetter(name);
    if (letter == 0) {
      return ctx.Invalid(StrCat("unrecognized privilege type \"", name, "\""));
    }
    std::string_view allowed = columns.empty()
                                   ? std::string_view(allowed_letters)
                                   : model::AllPrivileges(model::AclObjectKind::kColumn);
    if (allowed.find(letter) == std::string_view::npos) {
      return ctx.Invalid(StrCat("invalid privilege type ", PrivilegeWord(name), " for ",
                                columns.empty() ? target.word : "column"));
    }
    specs->push_back({std::string(1, letter), columns});
  }
  return absl::OkStatus();
}

// The grantees: role names, "PUBLIC" for PUBLIC.
absl::StatusOr<std::vector<std::string>> ReadGrantees(const PgQuery__GrantStmt& stmt,
                                                      TransformContext& ctx) {
  std::vector<std::string> grantees;
  for (size_t i = 0; i < stmt.n_grantees; ++i) {
    const PgQuery__Node* node = stmt.grantees[i];
    if (node->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) return ctx.Invalid("unexpected grantee");
    const PgQuery__RoleSpec* role_spec = node->role_spec;
    if (role_spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) {
      grantees.push_back("PUBLIC");
      continue;
    }
    absl::StatusOr<std::string> role = internal::RoleName(role_spec, ctx.catalog());
    if (!role.ok())
      return InputError(role.status().code(), ctx.span(), std::string(role.status().message()));
    grantees.push_back(*role);
  }
  return grantees;
}

}  // namespace

absl::Status TransformGrantStmt(const PgQuery__GrantStmt& stmt, TransformContext& ctx) {
  std::string verb = stmt.is_grant ? "GRANT" : "REVOKE";
  std::optional<Target> target = TargetOf(stmt.objtype);
  if (!target.has_value()) {
    return ctx.NotModelled(StrCat(verb, " ON ", internal::ObjectTypeSql(stmt.objtype)));
  }
  if (stmt.targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_DEFAULTS) {
    return ctx.Invalid("unexpected GRANT target");
  }
  model::GrantPrivileges grant;
  grant.grant = stmt.is_grant;
  grant.target = target->kind;
  grant.grant_option = stmt.grant_option;
  grant.cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  grant.any_routine_kind = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE;
  grant.routine_kind = stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE
                           ? model::ObjectKind::kProcedure
                           : model::ObjectKind::kFunction;
  PGDRIFT_RETURN_IF_ERROR(
      ReadPrivileges(stmt, *target, /*on_relation=*/target->kind == model::AclObjectKind::kTable,
                     ctx, &grant.privileges, &grant.all_privileges));
  PGDRIFT_ASSIGN_OR_RETURN(grant.grantees, ReadGrantees(stmt, ctx));
  if (stmt.grantor != nullptr) {
    // GRANTED BY names the grantor; grantors are not modelled, so only the role is read.
    PGDRIFT_RETURN_IF_ERROR(internal::RoleName(stmt.grantor, ctx.catalog()).status());
  }

  for (size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    if (stmt.targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
      grant.all_in_schemas.push_back(StringOf(object));
      continue;
    }
    switch (object->node_case) {
      case PG_QUERY__NODE__NODE_RANGE_VAR:
        grant.objects.push_back(RangeVarName(object->range_var));
        break;
      case PG_QUERY__NODE__NODE_STRING:
        grant.objects.push_back({"", StringOf(object)});
        break;
      case PG_QUERY__NODE__NODE_LIST:
        grant.objects.push_back(QualifiedNameOf(object->list));
        break;
      case PG_QUERY__NODE__NODE_TYPE_NAME:
        grant.objects.push_back(
            QualifiedNameOf(object->type_name->names, object->type_name->n_names));
        break;
      case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS: {
        PGDRIFT_ASSIGN_OR_RETURN(
            model::RoutineSignature signature,
            internal::RoutineSignatureOf(*object->object_with_args, ctx.catalog()));
        grant.routines.push_back(std::move(signature));
        break;
      }
      default:
        return ctx.Invalid(StrCat("unexpected object in ", verb));
    }
  }
  ctx.Emit(std::move(grant));
  return absl::OkStatus();
}

absl::Status TransformAlterDefaultPrivilegesStmt(const PgQuery__AlterDefaultPrivilegesStmt& stmt,
                                                 TransformContext& ctx) {
  if (stmt.action == nullptr) return ctx.Invalid("ALTER DEFAULT PRIVILEGES without an action");
  const PgQuery__GrantStmt& action = *stmt.action;
  model::AlterDefaultPrivileges alter;
  std::vector<std::string> seen;
  for (size_t i = 0; i < stmt.n_options; ++i) {
    const PgQuery__Node* node = stmt.options[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) return ctx.Invalid("unexpected option");
    const PgQuery__DefElem& def_elem = *node->def_elem;
    std::string name = def_elem.defname;
    absl::Status repeated = internal::CheckNotRepeated(name, &seen);
    if (!repeated.ok()) return ctx.Invalid(std::string(repeated.message()));
    const PgQuery__Node* arg = def_elem.arg;
    if (arg == nullptr || arg->node_case != PG_QUERY__NODE__NODE_LIST) {
      return ctx.Invalid("unexpected option value");
    }
    for (size_t j = 0; j < arg->list->n_items; ++j) {
      const PgQuery__Node* item = arg->list->items[j];
      if (name == "schemas") {
        alter.schemas.push_back(StringOf(item));
      } else if (name == "roles" && item->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC) {
        absl::StatusOr<std::string> role = internal::RoleName(item->role_spec, ctx.catalog());
        if (!role.ok())
          return InputError(role.status().code(), ctx.span(), std::string(role.status().message()));
        alter.roles.push_back(*role);
      } else {
        return ctx.Invalid(StrCat("option \"", name, "\" not recognized"));
      }
    }
  }

  // ON TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS
  // (ExecAlterDefaultPrivilegesStmt: ROUTINES is stored as functions).
  Target target;
  switch (action.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      target = {model::AclObjectKind::kTable, "relation"};
      alter.object_type = 'r';
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      target = {model::AclObjectKind::kSequence, "sequence"};
      alter.object_type = 'S';
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      target = {model::AclObjectKind::kFunction, "function"};
      alter.object_type = 'f';
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      target = {model::AclObjectKind::kType, "type"};
      alter.object_type = 'T';
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      target = {model::AclObjectKind::kSchema, "schema"};
      alter.object_type = 'n';
      break;
    default:
      return ctx.NotModelled(
          StrCat("ALTER DEFAULT PRIVILEGES ON ", internal::ObjectTypeSql(action.objtype)));
  }
  std::vector<model::PrivilegeSpec> specs;
  bool all_privileges = false;
  PGDRIFT_RETURN_IF_ERROR(
      ReadPrivileges(action, target, /*on_relation=*/false, ctx, &specs, &all_privileges));
  for (const model::PrivilegeSpec& spec : specs) {
    if (!spec.columns.empty()) {
      return ctx.Invalid("default privileges cannot be set for columns");
    }
    alter.letters += spec.letters;
  }
  alter.letters = model::OrderedPrivileges(alter.letters);
  alter.grant = action.is_grant;
  alter.grant_option = action.grant_option;
  PGDRIFT_ASSIGN_OR_RETURN(alter.grantees, ReadGrantees(action, ctx));
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
