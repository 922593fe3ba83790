// Schema (a namespace, CREATE SCHEMA) and Extension (CREATE EXTENSION) objects.
//
// Objects that an extension creates are represented by the extension alone.
#ifndef PGDRIFT_MODEL_SCHEMA_H_
#define PGDRIFT_MODEL_SCHEMA_H_

#include <string>

#include "model/lineage.h"
#include "model/privileges.h"

namespace pgdrift::model {

struct Schema {
  std::string name;
  std::string owner;
  std::string comment;
  std::optional<Acl> privileges;  // nspacl; nullopt = acldefault (the owner alone)
  bool managed = false;  // the schema itself is provided by the platform profile
  // Everything inside belongs to the platform (Supabase's auth, storage …) and is out of
  // scope for output and comparison, except what a user adds to it later.
  bool contents_managed = false;
  Lineage lineage;
};

struct Extension {
  std::string name;
  std::string schema;   // where its objects live
  std::string version;  // empty when the chain did not pin one
  std::string comment;
  bool managed = false;  // provided by the platform profile
  Lineage lineage;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_SCHEMA_H_
