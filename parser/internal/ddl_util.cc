#include "parser/internal/ddl_util.h"

#include "base/strings.h"

namespace pgdrift::parser::internal {

std::string ObjectTypeSql(PgQuery__ObjectType object_type) {
  switch (object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_ACCESS_METHOD:
      return "ACCESS METHOD";
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
      return "AGGREGATE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_AMOP:
      return "OPERATOR (of an operator family)";
    case PG_QUERY__OBJECT_TYPE__OBJECT_AMPROC:
      return "FUNCTION (of an operator family)";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE:
      return "ATTRIBUTE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_CAST:
      return "CAST";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      return "COLUMN";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
      return "COLLATION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_CONVERSION:
      return "CONVERSION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE:
      return "DATABASE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DEFAULT:
      return "DEFAULT";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DEFACL:
      return "DEFAULT PRIVILEGES";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return "DOMAIN";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
      return "CONSTRAINT … ON DOMAIN";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER:
      return "EVENT TRIGGER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return "EXTENSION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FDW:
      return "FOREIGN DATA WRAPPER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_SERVER:
      return "SERVER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      return "FOREIGN TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      return "FUNCTION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return "INDEX";
    case PG_QUERY__OBJECT_TYPE__OBJECT_LANGUAGE:
      return "LANGUAGE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_LARGEOBJECT:
      return "LARGE OBJECT";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return "MATERIALIZED VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
      return "OPERATOR CLASS";
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:
      return "OPERATOR";
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:
      return "OPERATOR FAMILY";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PARAMETER_ACL:
      return "PARAMETER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      return "POLICY";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      return "PROCEDURE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION:
      return "PUBLICATION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION_NAMESPACE:
      return "PUBLICATION SCHEMA";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION_REL:
      return "PUBLICATION RELATION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROLE:
      return "ROLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return "ROUTINE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
      return "RULE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return "SCHEMA";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "SEQUENCE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SUBSCRIPTION:
      return "SUBSCRIPTION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_STATISTIC_EXT:
      return "STATISTICS";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
      return "CONSTRAINT";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return "TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLESPACE:
      return "TABLESPACE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRANSFORM:
      return "TRANSFORM";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      return "TRIGGER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION:
      return "TEXT SEARCH CONFIGURATION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY:
      return "TEXT SEARCH DICTIONARY";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER:
      return "TEXT SEARCH PARSER";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE:
      return "TEXT SEARCH TEMPLATE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return "TYPE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_USER_MAPPING:
      return "USER MAPPING";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return "VIEW";
    default:
      return "OBJECT";
  }
}

std::optional<model::ObjectKind> ModelledKind(PgQuery__ObjectType object_type) {
  switch (object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return model::ObjectKind::kSchema;
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return model::ObjectKind::kExtension;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return model::ObjectKind::kType;
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return model::ObjectKind::kDomain;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return model::ObjectKind::kSequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return model::ObjectKind::kTable;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return model::ObjectKind::kIndex;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return model::ObjectKind::kView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return model::ObjectKind::kMaterializedView;
    default:
      return std::nullopt;
  }
}

absl::StatusOr<std::string> RoleName(const PgQuery__RoleSpec* role_spec,
                                     const model::Catalog& catalog) {
  if (role_spec == nullptr) return absl::InvalidArgumentError("role name is missing");
  switch (role_spec->roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
      return std::string(role_spec->rolename);
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE:
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER:
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER:
      return catalog.current_user;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
      // get_rolespec_oid (acl.c) has no role for PUBLIC.
      return absl::NotFoundError("role \"public\" does not exist");
    default:
      return absl::InvalidArgumentError("unexpected role specification");
  }
}

model::ObjectKind TypeOrDomainKind(const model::QualifiedName& name,
                                   const model::Catalog& catalog) {
  std::optional<model::QualifiedName> found = catalog.ResolveType(name);
  if (found && catalog.domains.contains(*found)) return model::ObjectKind::kDomain;
  return model::ObjectKind::kType;
}

absl::Status CheckNotRepeated(std::string_view name, std::vector<std::string>* seen) {
  for (const std::string& earlier : *seen) {
    if (earlier == name) return absl::InvalidArgumentError("conflicting or redundant options");
  }
  seen->emplace_back(name);
  return absl::OkStatus();
}

namespace {

bool IsIdentifierSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// truncate_identifier (scansup.c): NAMEDATALEN - 1 bytes, not splitting a character.
void TruncateIdentifier(std::string* name) {
  constexpr size_t kMaxBytes = 63;
  if (name->size() <= kMaxBytes) return;
  size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>((*name)[cut]) & 0xC0) == 0x80) --cut;
  name->resize(cut);
}

}  // namespace

std::optional<std::vector<std::string>> SplitIdentifiers(std::string_view text, char separator) {
  std::vector<std::string> names;
  size_t i = 0;
  while (i < text.size() && IsIdentifierSpace(text[i])) ++i;
  if (i == text.size()) return names;  // an empty string is an empty list
  while (true) {
    std::string name;
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) return std::nullopt;  // unterminated quote
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            name += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        name += text[i++];
      }
    } else {
      size_t start = i;
      while (i < text.size() && text[i] != separator && !IsIdentifierSpace(text[i])) ++i;
      if (i == start) return std::nullopt;  // empty unquoted name
      name = AsciiLower(text.substr(start, i - start));
    }
    TruncateIdentifier(&name);
    names.push_back(std::move(name));
    while (i < text.size() && IsIdentifierSpace(text[i])) ++i;
    if (i == text.size()) return names;
    if (text[i] != separator) return std::nullopt;
    ++i;
    while (i < text.size() && IsIdentifierSpace(text[i])) ++i;
    if (i == text.size()) return std::nullopt;  // a separator at the end
  }
}

void StringEdits::Set(char** field, std::string value) {
  storage_.push_back(std::move(value));
  originals_.emplace_back(field, *field);
  *field = storage_.back().data();
}

void StringEdits::Restore() {
  // Newest first, so a field edited twice ends up with its first original.
  for (auto it = originals_.rbegin(); it != originals_.rend(); ++it) *it->first = it->second;
  originals_.clear();
  storage_.clear();
}

NodeCopy::NodeCopy(const PgQuery__Node& node) {
  std::vector<uint8_t> buffer(pg_query__node__get_packed_size(&node));
  pg_query__node__pack(&node, buffer.data());
  node_ = pg_query__node__unpack(nullptr, buffer.size(), buffer.data());
}

NodeCopy::~NodeCopy() {
  edits_.Restore();
  if (node_ != nullptr) pg_query__node__free_unpacked(node_, nullptr);
}

}  // namespace pgdrift::parser::internal
