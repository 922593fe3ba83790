// verify.sql: the expectations a plan makes about the remote once it is applied, one query
// each, every query returning one row with a boolean column `ok` — objects created exist
// (columns with their type and NOT NULL), objects dropped are gone, history rows present.
#ifndef PGDRIFT_PLANNER_VERIFY_H_
#define PGDRIFT_PLANNER_VERIFY_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace pgdrift::planner {

// One expectation: a comment saying what it checks and its query.
struct VerifyQuery {
  std::string what;  // e.g. "table public.t exists"
  std::string sql;   // one SELECT … AS ok; statement
};

// The expectations for a remote whose schema is `before` and must become `after`: one per
// object diff::Compare(after, before) reports, checked through the system catalogs
// (to_regclass, to_regtype, to_regprocedure, pg_attribute with format_type, pg_constraint,
// pg_trigger, pg_policies, pg_namespace, pg_extension).
std::vector<VerifyQuery> SchemaExpectations(const model::Catalog& before,
                                            const model::Catalog& after);

// One expectation per version: its row is in `history_table` (present) or not (absent).
std::vector<VerifyQuery> HistoryExpectations(std::string_view history_table,
                                             const std::vector<std::string>& present,
                                             const std::vector<std::string>& absent);

// verify.sql: a header, then each query under a "-- what" comment.
std::string VerifySql(const std::vector<VerifyQuery>& queries);

}  // namespace pgdrift::planner

#endif  // PGDRIFT_PLANNER_VERIFY_H_
