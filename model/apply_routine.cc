// Applies CREATE [OR REPLACE] / ALTER / DROP FUNCTION and PROCEDURE (functioncmds.c
// CreateFunction, AlterFunction, RemoveFunctionById; pg_proc.c ProcedureCreate for the
// OR REPLACE rules; parse_func.c LookupFuncWithArgs for how a signature finds a routine).
//
// OR REPLACE keeps the routine's owner, privileges and comment, as ProcedureCreate
// keeps proowner and proacl and leaves pg_description alone. A ROUTINE statement arrives
// as kFunction and finds functions and procedures alike; only PROCEDURE checks the kind.
#include <algorithm>
#include <vector>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/object_description.h"

namespace pgdrift::model::internal {
namespace {

std::string_view KindWord(ObjectKind kind) {
  return kind == ObjectKind::kProcedure ? "procedure" : "function";
}

// "f(integer, text)" as func_signature_string prints a signature in messages.
std::string SignatureText(const QualifiedName& written, const std::string& args) {
  return StrCat(written.schema.empty() ? QuoteIdent(written.name)
                                       : QuoteQualified(written.schema, written.name),
                "(", args, ")");
}

// The routines called `name` in the first schema of the search path (or the given
// schema) that has any, with `args` when given.
std::vector<const Routine*> Candidates(const Catalog& catalog, const RoutineSignature& signature) {
  std::vector<std::string> schemas;
  if (!signature.name.schema.empty()) {
    schemas.push_back(signature.name.schema);
  } else {
    schemas.push_back("pg_catalog");
    for (const std::string& schema : catalog.search_path) {
      schemas.push_back(schema == "$user" ? catalog.current_user : schema);
    }
  }
  std::vector<const Routine*> found;
  for (const std::string& schema : schemas) {
    for (const auto& [key, routine] : catalog.routines) {
      if (key.name.schema != schema || key.name.name != signature.name.name) continue;
      if (signature.args.has_value() && key.args != *signature.args) continue;
      found.push_back(&routine);
    }
    // With an argument list the first match wins; without one, LookupFuncWithArgs
    // collects the routines of every schema on the path, so keep going.
    if (signature.args.has_value() && !found.empty()) break;
  }
  return found;
}

}  // namespace

// Finds the routine `signature` names, as LookupFuncWithArgs does. `missing` receives
// PostgreSQL's "does not exist" text; other errors (not unique, wrong kind) come back as
// the status. Returns nullopt with `missing` set when nothing matches.
absl::StatusOr<std::optional<RoutineKey>> FindRoutine(const RoutineSignature& signature,
                                                      ObjectKind kind, ApplyContext& ctx,
                                                      std::string* missing) {
  const Catalog& catalog = *ctx.catalog;
  if (!signature.name.schema.empty() && !catalog.schemas.contains(signature.name.schema) &&
      signature.name.schema != "pg_catalog") {
    *missing = StrCat("schema \"", signature.name.schema, "\" does not exist");
    return std::optional<RoutineKey>();
  }
  std::vector<const Routine*> found = Candidates(catalog, signature);
  if (found.empty()) {
    *missing = signature.args.has_value()
                   ? StrCat(KindWord(kind), " ", SignatureText(signature.name, *signature.args),
                            " does not exist")
                   : StrCat("could not find a ", KindWord(kind), " named \"",
                            signature.name.schema.empty() ? signature.name.name
                                                          : signature.name.ToString(),
                            "\"");
    return std::optional<RoutineKey>();
  }
  if (found.size() > 1) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(KindWord(kind), " name \"", signature.name.name,
                            "\" is not unique\nHINT:  Specify the argument list to select the ",
                            KindWord(kind), " unambiguously."));
  }
  const Routine& routine = *found.front();
  if (kind == ObjectKind::kProcedure && !routine.procedure) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(SignatureText(signature.name, routine.IdentityArgs()),
                            " is not a procedure"));
  }
  return std::optional<RoutineKey>(routine.key());
}

namespace {

// The type pg_proc.prorettype holds, with proretset: "record" for TABLE(…) and several
// output parameters.
std::pair<std::string, bool> ReturnType(const Routine& routine) {
  if (routine.result.starts_with("TABLE(")) return {"record", true};
  if (routine.result.starts_with("SETOF ")) return {routine.result.substr(6), true};
  return {routine.result, false};
}

std::vector<const RoutineArg*> OutputArgs(const Routine& routine) {
  std::vector<const RoutineArg*> outputs;
  for (const RoutineArg& arg : routine.args) {
    if (arg.mode == ArgMode::kOut || arg.mode == ArgMode::kInOut || arg.mode == ArgMode::kTable) {
      outputs.push_back(&arg);
    }
  }
  return outputs;
}

int DefaultCount(const Routine& routine) {
  return static_cast<int>(std::count_if(routine.args.begin(), routine.args.end(),
                                        [](const RoutineArg& a) { return a.default_expr; }));
}

// The checks ProcedureCreate (pg_proc.c) makes before it replaces `old` with `routine`.
absl::Status CheckReplace(const Routine& old, const Routine& routine, ApplyContext& ctx) {
  const std::string drop_hint =
      StrCat("\nHINT:  Use DROP ", old.procedure ? "PROCEDURE " : "FUNCTION ",
             RoutineDisplayName(*ctx.catalog, old.name), "(",
             ReplaceAll(old.IdentityArgs(), ", ", ","), ") first.");
  if (old.procedure != routine.procedure) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot change routine kind\nDETAIL:  \"", old.name.name, "\" is a ",
                            old.procedure ? "procedure" : "function", "."));
  }
  if (!routine.procedure) {
    if (ReturnType(old) != ReturnType(routine)) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("cannot change return type of existing function", drop_hint));
    }
  }
  // A record result defined by OUT parameters must keep its row type.
  std::vector<const RoutineArg*> old_out = OutputArgs(old);
  std::vector<const RoutineArg*> new_out = OutputArgs(routine);
  bool same_row = old_out.size() == new_out.size();
  for (size_t i = 0; same_row && i < old_out.size(); ++i) {
    same_row = old_out[i]->name == new_out[i]->name && old_out[i]->type == new_out[i]->type;
  }
  if (!same_row && (routine.procedure || ReturnType(old).first == "record")) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(routine.procedure ? "cannot change whether a procedure has output "
                                                "parameters"
                                              : "cannot change return type of existing function",
                            routine.procedure ? "" : "\nDETAIL:  Row type defined by OUT "
                                                     "parameters is different.",
                            drop_hint));
  }
  // Input parameter names may be added but not changed (pg_proc.c compares proargnames).
  std::vector<const RoutineArg*> old_in;
  std::vector<const RoutineArg*> new_in;
  for (const RoutineArg& arg : old.args)
    if (IsInputArg(arg.mode)) old_in.push_back(&arg);
  for (const RoutineArg& arg : routine.args)
    if (IsInputArg(arg.mode)) new_in.push_back(&arg);
  for (size_t i = 0; i < old_in.size() && i < new_in.size(); ++i) {
    if (!old_in[i]->name.empty() && old_in[i]->name != new_in[i]->name) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("cannot change name of input parameter \"", old_in[i]->name, "\"",
                              drop_hint));
    }
  }
  if (DefaultCount(routine) < DefaultCount(old)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot remove parameter defaults from existing function", drop_hint));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateRoutine(const CreateRoutine& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  Routine routine = m.routine;
  routine.name = catalog.ForCreation(m.routine.name);
  if (routine.name.schema.empty()) {
    return ctx.Error(absl::StatusCode::kNotFound, "no schema has been selected to create in");
  }
  if (!catalog.schemas.contains(routine.name.schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", routine.name.schema, "\" does not exist"));
  }
  RoutineKey key = routine.key();
  auto existing = catalog.routines.find(key);
  if (existing != catalog.routines.end()) {
    if (!m.or_replace) {
      return ctx.Error(absl::StatusCode::kAlreadyExists,
                       StrCat("function \"", routine.name.name,
                              "\" already exists with same argument types"));
    }
    const Routine& old = existing->second;
    PGDRIFT_RETURN_IF_ERROR(CheckReplace(old, routine, ctx));
    routine.owner = old.owner;
    routine.privileges = old.privileges;
    routine.comment = old.comment;
    routine.lineage = old.lineage;
    routine.lineage.Touch(ctx.span());
    existing->second = std::move(routine);
    return absl::OkStatus();
  }
  if (routine.owner.empty()) routine.owner = catalog.current_user;
  // proacl from the owner's default privileges (ProcedureCreate: get_user_default_acl).
  routine.privileges =
      NewObjectAcl(catalog, AclObjectKind::kFunction, routine.owner, routine.name.schema);
  routine.lineage = Lineage::At(ctx.span());
  catalog.routines.emplace(std::move(key), std::move(routine));
  return absl::OkStatus();
}

absl::Status ApplyAlterRoutine(const AlterRoutine& m, ApplyContext& ctx) {
  std::string missing;
  PGDRIFT_ASSIGN_OR_RETURN(std::optional<RoutineKey> key,
                           FindRoutine(m.routine, m.kind, ctx, &missing));
  if (!key.has_value()) return ctx.Error(absl::StatusCode::kNotFound, missing);
  Routine& routine = ctx.catalog->routines.at(*key);
  if (m.volatility) routine.volatility = *m.volatility;
  if (m.strict) routine.strict = *m.strict;
  if (m.security_definer) routine.security_definer = *m.security_definer;
  if (m.leakproof) routine.leakproof = *m.leakproof;
  if (m.parallel) routine.parallel = *m.parallel;
  if (m.cost) routine.cost = *m.cost;
  if (m.rows) {
    if (!ReturnType(routine).second) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       "ROWS is not applicable when function does not return a set");
    }
    routine.rows = *m.rows;
  }
  if (m.reset_all) routine.config.clear();
  for (const auto& [name, value] : m.config) {
    auto it = std::find_if(routine.config.begin(), routine.config.end(),
                           [&name](const auto& item) { return item.first == name; });
    if (it != routine.config.end()) {
      if (value.has_value()) {
        it->second = *value;
      } else {
        routine.config.erase(it);
      }
    } else if (value.has_value()) {
      routine.config.emplace_back(name, *value);
    }
  }
  routine.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

absl::Status ApplyDropRoutines(const DropRoutines& m, ApplyContext& ctx) {
  std::vector<ObjectId> targets;
  for (const RoutineSignature& signature : m.routines) {
    std::string missing;
    PGDRIFT_ASSIGN_OR_RETURN(std::optional<RoutineKey> key,
                             FindRoutine(signature, m.kind, ctx, &missing));
    if (!key.has_value()) {
      if (!m.if_exists) return ctx.Error(absl::StatusCode::kNotFound, missing);
      // dropcmds.c does_not_exist_skipping: "function f(integer,text) does not exist,
      // skipping" (TypeNameListToString joins with ","), "f()" without an argument list.
      if (missing.starts_with("schema ")) {
        ctx.Notice(StrCat(missing, ", skipping"));
      } else {
        ctx.Notice(StrCat(KindWord(m.kind), " ",
                          SignatureText(signature.name,
                                        ReplaceAll(signature.args.value_or(""), ", ", ",")),
                          " does not exist, skipping"));
      }
      continue;
    }
    ObjectId id = RoutineId(ctx.catalog->routines.at(*key));
    if (std::find(targets.begin(), targets.end(), id) == targets.end()) targets.push_back(id);
  }
  return DropWithDependents(targets, m.cascade, ctx);
}

}  // namespace pgdrift::model::internal

namespace pgdrift::model::internal {
namespace {

// Finds the routine a Rename / SetSchema / Comment / SetObjectOwner names, or the error.
absl::StatusOr<RoutineKey> RequireRoutine(const QualifiedName& name,
                                          const std::optional<std::string>& args, ObjectKind kind,
                                          ApplyContext& ctx) {
  std::string missing;
  PGDRIFT_ASSIGN_OR_RETURN(std::optional<RoutineKey> key,
                           FindRoutine({name, args}, kind, ctx, &missing));
  if (!key.has_value()) return ctx.Error(absl::StatusCode::kNotFound, missing);
  return *key;
}

// Moves the routine at `from` to `to` (a new name or schema), refusing a taken
// signature as IsThereFunctionInNamespace (namespace.c) does.
absl::Status MoveRoutine(const RoutineKey& from, const QualifiedName& to, ApplyContext& ctx,
                         bool rename) {
  Catalog& catalog = *ctx.catalog;
  RoutineKey target{to, from.args};
  if (catalog.routines.contains(target)) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat(KindWord(catalog.routines.at(target).procedure ? ObjectKind::kProcedure
                                                                           : ObjectKind::kFunction),
                            " ", QuoteIdent(to.name), "(", from.args, ") already exists in schema \"",
                            to.schema, "\""));
  }
  auto node = catalog.routines.extract(from);
  Routine& routine = node.mapped();
  if (rename) {
    routine.lineage.Renamed(routine.name.name, ctx.span());
  } else {
    routine.lineage.Touch(ctx.span());
  }
  routine.name = to;
  node.key() = target;
  catalog.routines.insert(std::move(node));
  return absl::OkStatus();
}

}  // namespace

absl::Status RenameRoutine(const Rename& m, ApplyContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(RoutineKey key, RequireRoutine(m.object, m.routine_args, m.kind, ctx));
  return MoveRoutine(key, {key.name.schema, m.new_name}, ctx, /*rename=*/true);
}

absl::Status SetRoutineSchema(const SetSchema& m, ApplyContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(RoutineKey key, RequireRoutine(m.object, m.routine_args, m.kind, ctx));
  if (!ctx.catalog->schemas.contains(m.new_schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", m.new_schema, "\" does not exist"));
  }
  if (key.name.schema == m.new_schema) {
    // alter.c AlterObjectNamespace_internal.
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat(DescribeObject(*ctx.catalog, RoutineId(ctx.catalog->routines.at(key))),
                            " is already in schema \"", m.new_schema, "\""));
  }
  return MoveRoutine(key, {m.new_schema, key.name.name}, ctx, /*rename=*/false);
}

absl::Status CommentOnRoutine(const Comment& m, ApplyContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(RoutineKey key, RequireRoutine(m.object, m.routine_args, m.kind, ctx));
  Routine& routine = ctx.catalog->routines.at(key);
  routine.comment = m.text.value_or("");
  routine.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

absl::Status SetRoutineOwner(const SetObjectOwner& m, ApplyContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(RoutineKey key, RequireRoutine(m.object, m.routine_args, m.kind, ctx));
  Routine& routine = ctx.catalog->routines.at(key);
  routine.owner = m.role;
  routine.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
