// CREATE TYPE (enum, composite, range) and ALTER TYPE (typecmds.c DefineEnum,
// DefineCompositeType, DefineRange, AlterEnum, AlterTypeOwner; pg_enum.c AddEnumLabel and
// RenameEnumLabel; tablecmds.c for composite attributes).
#include <algorithm>
#include <set>

#include "base/status_macros.h"
#include "base/strings.h"
#include "model/internal/apply_context.h"
#include "model/internal/default_privileges.h"
#include "model/internal/namespaces.h"

namespace pgdrift::model::internal {
namespace {

// NAMEDATALEN - 1: the longest enum label pg_enum.enumlabel holds.
constexpr size_t kMaxLabelBytes = 63;

absl::Status CheckLabel(const std::string& label, ApplyContext& ctx) {
  if (label.size() > kMaxLabelBytes) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("invalid enum label \"", label, "\"\nDETAIL:  Labels must be ",
                            static_cast<int>(kMaxLabelBytes), " bytes or less."));
  }
  return absl::OkStatus();
}

bool UsesType(const TypeRef& ref, const QualifiedName& type) {
  return ref.is_user_defined() && ref.qualified() == type;
}

// A table column whose value contains `type`, directly or inside a composite type
// (tablecmds.c find_composite_type_dependencies), as "table.column".
std::optional<std::string> FindStoredUse(const Catalog& catalog, const QualifiedName& type,
                                         std::set<QualifiedName>& seen) {
  if (!seen.insert(type).second) return std::nullopt;
  for (const auto& [name, table] : catalog.tables) {
    for (const Column& column : table.columns) {
      if (UsesType(column.type, type)) return StrCat(name.name, ".", column.name);
    }
  }
  for (const auto& [name, other] : catalog.types) {
    if (other.kind != UserTypeKind::kComposite) continue;
    for (const CompositeAttribute& attribute : other.attributes) {
      if (!UsesType(attribute.type, type)) continue;
      if (std::optional<std::string> use = FindStoredUse(catalog, name, seen)) return use;
    }
  }
  return std::nullopt;
}

absl::Status AddValue(const alter_type::AddValue& c, UserType& type, ApplyContext& ctx) {
  PGDRIFT_RETURN_IF_ERROR(CheckLabel(c.value, ctx));
  std::vector<std::string>& values = type.enum_values;
  if (std::find(values.begin(), values.end(), c.value) != values.end()) {
    if (c.if_not_exists) {
      ctx.Notice(StrCat("enum label \"", c.value, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("enum label \"", c.value, "\" already exists"));
  }
  if (c.neighbor.empty()) {
    values.push_back(c.value);
    return absl::OkStatus();
  }
  auto neighbor = std::find(values.begin(), values.end(), c.neighbor);
  if (neighbor == values.end()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", c.neighbor, "\" is not an existing enum label"));
  }
  values.insert(c.before ? neighbor : neighbor + 1, c.value);
  return absl::OkStatus();
}

absl::Status RenameValue(const alter_type::RenameValue& c, UserType& type, ApplyContext& ctx) {
  PGDRIFT_RETURN_IF_ERROR(CheckLabel(c.new_value, ctx));
  std::vector<std::string>& values = type.enum_values;
  auto old_value = std::find(values.begin(), values.end(), c.old_value);
  if (old_value == values.end()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("\"", c.old_value, "\" is not an existing enum label"));
  }
  if (std::find(values.begin(), values.end(), c.new_value) != values.end()) {
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("enum label \"", c.new_value, "\" already exists"));
  }
  *old_value = c.new_value;
  return absl::OkStatus();
}

std::vector<CompositeAttribute>::iterator FindAttribute(UserType& type, const std::string& name) {
  return std::find_if(type.attributes.begin(), type.attributes.end(),
                      [&name](const CompositeAttribute& a) { return a.name == name; });
}

std::string NoSuchAttribute(const UserType& type, const std::string& name) {
  return StrCat("column \"", name, "\" of relation \"", type.name.name, "\" does not exist");
}

std::string AttributeExists(const UserType& type, const std::string& name) {
  return StrCat("column \"", name, "\" of relation \"", type.name.name, "\" already exists");
}

// Applies one attribute or owner command to `type` (a copy; the caller commits it).
absl::Status ApplyAttributeCommand(const AlterTypeCommand& command, UserType& type,
                                   ApplyContext& ctx) {
  const Catalog& catalog = *ctx.catalog;
  if (const auto* c = std::get_if<alter_type::AddAttribute>(&command)) {
    if (FindAttribute(type, c->attribute.name) != type.attributes.end()) {
      return ctx.Error(absl::StatusCode::kAlreadyExists, AttributeExists(type, c->attribute.name));
    }
    if (UsesType(c->attribute.type, type.name)) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("composite type ", FormatTypeName(catalog, type.name),
                              " cannot be made a member of itself"));
    }
    type.attributes.push_back(c->attribute);
  } else if (const auto* c = std::get_if<alter_type::DropAttribute>(&command)) {
    auto it = FindAttribute(type, c->name);
    if (it == type.attributes.end()) {
      if (c->if_exists) {
        ctx.Notice(NoSuchAttribute(type, c->name) + ", skipping");
        return absl::OkStatus();
      }
      return ctx.Error(absl::StatusCode::kNotFound, NoSuchAttribute(type, c->name));
    }
    type.attributes.erase(it);
  } else if (const auto* c = std::get_if<alter_type::AlterAttributeType>(&command)) {
    auto it = FindAttribute(type, c->name);
    if (it == type.attributes.end()) {
      return ctx.Error(absl::StatusCode::kNotFound, NoSuchAttribute(type, c->name));
    }
    std::set<QualifiedName> seen;
    if (std::optional<std::string> use = FindStoredUse(catalog, type.name, seen)) {
      return ctx.Error(absl::StatusCode::kFailedPrecondition,
                       StrCat("cannot alter type \"", type.name.name, "\" because column \"", *use,
                              "\" uses it"));
    }
    it->type = c->type;
    it->collation = c->collation;
  } else if (const auto* c = std::get_if<alter_type::RenameAttribute>(&command)) {
    auto it = FindAttribute(type, c->old_name);
    if (it == type.attributes.end()) {
      return ctx.Error(absl::StatusCode::kNotFound,
                       StrCat("column \"", c->old_name, "\" does not exist"));
    }
    if (FindAttribute(type, c->new_name) != type.attributes.end()) {
      return ctx.Error(absl::StatusCode::kAlreadyExists, AttributeExists(type, c->new_name));
    }
    it->name = c->new_name;
  } else if (const auto* c = std::get_if<alter_type::SetOwner>(&command)) {
    type.owner = c->role;
  }
  return absl::OkStatus();
}

bool IsEnumCommand(const AlterTypeCommand& command) {
  return std::holds_alternative<alter_type::AddValue>(command) ||
         std::holds_alternative<alter_type::RenameValue>(command);
}

bool IsAttributeCommand(const AlterTypeCommand& command) {
  return !IsEnumCommand(command) && !std::holds_alternative<alter_type::SetOwner>(command);
}

// ALTER TYPE … OWNER TO alone: any type or domain except a table's row type.
absl::Status AlterOwnerOnly(const AlterType& m, const std::string& role, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  std::optional<QualifiedName> name = ResolveAnyType(catalog, m.type);
  if (!name.has_value()) {
    return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.type));
  }
  if (catalog.tables.contains(*name)) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat(FormatTypeName(catalog, *name),
                            " is a table's row type\nHINT:  Use ALTER TABLE instead."));
  }
  if (auto domain = catalog.domains.find(*name); domain != catalog.domains.end()) {
    domain->second.owner = role;
    domain->second.lineage.Touch(ctx.span());
    return absl::OkStatus();
  }
  auto type = catalog.types.find(*name);
  if (type == catalog.types.end()) {
    return ctx.Error(absl::StatusCode::kInvalidArgument,
                     StrCat("cannot alter multirange type ", FormatTypeName(catalog, *name)));
  }
  type->second.owner = role;
  type->second.lineage.Touch(ctx.span());
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyCreateType(const CreateType& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  UserType type = m.type;
  type.name = catalog.ForCreation(m.type.name);
  if (type.name.schema.empty()) {
    return ctx.Error(absl::StatusCode::kNotFound, "no schema has been selected to create in");
  }
  if (!catalog.schemas.contains(type.name.schema)) {
    return ctx.Error(absl::StatusCode::kNotFound,
                     StrCat("schema \"", type.name.schema, "\" does not exist"));
  }
  if (TypeNameTaken(catalog, type.name)) {
    if (m.if_not_exists) {
      ctx.Notice(StrCat("type \"", type.name.name, "\" already exists, skipping"));
      return absl::OkStatus();
    }
    return ctx.Error(absl::StatusCode::kAlreadyExists,
                     StrCat("type \"", type.name.name, "\" already exists"));
  }
  switch (type.kind) {
    case UserTypeKind::kEnum: {
      std::set<std::string> labels;
      for (const std::string& label : type.enum_values) {
        PGDRIFT_RETURN_IF_ERROR(CheckLabel(label, ctx));
        // pg_enum.c EnumValuesCreate leaves duplicates to the unique index.
        if (!labels.insert(label).second) {
          return ctx.Error(
              absl::StatusCode::kAlreadyExists,
              "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"");
        }
      }
      break;
    }
    case UserTypeKind::kComposite: {
      // A composite type is a pg_class entry too (relkind 'c').
      if (RelationNameTaken(catalog, type.name)) {
        return ctx.Error(absl::StatusCode::kAlreadyExists,
                         StrCat("relation \"", type.name.name, "\" already exists"));
      }
      std::set<std::string> names;
      for (const CompositeAttribute& attribute : type.attributes) {
        if (!names.insert(attribute.name).second) {
          return ctx.Error(absl::StatusCode::kInvalidArgument,
                           StrCat("column \"", attribute.name, "\" specified more than once"));
        }
      }
      break;
    }
    case UserTypeKind::kRange: {
      bool implicit = type.multirange_name.empty();
      if (implicit) type.multirange_name = MultirangeTypeName(type.name.name);
      if (type.multirange_name == type.name.name ||
          TypeNameTaken(catalog, {type.name.schema, type.multirange_name})) {
        std::string message = StrCat("type \"", type.multirange_name, "\" already exists");
        if (implicit) {
          StrAppend(&message, "\nDETAIL:  Failed while creating a multirange type for type \"",
                    type.name.name,
                    "\".\nHINT:  You can manually specify a multirange type name using the "
                    "\"multirange_type_name\" attribute.");
        }
        return ctx.Error(absl::StatusCode::kAlreadyExists, message);
      }
      break;
    }
  }
  if (type.owner.empty()) type.owner = catalog.current_user;
  // typacl from ALTER DEFAULT PRIVILEGES (TypeCreate: get_user_default_acl).
  type.privileges = NewObjectAcl(catalog, AclObjectKind::kType, type.owner, type.name.schema);
  type.lineage = Lineage::At(ctx.span());
  QualifiedName key = type.name;
  catalog.types.emplace(std::move(key), std::move(type));
  return absl::OkStatus();
}

absl::Status ApplyAlterType(const AlterType& m, ApplyContext& ctx) {
  Catalog& catalog = *ctx.catalog;
  if (m.commands.empty()) return absl::OkStatus();
  const bool enum_commands = std::any_of(m.commands.begin(), m.commands.end(), IsEnumCommand);
  const bool attribute_commands =
      std::any_of(m.commands.begin(), m.commands.end(), IsAttributeCommand);
  if (!enum_commands && !attribute_commands) {
    // Only OWNER TO: it applies to domains as well.
    const auto& owner = std::get<alter_type::SetOwner>(m.commands.back());
    return AlterOwnerOnly(m, owner.role, ctx);
  }

  UserType* target = nullptr;
  if (attribute_commands) {
    // Attribute commands go through ALTER TABLE on the type's pg_class entry.
    std::optional<QualifiedName> name =
        catalog.SearchPath(m.type, [&catalog](const QualifiedName& candidate) {
          return RelationNameTaken(catalog, candidate);
        });
    if (!name.has_value()) {
      return ctx.Error(absl::StatusCode::kNotFound, MissingRelationMessage(catalog, m.type));
    }
    if (!IsCompositeType(catalog, *name)) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat("\"", name->name, "\" is not a composite type"));
    }
    target = &catalog.types.at(*name);
  } else {
    std::optional<QualifiedName> name = ResolveAnyType(catalog, m.type);
    if (!name.has_value()) {
      return ctx.Error(absl::StatusCode::kNotFound, MissingTypeMessage(catalog, m.type));
    }
    auto it = catalog.types.find(*name);
    if (it == catalog.types.end() || it->second.kind != UserTypeKind::kEnum) {
      return ctx.Error(absl::StatusCode::kInvalidArgument,
                       StrCat(FormatTypeName(catalog, *name), " is not an enum"));
    }
    target = &it->second;
  }

  UserType changed = *target;
  for (const AlterTypeCommand& command : m.commands) {
    if (const auto* c = std::get_if<alter_type::AddValue>(&command)) {
      PGDRIFT_RETURN_IF_ERROR(AddValue(*c, changed, ctx));
    } else if (const auto* c = std::get_if<alter_type::RenameValue>(&command)) {
      PGDRIFT_RETURN_IF_ERROR(RenameValue(*c, changed, ctx));
    } else {
      if (changed.kind != UserTypeKind::kComposite &&
          !std::holds_alternative<alter_type::SetOwner>(command)) {
        return ctx.Error(absl::StatusCode::kInvalidArgument,
                         StrCat("\"", changed.name.name, "\" is not a composite type"));
      }
      PGDRIFT_RETURN_IF_ERROR(ApplyAttributeCommand(command, changed, ctx));
    }
  }
  changed.lineage.Touch(ctx.span());
  *target = std::move(changed);
  return absl::OkStatus();
}

}  // namespace pgdrift::model::internal
