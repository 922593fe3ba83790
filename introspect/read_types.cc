// User types: queries/types.sql (enums, composites, ranges) and
// composite_attributes.sql → Catalog::types.
#include "base/status_macros.h"
#include "base/strings.h"
#include "introspect/internal/acl.h"
#include "introspect/internal/readers.h"
#include "introspect/queries/composite_attributes.sql.h"
#include "introspect/queries/types.sql.h"

namespace pgdrift::introspect::internal {

absl::Status ReadTypes(ReadContext& ctx) {
  PGDRIFT_ASSIGN_OR_RETURN(ResultSet types, RunQuery(ctx, "types", kTypesSql));
  for (ResultSet::Row row : types) {
    model::UserType type;
    type.name = {row.Text("schema"), row.Text("name")};
    std::string kind = row.Text("kind");
    if (kind == "enum") {
      type.kind = model::UserTypeKind::kEnum;
      type.enum_values = row.TextArray("enum_labels");
    } else if (kind == "composite") {
      type.kind = model::UserTypeKind::kComposite;
    } else {
      type.kind = model::UserTypeKind::kRange;
      type.range_subtype = TypeRefFromRow(row, "subtype");
      type.range_subtype_opclass = row.Text("subtype_opclass");
      type.range_collation = row.Text("collation");
      type.range_canonical = row.Text("canonical");
      type.range_subtype_diff = row.Text("subtype_diff");
      type.multirange_name = row.Text("multirange_name");
      if (row.Bool("multirange_elsewhere") && ctx.options->warnings != nullptr) {
        // CREATE TYPE … AS RANGE (multirange_type_name = other_schema.name): only the
        // bare name is compared.
        ctx.options->warnings->Warning(
            SourceSpan{}, StrCat("the multirange type of range type ", type.name.ToString(),
                                 " is in another schema; only its name is compared"));
      }
    }
    type.owner = row.Text("owner");
    type.comment = row.Text("comment");
    type.privileges = ParseAcl(row, "acl");
    model::QualifiedName name = type.name;
    ctx.catalog->types[name] = std::move(type);
  }

  PGDRIFT_ASSIGN_OR_RETURN(ResultSet attributes,
                           RunQuery(ctx, "composite type attributes", kCompositeAttributesSql));
  for (ResultSet::Row row : attributes) {
    auto it = ctx.catalog->types.find({row.Text("type_schema"), row.Text("type_name")});
    if (it == ctx.catalog->types.end()) continue;  // both queries read one snapshot
    model::CompositeAttribute attribute;
    attribute.name = row.Text("name");
    attribute.type = TypeRefFromRow(row, "attr_type");
    attribute.collation = row.Text("collation");
    it->second.attributes.push_back(std::move(attribute));
  }
  return absl::OkStatus();
}

}  // namespace pgdrift::introspect::internal
