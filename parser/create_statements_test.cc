#include "parser/create_statements.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::parser {
namespace {

using ::testing::ElementsAreArray;

// "line:command:object:idempotent" for each listed statement.
std::vector<std::string> Listed(const std::string& sql) {
  std::vector<std::string> out;
  for (const CreateStatementInfo& info : ListCreateStatements({"m.sql", sql})) {
    out.push_back(std::to_string(info.span.line) + ":" + info.command + ":" + info.object + ":" +
                  (info.idempotent ? "yes" : "no"));
  }
  return out;
}

TEST(CreateStatements, ListsCreatesWithAnIdempotentForm) {
  struct Case {
    std::string sql;
    std::vector<std::string> listed;
  };
  std::vector<Case> cases = {
      {"create table if not exists public.t (a int);\ncreate table u (a int);",
       {"1:CREATE TABLE:public.t:yes", "2:CREATE TABLE:u:no"}},
      {"create index if not exists t_a on public.t (a);\ncreate index on t (a);",
       {"1:CREATE INDEX:public.t_a:yes", "2:CREATE INDEX::no"}},
      {"create schema if not exists app;\ncreate schema authorization joe;",
       {"1:CREATE SCHEMA:app:yes", "2:CREATE SCHEMA:joe:no"}},
      {"create sequence s;\ncreate extension if not exists pgcrypto;",
       {"1:CREATE SEQUENCE:s:no", "2:CREATE EXTENSION:pgcrypto:yes"}},
      {"create or replace function f() returns int language sql as 'select 1';\n"
       "create procedure p() language sql as 'select 1';",
       {"1:CREATE FUNCTION:f:yes", "2:CREATE PROCEDURE:p:no"}},
      {"create view v as select 1;\ncreate materialized view if not exists m as select 1;",
       {"1:CREATE VIEW:v:no", "2:CREATE MATERIALIZED VIEW:m:yes"}},
      {"create or replace trigger tr before insert on t for each row execute function f();",
       {"1:CREATE TRIGGER:tr on t:yes"}},
      {"create table t2 as select 1 as a;", {"1:CREATE TABLE AS:t2:no"}},
      {"create aggregate agg(int) (sfunc = int4pl, stype = int);", {"1:CREATE AGGREGATE:agg:no"}},
      // No idempotent form in PostgreSQL 15: not listed.
      {"create type mood as enum ('a');\ncreate domain d as int;\n"
       "create policy p on t using (true);\ncreate role r;\n"
       "create schema s2 create table x (a int);\n"
       "create constraint trigger ct after insert on t for each row execute function f();",
       {}},
      // Not CREATE statements at all.
      {"alter table t add column if not exists b int;\ninsert into t values (1);", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_THAT(Listed(c.sql), ElementsAreArray(c.listed));
  }
}

TEST(CreateStatements, SkipsStatementsThatDoNotParseAndKeepsTheRest) {
  EXPECT_THAT(Listed("create table a (x int);\ncreate tabel b (x int);\ncreate table c (x int);"),
              ElementsAreArray({"1:CREATE TABLE:a:no", "3:CREATE TABLE:c:no"}));
}

TEST(CreateStatements, RecordsFormKindAndFirstLine) {
  std::vector<CreateStatementInfo> listed =
      ListCreateStatements({"m.sql", "\n  create or replace view public.v as\n  select 1;"});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].kind, "view");
  EXPECT_EQ(listed[0].idempotent_form, "OR REPLACE");
  EXPECT_EQ(listed[0].span.ToString(), "m.sql:2:3");
  EXPECT_EQ(listed[0].first_line, "create or replace view public.v as");
}

TEST(CreateStatements, NotesADropIfExistsOfTheSameObjectBefore) {
  struct Case {
    std::string sql;
    std::vector<bool> dropped_before;
  };
  std::vector<Case> cases = {
      {"drop trigger if exists tr on public.t;\n"
       "create trigger tr before insert on t for each row execute function f();",
       {true}},
      {"drop function if exists public.f(int);\n"
       "create function f(int) returns int language sql as 'select 1';",
       {true}},
      {"drop view if exists v, w;\ncreate view w as select 1;", {true}},
      // Another object, another kind, or a DROP without IF EXISTS (fails on a re-run).
      {"drop view if exists v;\ncreate view w as select 1;", {false}},
      {"drop table if exists v;\ncreate view v as select 1;", {false}},
      {"drop view v;\ncreate view v as select 1;", {false}},
      {"drop trigger if exists tr on other;\n"
       "create trigger tr before insert on t for each row execute function f();",
       {false}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    std::vector<bool> dropped;
    for (const CreateStatementInfo& info : ListCreateStatements({"m.sql", c.sql})) {
      dropped.push_back(info.dropped_before);
    }
    EXPECT_EQ(dropped, c.dropped_before);
  }
}

}  // namespace
}  // namespace pgdrift::parser
