#include "planner/placeholder.h"

#include "base/strings.h"

namespace pgdrift::planner {

std::string RecoveredMigration(std::string_view version, std::string_view name,
                               const std::vector<RecoveredStatement>& statements) {
  std::string out = StrCat("-- Migration ", version, name.empty() ? "" : " (", name,
                           name.empty() ? "" : ")",
                           ", recovered by pgdrift from the statements the remote history\n"
                           "-- table recorded for it. It was applied to the remote database "
                           "but had no local file.\n");
  for (const RecoveredStatement& statement : statements) {
    out += "\n";
    std::string sql(Trim(statement.sql));
    if (!sql.ends_with(";")) sql += ";";
    if (statement.failure.empty()) {
      StrAppend(&out, sql, "\n");
      continue;
    }
    StrAppend(&out, "-- not replayed: it fails when the local chain replays (", statement.failure,
              "); the chain already has this effect\n");
    for (std::string_view line : StrSplit(sql, '\n')) StrAppend(&out, "-- ", line, "\n");
  }
  return out;
}

std::string PlaceholderMigration(std::string_view version, std::string_view name,
                                 const std::vector<model::ObjectId>& unexplained) {
  std::string out = StrCat("-- Migration ", version, name.empty() ? "" : " (", name,
                           name.empty() ? "" : ")", ": placeholder written by pgdrift.\n");
  out +=
      "--\n"
      "-- This version is recorded as applied in the remote history table, but its statements\n"
      "-- were not recorded (the row has no statements) and no local file has it. This file\n"
      "-- keeps the local chain and the remote history aligned; it changes nothing.\n";
  if (unexplained.empty()) {
    out += "--\n-- Every remote object is explained by a local migration.\n";
  } else {
    out +=
        "--\n"
        "-- Remote objects that no local migration explains (this version may have created\n"
        "-- them; write their DDL here to keep them in the chain):\n";
    for (const model::ObjectId& id : unexplained) StrAppend(&out, "--   ", id.ToString(), "\n");
  }
  return out;
}

}  // namespace pgdrift::planner
