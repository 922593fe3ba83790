// Per-kind migration SQL for every kind outside the table family — schemas and extensions
// (alter_schema.cc), types (alter_type.cc), domains (alter_domain.cc), functions and
// procedures (alter_routine.cc), triggers (alter_trigger.cc), policies (alter_policy.cc),
// views and materialized views (alter_view.cc) — and the helpers they share
// (alter_other_kinds.cc, which also dispatches CreateOtherKindSql / DropOtherKindSql /
// AlterOtherKindSql to them). Every attribute diff/attributes.cc lists for a kind is either
// turned into statements or reported in AlterOutcome::unsupported.
#ifndef PGDRIFT_PLANNER_INTERNAL_OTHER_KINDS_SQL_H_
#define PGDRIFT_PLANNER_INTERNAL_OTHER_KINDS_SQL_H_

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.h"
#include "model/catalog.h"
#include "planner/internal/object_sql.h"
#include "planner/planned_statement.h"

namespace pgdrift::planner::internal {

// Appends `more` to `out`.
void AppendStatements(std::vector<PlannedStatement>* out, std::vector<PlannedStatement> more);

// The attributes owned objects share, for AlterSharedAttributes.
struct SharedAttributes {
  std::string acl_target;  // as GRANT names the object: `TYPE public.mood`
  model::AclObjectKind acl_kind = model::AclObjectKind::kTable;
  const std::optional<model::Acl>* from_acl = nullptr;
  const std::optional<model::Acl>* to_acl = nullptr;
  std::string from_owner;
  std::string to_owner;
  std::string owner_sql;    // ALTER … OWNER TO to_owner
  std::string comment_sql;  // COMMENT ON … IS (the target comment)
};

// Turns the changes of `owner` (first: later GRANTs assume the new owner), `comment` and
// `privileges` listed in `drift` into statements, and records them in `handled`.
void AlterSharedAttributes(const diff::ObjectDrift& drift, const SharedAttributes& shared,
                           const ObjectSqlContext& ctx, AlterOutcome* outcome,
                           std::set<std::string>* handled);

// Adds "identity: attribute" to outcome->unsupported for each change of `drift` not in
// `handled` (nothing when the outcome recreates the object: a create expresses all).
void ReportUnhandled(const diff::ObjectDrift& drift, const std::set<std::string>& handled,
                     AlterOutcome* outcome);

// The statements after a CREATE of an owned object: `ALTER … OWNER TO` when owners are
// compared and the owner is not the role that runs the migration, the comment when there
// is one, then the GRANTs and REVOKEs that give it `acl` (from acldefault or the runner's
// default privileges in `schema`).
std::vector<PlannedStatement> CreatedSharedAttributes(const SharedAttributes& shared,
                                                      const std::string& schema,
                                                      const std::string& comment,
                                                      const ObjectSqlContext& ctx);

// `create` wrapped for options.idempotent when the statement has no IF NOT EXISTS form
// (CREATE TYPE, CREATE DOMAIN): a DO block that runs it only when pg_type has no type
// called `name`. Replay does not model DO blocks, so the local chain skips it.
std::string GuardedTypeCreateSql(const model::QualifiedName& name, std::string_view create);

// Per kind: the statements that create the object as ctx.target has it, drop it as
// ctx.current has it, or alter it from one to the other.
std::vector<PlannedStatement> CreateSchemaStatements(const model::Schema& schema,
                                                     const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropSchemaStatements(const model::Schema& schema,
                                                   const ObjectSqlContext& ctx);
AlterOutcome AlterSchemaStatements(const diff::ObjectDrift& drift, const model::Schema& from,
                                   const model::Schema& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateExtensionStatements(const model::Extension& extension,
                                                        const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropExtensionStatements(const model::Extension& extension,
                                                      const ObjectSqlContext& ctx);
AlterOutcome AlterExtensionStatements(const diff::ObjectDrift& drift, const model::Extension& from,
                                      const model::Extension& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateTypeStatements(const model::UserType& type,
                                                   const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropTypeStatements(const model::UserType& type,
                                                 const ObjectSqlContext& ctx);
AlterOutcome AlterTypeStatements(const diff::ObjectDrift& drift, const model::UserType& from,
                                 const model::UserType& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateDomainStatements(const model::Domain& domain,
                                                     const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropDomainStatements(const model::Domain& domain,
                                                   const ObjectSqlContext& ctx);
AlterOutcome AlterDomainStatements(const diff::ObjectDrift& drift, const model::Domain& from,
                                   const model::Domain& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateRoutineStatements(const model::Routine& routine,
                                                      const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropRoutineStatements(const model::Routine& routine,
                                                    const ObjectSqlContext& ctx);
AlterOutcome AlterRoutineStatements(const diff::ObjectDrift& drift, const model::Routine& from,
                                    const model::Routine& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateTriggerStatements(const model::QualifiedName& relation,
                                                      const model::Trigger& trigger,
                                                      const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropTriggerStatements(const model::QualifiedName& relation,
                                                    const model::Trigger& trigger,
                                                    const ObjectSqlContext& ctx);
AlterOutcome AlterTriggerStatements(const diff::ObjectDrift& drift,
                                    const model::QualifiedName& relation,
                                    const model::Trigger& from, const model::Trigger& to,
                                    const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreatePolicyStatements(const model::QualifiedName& table,
                                                     const model::Policy& policy,
                                                     const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropPolicyStatements(const model::QualifiedName& table,
                                                   const model::Policy& policy,
                                                   const ObjectSqlContext& ctx);
AlterOutcome AlterPolicyStatements(const diff::ObjectDrift& drift,
                                   const model::QualifiedName& table, const model::Policy& from,
                                   const model::Policy& to, const ObjectSqlContext& ctx);

std::vector<PlannedStatement> CreateViewStatements(const model::View& view,
                                                   const ObjectSqlContext& ctx);
std::vector<PlannedStatement> DropViewStatements(const model::View& view,
                                                 const ObjectSqlContext& ctx);
AlterOutcome AlterViewStatements(const diff::ObjectDrift& drift, const model::View& from,
                                 const model::View& to, const ObjectSqlContext& ctx);

}  // namespace pgdrift::planner::internal

#endif  // PGDRIFT_PLANNER_INTERNAL_OTHER_KINDS_SQL_H_
