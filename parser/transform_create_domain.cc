// CREATE DOMAIN and ALTER DOMAIN (CreateDomainStmt, AlterDomainStmt) → model::CreateDomain
// and model::AlterDomain.
//
// Handled: base type (serial is no type here), COLLATE, DEFAULT (canonicalized; a
// DEFAULT NULL that folds to a null constant is no default, as in DefineDomain), NOT
// NULL / NULL, named and unnamed CHECK constraints (NOT VALID on ALTER DOMAIN ADD);
// ALTER DOMAIN SET / DROP DEFAULT, SET / DROP NOT NULL, ADD CONSTRAINT, DROP CONSTRAINT
// [IF EXISTS] [CASCADE], VALIDATE CONSTRAINT. Rejected with PostgreSQL's errors
// (typecmds.c): UNIQUE, PRIMARY KEY, EXCLUDE and FOREIGN KEY constraints, deferrability,
// NO INHERIT, conflicting NULL / NOT NULL, several defaults. ALTER DOMAIN … OWNER TO,
// RENAME and SET SCHEMA arrive as other statements.
#include <optional>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"
#include "parser/normalize.h"
#include "parser/null_default.h"
#include "parser/transform.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

// Domain expressions (defaults, checks) refer to no table; VALUE is the domain value,
// of the base type (so the casts PostgreSQL adds around VALUE are recognised), and a
// default is assigned to that type.
ExpressionContext DomainExpressionContext(const model::Catalog& catalog,
                                          const model::TypeRef* base_type) {
  ExpressionContext context;
  context.catalog = &catalog;
  context.value_type = base_type;
  context.target_type = base_type;
  return context;
}

// The base type of the domain `name` as the catalog knows it, or null.
const model::TypeRef* BaseTypeOf(const model::Catalog& catalog, const model::QualifiedName& name) {
  std::optional<model::QualifiedName> resolved = catalog.ResolveType(name);
  if (!resolved) return nullptr;
  auto it = catalog.domains.find(*resolved);
  return it == catalog.domains.end() ? nullptr : &it->second.base_type;
}

bool IsNullConstant(const PgQuery__Node* expr) {
  return expr != nullptr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST &&
         expr->a_const->isnull;
}

// The canonical default, or nullopt for none: absent, or a DEFAULT NULL that
// DefineDomain and AlterDomainDefault (typecmds.c) discard because cookDefault made it
// a bare null constant of the base type. A null that needs a length coercion
// (varchar(16)) or a base domain's CoerceToDomain is stored. Without a known base type
// (ALTER DOMAIN of an unknown domain, which the model then reports) a plain NULL is none.
absl::StatusOr<std::optional<std::string>> DomainDefault(const PgQuery__Node* expr,
                                                         const model::Catalog& catalog,
                                                         const model::TypeRef* base_type) {
  if (expr == nullptr) return std::optional<std::string>();
  if (base_type != nullptr ? IsDiscardedNullDefault(*expr, *base_type, catalog)
                           : IsNullConstant(expr)) {
    return std::optional<std::string>();
  }
  PGDRIFT_ASSIGN_OR_RETURN(std::string text,
                           NormalizeExpression(*expr, DomainExpressionContext(catalog, base_type)));
  return std::optional<std::string>(std::move(text));
}

// The errors DefineDomain and AlterDomainAddConstraint raise for constraint kinds a
// domain cannot have; OK for the others.
absl::Status CheckDomainConstraintKind(const PgQuery__Constraint& constraint) {
  switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return absl::InvalidArgumentError("unique constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return absl::InvalidArgumentError("primary key constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return absl::InvalidArgumentError("exclusion constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      return absl::InvalidArgumentError("foreign key constraints not possible for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
    case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
      return absl::InvalidArgumentError(
          "specifying constraint deferrability not supported for domains");
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      if (constraint.is_no_inherit) {
        return absl::InvalidArgumentError(
            "check constraints for domains cannot be marked NO INHERIT");
      }
      return absl::OkStatus();
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
    case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
    case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
      return absl::OkStatus();
    default:
      return absl::InvalidArgumentError("constraint type not supported for domains");
  }
}

// A CHECK constraint of a domain. An unnamed one is named <domain>_check when applied
// (domainAddConstraint: ChooseConstraintName(domain, NULL, "check", …)), whatever the
// expression refers to, so check_columns stays empty.
absl::StatusOr<model::ConstraintDef> DomainCheck(const PgQuery__Constraint& constraint,
                                                 const model::Catalog& catalog,
                                                 const model::TypeRef* base_type) {
  if (constraint.raw_expr == nullptr)
    return absl::InvalidArgumentError("CHECK expression is missing");
  model::ConstraintDef def;
  def.constraint.type = model::ConstraintType::kCheck;
  def.constraint.name = constraint.conname;
  def.constraint.validated = !constraint.skip_validation;
  PGDRIFT_ASSIGN_OR_RETURN(
      def.constraint.expression,
      NormalizeExpression(*constraint.raw_expr, DomainExpressionContext(catalog, base_type)));
  return def;
}

}  // namespace

absl::Status TransformCreateDomainStmt(const PgQuery__CreateDomainStmt& stmt,
                                       TransformContext& ctx) {
  model::CreateDomain create;
  model::Domain& domain = create.domain;
  domain.name = QualifiedNameOf(stmt.domainname, stmt.n_domainname);
  if (stmt.type_name == nullptr) return ctx.Invalid("domain base type is missing");
  PGDRIFT_ASSIGN_OR_RETURN(domain.base_type, ResolveTypeName(*stmt.type_name, ctx.catalog()));
  if (stmt.coll_clause != nullptr) {
    domain.collation = CanonicalCollation(stmt.coll_clause->collname, stmt.coll_clause->n_collname);
  }
  bool saw_default = false;
  bool null_defined = false;
  for (size_t i = 0; i < stmt.n_constraints; ++i) {
    if (stmt.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& constraint = *stmt.constraints[i]->constraint;
    PGDRIFT_RETURN_IF_ERROR(CheckDomainConstraintKind(constraint));
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
        if (saw_default) return ctx.Invalid("multiple default expressions");
        saw_default = true;
        PGDRIFT_ASSIGN_OR_RETURN(domain.default_expr,
                                 DomainDefault(constraint.raw_expr, ctx.catalog(), &domain.base_type));
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: {
        bool not_null = constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL;
        if (null_defined && domain.not_null != not_null) {
          return ctx.Invalid("conflicting NULL/NOT NULL constraints");
        }
        null_defined = true;
        domain.not_null = not_null;
        break;
      }
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
        PGDRIFT_ASSIGN_OR_RETURN(model::ConstraintDef def,
                                 DomainCheck(constraint, ctx.catalog(), &domain.base_type));
        create.checks.push_back(std::move(def));
        break;
      }
      default:
        break;
    }
  }
  ctx.Emit(std::move(create));
  return absl::OkStatus();
}

absl::Status TransformAlterDomainStmt(const PgQuery__AlterDomainStmt& stmt, TransformContext& ctx) {
  model::AlterDomain alter;
  alter.domain = QualifiedNameOf(stmt.type_name, stmt.n_type_name);
  // AlterDomainStmt.subtype (parsenodes.h): T default, N drop not null, O set not null,
  // C add constraint, X drop constraint, V validate constraint.
  std::string subtype = stmt.subtype;
  if (subtype == "T") {
    PGDRIFT_ASSIGN_OR_RETURN(std::optional<std::string> expr,
                             DomainDefault(stmt.def, ctx.catalog(),
                                           BaseTypeOf(ctx.catalog(), alter.domain)));
    alter.set_default.emplace(std::move(expr));
  } else if (subtype == "N") {
    alter.not_null = false;
  } else if (subtype == "O") {
    alter.not_null = true;
  } else if (subtype == "C") {
    if (stmt.def == nullptr || stmt.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) {
      return ctx.Invalid("constraint is missing");
    }
    const PgQuery__Constraint& constraint = *stmt.def->constraint;
    PGDRIFT_RETURN_IF_ERROR(CheckDomainConstraintKind(constraint));
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
      return ctx.Invalid("constraint type not supported for domains");
    }
    PGDRIFT_ASSIGN_OR_RETURN(alter.add_check, DomainCheck(constraint, ctx.catalog(),
                                                          BaseTypeOf(ctx.catalog(), alter.domain)));
  } else if (subtype == "X") {
    alter.drop_constraint = stmt.name;
    alter.drop_if_exists = stmt.missing_ok;
    alter.drop_cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  } else if (subtype == "V") {
    alter.validate_constraint = stmt.name;
  } else {
    return ctx.NotModelled(StrCat("ALTER DOMAIN subcommand ", subtype));
  }
  ctx.Emit(std::move(alter));
  return absl::OkStatus();
}

}  // namespace pgdrift::parser
