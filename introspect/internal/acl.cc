#include "introspect/internal/acl.h"

#include <vector>

namespace pgdrift::introspect::internal {
namespace {

// Reads a role name as putid (src/backend/utils/adt/acl.c) prints it, starting at `*pos`
// and ending before `stop` (outside quotes): either bare, or double-quoted with '"'
// doubled. Returns nullopt when the quoting is broken.
std::optional<std::string> ReadRoleName(std::string_view text, size_t* pos, char stop) {
  std::string name;
  size_t i = *pos;
  if (i < text.size() && text[i] == '"') {
    ++i;
    while (true) {
      if (i >= text.size()) return std::nullopt;
      if (text[i] == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          name.push_back('"');
          i += 2;
          continue;
        }
        ++i;
        break;
      }
      name.push_back(text[i++]);
    }
    if (i < text.size() && text[i] != stop) return std::nullopt;
  } else {
    while (i < text.size() && text[i] != stop) name.push_back(text[i++]);
  }
  *pos = i;
  return name;
}

// One aclitem "grantee=letters/grantor" (aclitemout). Adds it to `acl`; false when the
// text is not an aclitem.
bool AddAclItem(std::string_view item, model::Acl* acl) {
  size_t pos = 0;
  std::optional<std::string> grantee = ReadRoleName(item, &pos, '=');
  if (!grantee.has_value() || pos >= item.size() || item[pos] != '=') return false;
  ++pos;
  std::string letters;
  std::string grantable;
  while (pos < item.size() && item[pos] != '/') {
    char letter = item[pos++];
    if (letter == '*') {
      if (letters.empty()) return false;
      grantable.push_back(letters.back());
      continue;
    }
    if (model::OrderedPrivileges(std::string_view(&letter, 1)).empty()) return false;
    letters.push_back(letter);
  }
  if (pos < item.size()) {
    ++pos;
    if (!ReadRoleName(item, &pos, '\0').has_value()) return false;
  }
  if (letters.empty()) return true;
  model::AclEntry& entry = (*acl)[grantee->empty() ? "PUBLIC" : *grantee];
  entry.privileges = model::OrderedPrivileges(entry.privileges + letters);
  entry.grantable = model::OrderedPrivileges(entry.grantable + grantable);
  return true;
}

// Splits the unescaped form '{a=r/x,"my role"=r/x}' into aclitems, honouring putid's
// quotes so that a comma inside a quoted role name does not split.
std::vector<std::string_view> SplitUnescaped(std::string_view body) {
  std::vector<std::string_view> items;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || (!quoted && body[i] == ',')) {
      if (i > start) items.push_back(body.substr(start, i - start));
      start = i + 1;
    } else if (body[i] == '"') {
      quoted = !quoted;
    }
  }
  return items;
}

}  // namespace

std::optional<model::Acl> ParseAcl(const std::optional<std::string>& text) {
  if (!text.has_value()) return std::nullopt;
  model::Acl acl;
  if (auto elements = ParseTextArray(*text); elements.has_value()) {
    model::Acl parsed;
    bool all_parsed = true;
    for (const std::optional<std::string>& element : *elements) {
      if (!element.has_value() || !AddAclItem(*element, &parsed)) {
        all_parsed = false;
        break;
      }
    }
    if (all_parsed) return parsed;
  }
  std::string_view body = *text;
  if (body.size() >= 2 && body.front() == '{' && body.back() == '}') {
    body = body.substr(1, body.size() - 2);
  }
  for (std::string_view item : SplitUnescaped(body)) AddAclItem(item, &acl);
  return acl;
}

std::optional<model::Acl> ParseAcl(const ResultSet::Row& row, std::string_view column) {
  return ParseAcl(row.Get(column));
}

}  // namespace pgdrift::introspect::internal
