// Policy: a row-level security policy (pg_policy). Identity: the table and the policy
// name (`policy public.orders.staff_select`). Policies are held by their table.
#ifndef PGDRIFT_MODEL_POLICY_H_
#define PGDRIFT_MODEL_POLICY_H_

#include <string>
#include <vector>

#include "model/lineage.h"
#include "model/object_id.h"

namespace pgdrift::model {

struct Policy {
  std::string name;
  bool permissive = true;  // AS PERMISSIVE (default) / AS RESTRICTIVE
  // pg_policy.polcmd as the command name: "ALL", "SELECT", "INSERT", "UPDATE", "DELETE".
  std::string command = "ALL";
  // TO roles, sorted; "public" for PUBLIC (the default), as pg_policies.roles prints it.
  std::vector<std::string> roles = {"public"};
  // USING and WITH CHECK in the form pg_get_expr(polqual / polwithcheck, polrelid)
  // prints with an empty search_path: relations schema-qualified, columns of sub-queries
  // qualified. Empty when absent.
  std::string using_expr;
  std::string check_expr;
  // The relations and routines the expressions read (pg_depend of the policy), so that a
  // DROP of one of them is refused as PostgreSQL refuses it.
  std::vector<ObjectId> depends_on;
  std::string comment;
  Lineage lineage;
};

}  // namespace pgdrift::model

#endif  // PGDRIFT_MODEL_POLICY_H_
