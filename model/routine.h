// Routine: a function or procedure (pg_proc, prokind 'f' / 'p'). Identity: schema, name
// and the types of its input arguments, so overloads are separate objects
// (`function public.complete_filling(uuid, text)`).
//
// The body is kept verbatim (prosrc), as PostgreSQL keeps it; everything else is stored
// in the canonical form introspection reads back (pg_get_function_result,
// format_type of each argument, pg_get_expr of argument defaults).
#ifndef PGDRIFT_MODEL_ROUTINE_H_
#define PGDRIFT_MODEL_ROUTINE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"
#include "model/privileges.h"
#include "model/type_ref.h"

namespace pgdrift::model {

// pg_proc.proargmodes.
enum class ArgMode { kIn, kOut, kInOut, kVariadic, kTable };

struct RoutineArg {
  ArgMode mode = ArgMode::kIn;
  std::string name;  // empty when unnamed
  TypeRef type;
  std::optional<std::string> default_expr;  // canonical DEFAULT expression

  friend bool operator==(const RoutineArg&, const RoutineArg&) = default;
};

// pg_proc.provolatile and proparallel.
enum class Volatility { kVolatile, kStable, kImmutable };
enum class ParallelSafety { kUnsafe, kRestricted, kSafe };

// Identity of a routine: its qualified name and the canonical types of its input
// arguments (IN, INOUT, VARIADIC), joined by ", " as in `complete_filling(uuid, text)`.
struct RoutineKey {
  QualifiedName name;
  std::string args;

  friend bool operator==(const RoutineKey&, const RoutineKey&) = default;
  friend auto operator<=>(const RoutineKey&, const RoutineKey&) = default;
};

struct Routine {
  QualifiedName name;
  bool procedure = false;  // CREATE PROCEDURE (prokind 'p')
  std::vector<RoutineArg> args;  // every argument, in order (OUT and TABLE columns too)
  // pg_get_function_result: "integer", "SETOF public.orders", "TABLE(id uuid, n integer)",
  // "trigger", "void"; empty for procedures.
  std::string result;
  std::string language = "sql";  // pg_language.lanname, lowercase
  std::string body;              // prosrc verbatim; for C functions the link symbol
  std::string probin;            // C functions: the object file
  Volatility volatility = Volatility::kVolatile;
  bool strict = false;            // STRICT / RETURNS NULL ON NULL INPUT
  bool security_definer = false;
  bool leakproof = false;
  ParallelSafety parallel = ParallelSafety::kUnsafe;
  double cost = 100;  // procost: 1 for C and internal functions by default
  double rows = 0;    // prorows: 1000 by default for set-returning functions, else 0
  // proconfig: SET parameter = value, in the order written; values as PostgreSQL stores
  // them (`search_path` → "public, pg_temp" as written between the quotes or unquoted list).
  std::vector<std::pair<std::string, std::string>> config;
  std::optional<QualifiedName> support;  // SUPPORT function
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // proacl; nullopt = acldefault (owner + PUBLIC EXECUTE)
  Lineage lineage;

  // The RoutineKey args text: input argument types joined by ", ".
  std::string IdentityArgs() const;
  RoutineKey key() const { return {name, IdentityArgs()}; }
};

// "volatile", "stable", "immutable"; "unsafe", "restricted", "safe"; "in", "out",
// "inout", "variadic", "table".
std::string_view VolatilityName(Volatility volatility);
std::string_view ParallelSafetyName(ParallelSafety parallel);
std::string_view ArgModeName(ArgMode mode);

// Whether an argument of `mode` is part of the identity (IN, INOUT, VARIADIC).
bool IsInputArg(ArgMode mode);

// The identity of `routine`: {kFunction | kProcedure, schema, name, "", IdentityArgs()}.
ObjectId RoutineId(const Routine& routine);

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_ROUTINE_H_
