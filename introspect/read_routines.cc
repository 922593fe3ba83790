// Functions and procedures: queries/routines.sql and routine_args.sql → Catalog::routines.
// Aggregates and window functions in scope are not modelled: each is reported as a
// warning (ReadOptions::warnings), never dropped silently.
#include <map>

#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/routine_args.sql.h"
#include "introspect/queries/routines.sql.h"

namespace pgdrift::introspect::internal {
namespace {

model::Volatility VolatilityOf(const std::string& letter) {
  if (letter == "i") return model::Volatility::kImmutable;
  if (letter == "s") return model::Volatility::kStable;
  return model::Volatility::kVolatile;
}

model::ParallelSafety ParallelOf(const std::string& letter) {
  if (letter == "s") return model::ParallelSafety::kSafe;
  if (letter == "r") return model::ParallelSafety::kRestricted;
  return model::ParallelSafety::kUnsafe;
}

// pg_proc.proargmodes letters.
model::ArgMode ModeOf(const std::string& letter) {
  if (letter == "o") return model::ArgMode::kOut;
  if (letter == "b") return model::ArgMode::kInOut;
  if (letter == "v") return model::ArgMode::kVariadic;
  if (letter == "t") return model::ArgMode::kTable;
  return model::ArgMode::kIn;
}

// "schema.name" as quote_ident quoted each part → QualifiedName.
model::QualifiedName SplitQualified(const std::string& text) {
  model::QualifiedName name;
  std::string* part = &name.schema;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
        *part += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted && part == &name.schema) {
      part = &name.name;
    } else {
      *part += c;
    }
  }
  return name;
}

}  // namespace

absl::Status ReadRoutines(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet routines, RunQuery(ctx, "routines", kRoutinesSql));
  std::map<int64_t, model::Routine> by_oid;
  for (ResultSet::Row row : routines) {
    const std::string kind = row.Text("kind");
    if (kind != "f" && kind != "p") {
      if (ctx.options->warnings != nullptr) {
        ctx.options->warnings->Warning(
            SourceSpan{},
            StrCat(kind == "a" ? "aggregate " : "window function ",
                   model::QualifiedName{row.Text("schema"), row.Text("name")}.ToString(), "(",
                   row.Text("identity_args"), ") is not modelled"));
      }
      continue;
    }
    model::Routine routine;
    routine.name = {row.Text("schema"), row.Text("name")};
    routine.procedure = kind == "p";
    routine.result = row.Text("result");
    routine.language = row.Text("language");
    routine.body = row.Text("body");
    routine.probin = row.Text("probin");
    routine.volatility = VolatilityOf(row.Text("volatility"));
    routine.strict = row.Bool("strict");
    routine.security_definer = row.Bool("security_definer");
    routine.leakproof = row.Bool("leakproof");
    routine.parallel = ParallelOf(row.Text("parallel"));
    routine.cost = std::stod(row.Text("cost"));
    routine.rows = std::stod(row.Text("rows"));
    for (const std::string& item : row.TextArray("config")) {
      size_t equals = item.find('=');
      routine.config.emplace_back(item.substr(0, equals),
                                  equals == std::string::npos ? "" : item.substr(equals + 1));
    }
    if (std::string support = row.Text("support"); !support.empty()) {
      routine.support = SplitQualified(support);
    }
    routine.owner = row.Text("owner");
    routine.comment = row.Text("comment");
    routine.privileges = ParseAcl(row, "acl");
    by_oid.emplace(row.Int("oid"), std::move(routine));
  }

  PGDRIFT_ASSIGN_OR_RETURN(ResultSet args, RunQuery(ctx, "routine arguments", kRoutineArgsSql));
  for (ResultSet::Row row : args) {
    auto it = by_oid.find(row.Int("oid"));
    if (it == by_oid.end()) continue;
    model::RoutineArg arg;
    arg.mode = ModeOf(row.Text("mode"));
    arg.name = row.Text("name");
    arg.type = TypeRefFromRow(row, "type");
    arg.default_expr = row.Get("default_expr");
    it->second.args.push_back(std::move(arg));
  }
  for (auto& [oid, routine] : by_oid) {
    model::RoutineKey key = routine.key();
    ctx.catalog->routines[key] = std::move(routine);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
