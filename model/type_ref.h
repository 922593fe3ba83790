// TypeRef: a reference to a data type in its one canonical spelling.
//
// Built-in types are spelled as format_type() prints them with an empty search_path
// (`integer`, `character varying(20)`, `timestamp(3) with time zone`, `numeric(10,2)`),
// with `schema` empty. User types keep their schema and bare name (`public`, `mood`).
// Arrays print one `[]` whatever the declared dimensions, as format_type does. Types from
// extensions that take a modifier keep it apart in `typmod` (`extensions.vector(1536)`).
#ifndef PGDRIFT_MODEL_TYPE_REF_H_
#define PGDRIFT_MODEL_TYPE_REF_H_

#include <compare>
#include <string>

#include "model/object_id.h"

namespace pgdrift::model {

struct TypeRef {
  std::string schema;  // empty for built-in (pg_catalog) types
  std::string name;    // canonical spelling, typmod included for built-ins
  bool array = false;
  // For non-built-in types with a modifier: its text as the type's typmodout prints it,
  // parentheses included ("(1536)", "(point,4326)"); empty otherwise.
  std::string typmod;

  static TypeRef Builtin(std::string spelling, bool array = false) {
    return {"", std::move(spelling), array};
  }

  bool is_user_defined() const { return !schema.empty(); }
  // The referenced type without the array marker.
  TypeRef Element() const { return {schema, name, false, typmod}; }
  QualifiedName qualified() const { return {schema, name}; }

  // `integer[]`, `public.mood`, `"My Schema"."Mood"[]`, `extensions.vector(1536)`.
  std::string ToString() const;

  friend bool operator==(const TypeRef&, const TypeRef&) = default;
  friend auto operator<=>(const TypeRef&, const TypeRef&) = default;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_TYPE_REF_H_
