// PARTITION BY keys and FOR VALUES bounds in the text forms PostgreSQL's catalog prints
// them (pg_get_partkeydef, pg_get_expr of pg_class.relpartbound), which is how
// model::Table keeps partition_key and partition_bound.
//
// Used by CREATE TABLE (PARTITION BY, PARTITION OF) and ALTER TABLE ATTACH PARTITION.
#ifndef PGDRIFT_PARSER_PARTITION_CLAUSE_H_
#define PGDRIFT_PARSER_PARTITION_CLAUSE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/table.h"
#include "parser/table_elements.h"
#include "parser/transform.h"
#include "pg_query/pg_query.pb-c.h"

namespace pgdrift::parser {

// `RANGE (created_at)`, `LIST (lower(k))`, `HASH (id, n)`,
// `RANGE (a COLLATE "C" text_pattern_ops)`: columns by name, expressions canonical and
// parenthesized unless they are function calls, COLLATE (when it differs from the
// column's) and operator class only when written. A LIST key of more than one column is
// PostgreSQL's error.
absl::StatusOr<std::string> PartitionKeyText(const PgQuery__PartitionSpec& spec,
                                             const TableScope& scope, TransformContext& ctx);

// The types of the partition key elements of `parent` (from its partition_key text and
// columns), in order; nullopt for expressions and unknown columns.
std::vector<std::optional<model::TypeRef>> PartitionKeyTypes(const model::Table& parent);

// `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `FOR VALUES IN ('a', 'b')`,
// `FOR VALUES WITH (modulus 4, remainder 0)`, `DEFAULT`. Each datum prints as its
// value: casts on literals dropped, numbers bare when the key column is numeric and
// quoted otherwise, MINVALUE / MAXVALUE and NULL as keywords. `key_types` are the
// parent's key types (PartitionKeyTypes), possibly empty.
absl::StatusOr<std::string> PartitionBoundText(
    const PgQuery__PartitionBoundSpec& bound,
    const std::vector<std::optional<model::TypeRef>>& key_types, const TableScope& scope,
    TransformContext& ctx);

}  // namespace pgdrift::parser

#endif  // PGDRIFT_PARSER_PARTITION_CLAUSE_H_
