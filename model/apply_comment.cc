// COMMENT ON (commands/comment.c CommentObject, objectaddress.c get_object_address):
// the comment is an attribute of the object; an empty text or IS NULL removes it.
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/namespaces.h"
#include "model/internal/relation_helpers.h"

namespace pgdrift::model::internal {
namespace {

std::optional<QualifiedName> FindRelation(const Catalog& catalog, const QualifiedName& written) {
  return catalog.SearchPath(written, [&catalog](const QualifiedName& candidate) {
    return RelationNameTaken(catalog, candidate);
  });
}

// COMMENT ON TABLE / SEQUENCE / INDEX: the relation must be of the kind named.
absl::Status CommentOnRelation(const Comment& m, const std::string& text, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  std::optional<ObjectKind> kind = catalog.RelationKindOf(*name);
  if (kind != m.kind) {
    std::string_view what = m.kind == ObjectKind::kSequence           ? "a sequence"
                            : m.kind == ObjectKind::kIndex            ? "an index"
                            : m.kind == ObjectKind::kView             ? "a view"
                            : m.kind == ObjectKind::kMaterializedView ? "a materialized view"
                                                                      : "a table";
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", name->name, "\" is not ", what));
  }
  Lineage* lineage = nullptr;
  if (*kind == ObjectKind::kTable) {
    Table& table = catalog.tables.at(*name);
    table.comment = text;
    lineage = &table.lineage;
  } else if (*kind == ObjectKind::kView || *kind == ObjectKind::kMaterializedView) {
    View& view = catalog.views.at(*name);
    view.comment = text;
    lineage = &view.lineage;
  } else if (*kind == ObjectKind::kSequence) {
    Sequence& sequence = catalog.sequences.at(*name);
    sequence.comment = text;
    lineage = &sequence.lineage;
  } else {
    Index& index = catalog.indexes.at(*name);
    index.comment = text;
    lineage = &index.lineage;
  }
  lineage->Touch(ctx.span());
  return absl::OkStatus();
}

absl::Status CommentOnColumn(const Comment& m, const std::string& text, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = FindRelation(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
  }
  const std::string missing = StrCat("column \"", m.sub_name, "\" of relation \"",
                                     WrittenName(m.object), "\" does not exist");
  if (IsCompositeType(catalog, *name)) {
    // pg_description holds comments on composite type attributes; the model has no
    // field for them, so the attribute is only checked.
    const UserType& type = catalog.types.at(*name);
    for (const CompositeAttribute& attribute : type.attributes) {
      if (attribute.name == m.sub_name) return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kNotFound, missing);
  }
  if (auto view = catalog.views.find(*name); view != catalog.views.end()) {
    for (ViewColumn& column : view->second.columns) {
      if (column.name == m.sub_name) {
        column.comment = text;
        view->second.lineage.Touch(ctx.span());
        return absl::OkStatus();
      }
    }
    return ctx.Error(absl::StatusCode::kNotFound, missing);
  }
  Table* table = catalog.FindTable(*name);
  if (table == nullptr) return ctx.Error(absl::StatusCode::kNotFound, missing);
  for (Column& column : table->columns) {
    if (column.name == m.sub_name) {
      column.comment = text;
      column.lineage.Touch(ctx.span());
      return absl::OkStatus();
    }
  }
  return ctx.Error(absl::StatusCode::kNotFound, missing);
}

absl::Status CommentOnConstraint(const Comment& m, const std::string& text, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  if (std::optional<QualifiedName> name = FindRelation(catalog, m.object)) {
    Table* table = catalog.FindTable(*name);
    auto constraint = table == nullptr ? decltype(table->constraints.end()){}
                                       : table->constraints.find(m.sub_name);
    if (table == nullptr || constraint == table->constraints.end()) {
      return ctx.Error(
          absl::StatusCode::kNotFound,
          StrCat("constraint \"", m.sub_name, "\" for table \"", name->name, "\" does not exist"));
    }
    constraint->second.comment = text;
    constraint->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  // COMMENT ON CONSTRAINT … ON DOMAIN: the model keeps no comment on domain constraints,
  // so the constraint is only checked.
  if (std::optional<QualifiedName> name = ResolveAnyType(catalog, m.object)) {
    auto domain = catalog.domains.find(*name);
    if (domain != catalog.domains.end()) {
      if (domain->second.checks.contains(m.sub_name)) return absl::OkStatus();
      return ctx.Error(absl::StatusCode::kNotFound,
                       StrCat("constraint \"", m.sub_name, "\" for domain ",
                              FormatTypeName(catalog, *name), " does not exist"));
    }
  }
  return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
}

absl::Status CommentOnType(const Comment& m, const std::string& text, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, m.object);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.object));
  }
  auto domain = catalog.domains.find(*name);
  if (m.kind == ObjectKind::kDomain && domain == catalog.domains.end()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", WrittenName(m.object), "\" is not a domain"));
  }
  if (domain != catalog.domains.end()) {
    domain->second.comment = text;
    domain->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  auto type = catalog.types.find(*name);
  // A table's row type or a multirange type: the model keeps no comment for those.
  if (type == catalog.types.end()) return absl::OkStatus();
  type->second.comment = text;
  type->second.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyComment(const Comment& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  const std::string text = m.text.value_or("");
  switch (m.kind) {
    case ObjectKind::kFunction:
    case ObjectKind::kProcedure:
      return CommentOnRoutine(m, ctx);
    case ObjectKind::kTable:
    case ObjectKind::kSequence:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
      return CommentOnRelation(m, text, ctx);
    case ObjectKind::kColumn:
      return CommentOnColumn(m, text, ctx);
    case ObjectKind::kConstraint:
      return CommentOnConstraint(m, text, ctx);
    case ObjectKind::kType:
    case ObjectKind::kDomain:
      return CommentOnType(m, text, ctx);
    case ObjectKind::kSchema: {
      const std::string& name = m.object.name.empty() ? m.object.schema : m.object.name;
      auto it = catalog.schemas.find(name);
      if (it == catalog.schemas.end()) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         StrCat("schema \"", name, "\" does not exist"));
      }
      it->second.comment = text;
      it->second.lineage.Touch(ctx.span());
      return absl::OkStatus();
    }
    case ObjectKind::kExtension: {
      auto it = catalog.extensions.find(m.object.name);
      if (it == catalog.extensions.end()) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         StrCat("extension \"", m.object.name, "\" does not exist"));
      }
      it->second.comment = text;
      it->second.lineage.Touch(ctx.span());
      return absl::OkStatus();
    }
    case ObjectKind::kPolicy: {
      // get_object_address_relobject: the relation first, then the policy on it.
      std::optional<QualifiedName> name = FindRelation(catalog, m.object);
      if (!name.has_value()) {
        return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
      }
      Table* table = catalog.FindTable(*name);
      auto policy = table == nullptr ? decltype(table->policies.end()){}
                                     : table->policies.find(m.sub_name);
      if (table == nullptr || policy == table->policies.end()) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         StrCat("policy \"", m.sub_name, "\" for table \"", name->name,
                                "\" does not exist"));
      }
      policy->second.comment = text;
      policy->second.lineage.Touch(ctx.span());
      return absl::OkStatus();
    }
    case ObjectKind::kTrigger: {
      // get_object_address_relobject: the relation first, then the trigger on it.
      std::optional<QualifiedName> name = FindRelation(catalog, m.object);
      if (!name.has_value()) {
        return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.object));
      }
      std::map<std::string, Trigger>* triggers = nullptr;
      if (Table* table = catalog.FindTable(*name)) {
        triggers = &table->triggers;
      } else if (auto view = catalog.views.find(*name); view != catalog.views.end()) {
        triggers = &view->second.triggers;
      }
      auto trigger = triggers == nullptr ? decltype(triggers->end()){} : triggers->find(m.sub_name);
      if (triggers == nullptr || trigger == triggers->end()) {
        return ctx.Error(absl::StatusCode::kNotFound,
                         StrCat("trigger \"", m.sub_name, "\" for table \"", name->name,
                                "\" does not exist"));
      }
      trigger->second.comment = text;
      trigger->second.lineage.Touch(ctx.span());
      return absl::OkStatus();
    }
    case ObjectKind::kAggregate:
    case ObjectKind::kPublication:
    case ObjectKind::kEventTrigger:
      break;
  }
  return absl::UnimplementedError(StrCat("COMMENT ON ", KindName(m.kind), " is not modelled"));
}

}  // namespace pgdrift::model::internal
