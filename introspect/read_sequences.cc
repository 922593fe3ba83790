// Sequences: queries/sequences.sql → Catalog::sequences, with the column that owns
// each (serial and OWNED BY through pg_depend 'a', identity columns through 'i').
#include "base/status_macros.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/sequences.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadSequences(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet rows, RunQuery(ctx, "sequences", kSequencesSql));
  for (ResultSet::Row row : rows) {
    model::Sequence sequence;
    sequence.name = {row.Text("schema"), row.Text("name")};
    sequence.data_type = model::TypeRef::Builtin(row.Text("data_type"));
    sequence.start = row.Int("start");
    sequence.increment = row.Int("increment");
    sequence.min_value = row.Int("min_value");
    sequence.max_value = row.Int("max_value");
    sequence.cache = row.Int("cache");
    sequence.cycle = row.Bool("cycle");
    sequence.unlogged = row.Bool("unlogged");
    if (!row.IsNull("owned_by_table")) {
      sequence.owned_by = model::SequenceOwner{
          {row.Text("owned_by_schema"), row.Text("owned_by_table")}, row.Text("owned_by_column")};
    }
    sequence.identity = row.Bool("identity");
    sequence.owner = row.Text("owner");
    sequence.comment = row.Text("comment");
    sequence.privileges = ParseAcl(row, "acl");
    model::QualifiedName name = sequence.name;
    ctx.catalog->sequences[name] = std::move(sequence);
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
